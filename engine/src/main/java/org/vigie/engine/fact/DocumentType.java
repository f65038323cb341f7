package org.vigie.engine.fact;

/** Types of DMP document metadata the engine may read (never the content). */
public enum DocumentType {
    IMAGING_REPORT, LAB_RESULT, CONSULTATION_REPORT, HOSPITAL_DISCHARGE, PRESCRIPTION, VACCINATION_CERTIFICATE, PREVENTION_SYNTHESIS, OTHER
}
