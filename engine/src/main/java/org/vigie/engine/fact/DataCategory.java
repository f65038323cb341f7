package org.vigie.engine.fact;

/**
 * The data categories a campaign declares (minimisation, P4) and a recommendation reports in
 * {@code dataUsed}. Every fact type has one category of its own; a fact whose source is
 * {@link Source#INSURER} is insurer data on top of that.
 */
public enum DataCategory {
    IDENTITY, MEDICAL_PROFILE, MEASURES, VACCINATIONS, DMP_DOCUMENTS, AGENDA, REIMBURSEMENT_HISTORY, INSURER_DATA
}
