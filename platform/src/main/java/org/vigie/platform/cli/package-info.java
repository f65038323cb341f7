/**
 * The command line: subcommands that run on the engine alone, without Spring, web server or
 * database, so that anyone can evaluate snapshots from a shell.
 */
package org.vigie.platform.cli;
