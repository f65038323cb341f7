package org.vigie.engine.campaign;

/**
 * The sections of the medical profile (docs/space-sources.md#medical-profile) a campaign's profile alert can be shown
 * on, e.g. the vaccinations section for an overdue booster.
 */
public enum ProfileSection {
    VACCINATIONS, CONDITIONS, TREATMENTS, HOSPITALISATIONS, DISABILITIES, PREGNANCY, ALLERGIES, FAMILY_HISTORY, MEASURES
}
