package org.vigie.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Pathway;
import org.vigie.engine.json.Fixtures;

class CampaignCatalogueTest {

    static final String GOOD = Fixtures.resource("/testbase/campaigns/test-mammo.yaml");

    @Test
    void readsAValidCampaign() {
        Campaign c = CampaignCatalogue.parse("vigie/campaigns/test-mammo.yaml", GOOD);
        assertThat(c.key()).isEqualTo("TEST_MAMMO");
        assertThat(c.pathway()).isEqualTo(Pathway.SCREENING);
        assertThat(c.dataCategories()).contains(DataCategory.IDENTITY, DataCategory.INSURER_DATA);
        assertThat(c.notificationCategory()).isEqualTo(NotificationCategory.CANCER_SCREENING);
        assertThat(c.coolDown()).isEqualTo(Period.ofDays(30));
        assertThat(c.seasonal()).isFalse();
        assertThat(c.surfaces()).containsExactly(Surface.FEED, Surface.AGENDA, Surface.SECURE_MESSAGE);
        assertThat(c.profileSection()).isNull();
    }

    @Test
    void readsSurfacesInTheirOwnOrderWithTheProfileSectionOfAnAlert() {
        Campaign c = CampaignCatalogue.parse("test-mammo.yaml", GOOD.replace("surfaces: [FEED, AGENDA, SECURE_MESSAGE]",
                "surfaces: [SECURE_MESSAGE, PROFILE_ALERT, FEED]\nprofileSection: VACCINATIONS"));
        assertThat(c.surfaces()).containsExactly(Surface.FEED, Surface.PROFILE_ALERT, Surface.SECURE_MESSAGE);
        assertThat(c.displaysOn(Surface.PROFILE_ALERT)).isTrue();
        assertThat(c.displaysOn(Surface.AGENDA)).isFalse();
        assertThat(c.profileSection()).isEqualTo(ProfileSection.VACCINATIONS);
    }

    @Test
    void readsWhatCompletesTheCampaignAndRefusesWhatIsNoActOrVaccine() {
        Campaign c = CampaignCatalogue.parse("test-mammo.yaml", GOOD + "completedBy: {acts: [MAMMOGRAPHY], vaccines: [FLU]}\n");
        assertThat(c.completedBy().acts()).containsExactly(org.vigie.engine.fact.ActKind.MAMMOGRAPHY);
        assertThat(c.completedBy().vaccines()).containsExactly(org.vigie.engine.fact.Vaccine.FLU);
        assertThat(CampaignCatalogue.parse("test-mammo.yaml", GOOD).completedBy().isEmpty()).as("optional").isTrue();
        assertBad(GOOD + "completedBy: {acts: [MAMOGRAPHY]}\n", "f/test-mammo.yaml: completedBy.acts[0]: unknown value 'MAMOGRAPHY'");
        assertBad(GOOD + "completedBy: {visits: [GP]}\n", "f/test-mammo.yaml: completedBy.visits");
    }

    @Test
    void readsWhoPerformsItAndWhatBooksItWhichNeedsTheAgenda() {
        String withAgenda = GOOD.replace("INSURER_DATA]", "INSURER_DATA, AGENDA]");
        Campaign c = CampaignCatalogue.parse("test-mammo.yaml", withAgenda + "performedBy: [RADIOLOGIST]\nbookedBy: [MAMMOGRAPHY]\n");
        assertThat(c.performedBy()).containsExactly(Professional.RADIOLOGIST);
        assertThat(c.bookedBy()).containsExactly(org.vigie.engine.fact.AppointmentKind.MAMMOGRAPHY);
        Campaign plain = CampaignCatalogue.parse("test-mammo.yaml", GOOD);
        assertThat(plain.performedBy()).as("optional").isEmpty();
        assertThat(plain.bookedBy()).as("optional").isEmpty();
        assertBad(GOOD + "bookedBy: [MAMMOGRAPHY]\n",
                "f/test-mammo.yaml: bookedBy: needs the AGENDA data category: a campaign that does not declare it never sees appointments");
        assertBad(withAgenda + "bookedBy: [MAMOGRAPHY]\n", "f/test-mammo.yaml: bookedBy[0]: unknown value 'MAMOGRAPHY'");
        assertBad(GOOD + "performedBy: [DENTIST, BARBER]\n", "f/test-mammo.yaml: performedBy[1]: unknown value 'BARBER'");
    }

    @Test
    void surfacesAndTheProfileSectionAreCheckedWithTheFileAndTheField() {
        String surfaces = "surfaces: [FEED, AGENDA, SECURE_MESSAGE]";
        assertBad(GOOD.replace(surfaces + "\n", ""), "f/test-mammo.yaml: surfaces: must declare at least one display surface");
        assertBad(GOOD.replace(surfaces, "surfaces: []"), "f/test-mammo.yaml: surfaces: must declare at least one display surface");
        assertBad(GOOD.replace(surfaces, "surfaces: [FEED, BANNER]"), "f/test-mammo.yaml: surfaces[1]: unknown value 'BANNER'");
        assertBad(GOOD.replace(surfaces, "surfaces: [FEED, PROFILE_ALERT]"),
                "f/test-mammo.yaml: profileSection: is required with the PROFILE_ALERT surface");
        assertBad(GOOD + "profileSection: VACCINATIONS\n",
                "f/test-mammo.yaml: profileSection: is only allowed with the PROFILE_ALERT surface");
        assertBad(GOOD.replace(surfaces, "surfaces: [PROFILE_ALERT]\nprofileSection: VACCINS"),
                "f/test-mammo.yaml: profileSection: unknown value 'VACCINS'");
    }

