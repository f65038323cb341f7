package org.vigie.platform.ingestion;

/**
 * One record of an input: its 1-based line number (the first line of a Bundle written over several
 * lines) and its text, {@code null} when its bytes are not UTF-8.
 */
record InputRecord(int line, String text) {
}
