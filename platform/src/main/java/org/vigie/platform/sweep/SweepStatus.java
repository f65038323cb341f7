package org.vigie.platform.sweep;

/** Where a sweep is: running until every chunk is done or failed; FAILED when at least one chunk failed. */
public enum SweepStatus {
    RUNNING, DONE, FAILED
}
