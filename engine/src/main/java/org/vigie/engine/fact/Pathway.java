package org.vigie.engine.fact;

/** Consent scope for insurer data; GENERAL campaigns never see insurer data. */
public enum Pathway {
    SCREENING, CHRONIC_CONDITIONS, PREGNANCY, GENERAL
}
