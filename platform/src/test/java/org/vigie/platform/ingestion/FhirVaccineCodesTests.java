package org.vigie.platform.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.Vaccine;

/** The vaccine products the recommendations tell apart arrive apart (docs/rules/VACC_ZOSTER.md, VACC_DTP_BOOSTER.md). */
class FhirVaccineCodesTests {

    private static final FhirCodes CODES = FhirCodes.load();

    @Test
    void theLiveZosterVaccineIsNotARecombinantDoseAndAnUnspecifiedOneIsNotGuessed() {
        assertThat(CODES.atcVaccine("J07BK02")).isEqualTo(Vaccine.ZOSTER_LIVE);
        assertThat(CODES.cvxVaccine("121")).isEqualTo(Vaccine.ZOSTER_LIVE);
        assertThat(CODES.atcVaccine("J07BK03")).isEqualTo(Vaccine.ZOSTER);
        assertThat(CODES.cvxVaccine("187")).isEqualTo(Vaccine.ZOSTER);
        assertThat(CODES.cvxVaccine("188")).as("zoster, unspecified formulation").isNull();
        assertThat(CODES.atcVaccine("J07BK01")).as("varicella").isNull();
    }

    @Test
    void vaccinesWithoutPoliomyelitisHaveTheirOwnCodes() {
        assertThat(CODES.atcVaccine("J07AM51")).isEqualTo(Vaccine.DT);
        assertThat(CODES.cvxVaccine("09")).isEqualTo(Vaccine.DT);
        assertThat(CODES.cvxVaccine("113")).isEqualTo(Vaccine.DT);
        assertThat(CODES.atcVaccine("J07AJ52")).isEqualTo(Vaccine.DTCA);
        assertThat(CODES.cvxVaccine("115")).isEqualTo(Vaccine.DTCA);
        assertThat(CODES.atcVaccine("J07CA02")).as("dTcaPolio").isEqualTo(Vaccine.DTCAP);
        assertThat(CODES.atcVaccine("J07CA01")).as("dTPolio").isEqualTo(Vaccine.DTP);
    }
}