    @Test
    void aCampaignBuiltWithoutSurfacesHasNone() {
        Campaign c = CampaignCatalogue.parse("test-mammo.yaml", GOOD);
        Campaign bare = new Campaign(c.id(), c.key(), c.title(), c.description(), c.pathway(), c.dataCategories(),
                c.notificationCategory(), c.seasons(), c.coolDown(), null, null, null, null, null);
        assertThat(bare.surfaces()).isEmpty();
        assertThat(bare.profileSection()).isNull();
    }

    @Test
    void readsASingleSeason() {
        Campaign c = CampaignCatalogue.parse("test-mammo.yaml", GOOD + """
                seasons:
                  - name: "2025-2026"
                    from: 2025-10-14
                    to: 2026-01-31
                """);
        assertThat(c.seasonOn(LocalDate.of(2025, 10, 13))).isEmpty();
        assertThat(c.seasonOn(LocalDate.of(2025, 10, 14))).map(Season::name).contains("2025-2026");
        assertThat(c.seasonOn(LocalDate.of(2026, 1, 31))).isPresent();
        assertThat(c.seasonOn(LocalDate.of(2026, 2, 1))).isEmpty();
        assertThat(c.seasonOn(LocalDate.of(2026, 10, 14))).as("a single season does not recur").isEmpty();
    }

    @Test
    void badFilesFailWithTheFileAndTheField() {
        assertBad(GOOD + "colour: red\n", "f/test-mammo.yaml: colour: unknown field");
        assertBad(GOOD.replace("pathway: SCREENING", "pathway: SCREEN"), "f/test-mammo.yaml: pathway: unknown value 'SCREEN'");
        assertBad(GOOD.replace("key: TEST_MAMMO\n", ""), "f/test-mammo.yaml: key: is required");
        assertBad(GOOD.replace("key: TEST_MAMMO", "key: test mammo"), "f/test-mammo.yaml: key: 'test mammo' must be upper case");
        assertBad(GOOD.replace("id: test-mammo", "id: other"), "f/test-mammo.yaml: id: 'other' does not match the file name");
        assertBad(GOOD.replace("coolDown: P30D", "coolDown: 30 days"), "f/test-mammo.yaml: coolDown:");
        assertBad(GOOD.replace("IDENTITY, ", "IDENTITE, "), "f/test-mammo.yaml: dataCategories");
        assertBad(GOOD.replace("dataCategories: [IDENTITY, REIMBURSEMENT_HISTORY, MEDICAL_PROFILE, INSURER_DATA]", "dataCategories: []"),
                "dataCategories: must declare at least one data category");
        assertBad(GOOD.replace("pathway: SCREENING", "pathway: GENERAL"), "dataCategories: INSURER_DATA needs a consent pathway");
        assertBad(GOOD + "seasons:\n  - name: a\n    from: 2025-10-14\n    to: 2025-10-01\n", "seasons[0]: season a ends before it starts");
        assertBad(GOOD + "seasons:\n  - name: a\n    from: 2025-10-14\n    to: 2026-01-31\n  - name: b\n    from: 2026-01-31\n    to: 2026-03-01\n",
                "seasons[1]: must start after the previous season ends");
        assertBad(GOOD + "seasons:\n  - name: a\n    from: 2025-02-30\n    to: 2026-01-31\n", "seasons[0].from: '2025-02-30' is not a valid date");
    }

    @Test
    void theKeyIsTheIdInUpperCase() {
        assertBad(GOOD.replace("key: TEST_MAMMO", "key: MAMMO"),
                "f/test-mammo.yaml: key: 'MAMMO' must be TEST_MAMMO, the campaign id in upper case with '_' for '-'");
        assertBad(GOOD.replace("key: TEST_MAMMO", "key: TEST_MAMMOGRAPHY"), "f/test-mammo.yaml: key: 'TEST_MAMMOGRAPHY' must be TEST_MAMMO");
    }

    @Test
    void rejectsTwoCampaignsWithOneId() {
        Campaign c = CampaignCatalogue.parse("test-mammo.yaml", GOOD);
        assertThatThrownBy(() -> CampaignCatalogue.of(List.of(c, c))).hasMessageContaining("is declared twice");
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> CampaignCatalogue.fromClasspath(getClass().getClassLoader(), List.of("nope")))
                .hasMessage("vigie/campaigns/nope.yaml: no such campaign file on the class path");
    }

    private static void assertBad(String yaml, String message) {
        assertThatThrownBy(() -> CampaignCatalogue.parse("f/test-mammo.yaml", yaml))
                .isInstanceOf(InvalidCampaignException.class)
                .hasMessageContaining(message);
    }
}
