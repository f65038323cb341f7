package org.vigie.platform.ingestion;

import java.util.Set;

/** The code systems the FHIR mapping reads, as URIs (documented in docs/ingestion.md). */
final class FhirSystems {

    private FhirSystems() {
    }

    /**
     * ICD-10: WHO (HL7 URI and OID), the French CIM-10 of the national terminology server, and the US
     * ICD-10-CM (URI and OID), whose codes extend the WHO categories (E11.9, Z15.01): read by prefix
     * like the others.
     */
    static final Set<String> ICD10 = Set.of(
            "http://hl7.org/fhir/sid/icd-10",
            "urn:oid:2.16.840.1.113883.6.3",
            "https://smt.esante.gouv.fr/terminologie-cim-10",
            "http://hl7.org/fhir/sid/icd-10-cm",
            "urn:oid:2.16.840.1.113883.6.90");

    /** RxNorm (US National Library of Medicine), translated to ATC through vigie/terminology/rxnorm.csv. */
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /** ATC (WHO Collaborating Centre), HL7 URI and OID. */
    static final Set<String> ATC = Set.of("http://www.whocc.no/atc", "urn:oid:2.16.840.1.113883.6.73");

    /** CCAM, as the French national terminology server names it. */
    static final Set<String> CCAM = Set.of("https://smt.esante.gouv.fr/terminologie-ccam");

    static final String CVX = "http://hl7.org/fhir/sid/cvx";
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";

    /** Vigie's own code systems: the contract's enumeration names as codes. */
    private static final String VIGIE = "https://fhir.vigie.example/CodeSystem/";
    static final String VIGIE_SOURCE = VIGIE + "source";
    static final String VIGIE_SECURITY = VIGIE + "security";
    static final String HIDDEN_FROM_REPRESENTATIVES = "HIDDEN_FROM_REPRESENTATIVES";
    static final String VIGIE_VACCINE = VIGIE + "vaccine";
    static final String VIGIE_ACT_KIND = VIGIE + "act-kind";
    static final String VIGIE_APPOINTMENT_KIND = VIGIE + "appointment-kind";
    static final String VIGIE_DOCUMENT_TYPE = VIGIE + "document-type";

    /** Pregnancy: LOINC "Pregnancy status" valued SNOMED "Pregnant", with an LMP component. */
    static final String PREGNANCY_STATUS = "82810-3";
    static final String PREGNANT = "77386006";
    static final String LAST_MENSTRUAL_PERIOD = "8665-2";
}
