package org.vigie.engine.fact;

/** Kinds of act a rule can ask about; acts given only as CCAM/NABM codes are mapped to these through the terminology table. */
public enum ActKind {
    MAMMOGRAPHY, FIT_TEST, COLONOSCOPY, CERVICAL_CYTOLOGY, HPV_TEST, HYSTERECTOMY, DENTAL_EXAM, PREVENTION_CHECKUP
}
