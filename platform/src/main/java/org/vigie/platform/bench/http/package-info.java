/**
 * {@code bench http}: the HTTP API driven at fixed rates and at its maximum by a load generator in
 * Java ({@code java.net.http}), against the packaged server started as a process or one given by URL.
 */
package org.vigie.platform.bench.http;
