package org.vigie.engine.fact;

/** State of an agenda appointment. */
public enum AppointmentStatus {
    SCHEDULED, DONE, CANCELLED, MISSED
}
