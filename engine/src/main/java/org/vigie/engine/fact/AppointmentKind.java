package org.vigie.engine.fact;

/** What an agenda appointment is for. */
public enum AppointmentKind {
    MAMMOGRAPHY, FIT_TEST, COLONOSCOPY, CERVICAL_CYTOLOGY, HPV_TEST, DENTAL_EXAM, PREVENTION_CHECKUP,
    VACCINATION, CONSULTATION, OTHER
}
