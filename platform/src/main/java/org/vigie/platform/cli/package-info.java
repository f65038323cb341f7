/**
 * The command line: subcommands that run on the engine alone, without Spring, web server or
 * database, so that anyone can evaluate snapshots from a shell.
 */
@ApplicationModule(allowedDependencies = {})
package org.vigie.platform.cli;

import org.springframework.modulith.ApplicationModule;
