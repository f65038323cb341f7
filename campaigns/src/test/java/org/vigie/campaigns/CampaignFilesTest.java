package org.vigie.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.campaign.ProfileSection;
import org.vigie.engine.campaign.Professional;
import org.vigie.engine.campaign.Surface;
import org.vigie.engine.fact.DataCategory;

/** Every shipped campaign file is valid, and the catalogue is consistent as a whole. */
class CampaignFilesTest {

    static final Path FILES = Path.of("src/main/resources", CampaignCatalogue.LOCATION);

    static List<Campaign> shipped() throws IOException {
        try (Stream<Path> files = Files.list(FILES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .map(f -> CampaignCatalogue.parse(CampaignCatalogue.LOCATION + f.getFileName(), read(f)))
                    .toList();
        }
    }

    @Test
    void everyCampaignFileIsValid() throws IOException {
        List<Campaign> campaigns = shipped();
        assertThat(campaigns).isNotEmpty();
        assertThat(CampaignCatalogue.of(campaigns).all()).hasSameSizeAs(campaigns);
    }

    @Test
    void keysAreUnique() throws IOException {
        assertThat(shipped().stream().map(Campaign::key)).doesNotHaveDuplicates();
    }

    /**
     * The committee's choice of display surfaces (docs/space-sources.md#surfaces): a vaccination shows everywhere,
     * including an alert on the vaccinations section of the medical profile; a screening, a dental
     * check-up or a key-age check-up has no profile section to alert on.
     */
    @Test
    void everyCampaignDeclaresItsDisplaySurfaces() throws IOException {
        List<Campaign> campaigns = shipped();
        assertThat(campaigns).hasSizeGreaterThanOrEqualTo(17);
        for (Campaign c : campaigns) {
            if (c.id().startsWith("vacc-")) {
                assertThat(c.surfaces()).as(c.id()).containsExactly(Surface.FEED, Surface.AGENDA, Surface.PROFILE_ALERT,
                        Surface.SECURE_MESSAGE);
                assertThat(c.profileSection()).as(c.id()).isEqualTo(ProfileSection.VACCINATIONS);
            } else {
                assertThat(c.id()).matches("screen-.*|dental-checkup|key-age-checkup-.*");
                assertThat(c.surfaces()).as(c.id()).containsExactly(Surface.FEED, Surface.AGENDA, Surface.SECURE_MESSAGE);
                assertThat(c.profileSection()).as(c.id()).isNull();
            }
        }
    }

    /** The surfaces send the citizen to the right professional: a dental exam to a dentist, never only to a doctor. */
    @Test
    void everyCampaignNamesWhoDoesWhatItRecommends() throws IOException {
        for (Campaign c : shipped()) {
            assertThat(c.performedBy()).as(c.id()).isNotEmpty();
        }
        assertThat(shipped()).filteredOn(c -> c.id().equals("dental-checkup")).singleElement()
                .satisfies(c -> assertThat(c.performedBy()).containsExactly(Professional.DENTIST));
    }

    /**
     * An exam booked in the agenda reads as planned: every campaign completed by acts says which
     * appointments book it, and declares the agenda (P4). A vaccination appointment does not say
     * which vaccine, so no vaccination campaign counts it.
     */
    @Test
    void examCampaignsAreBookedByTheirAppointmentsAndDeclareTheAgenda() throws IOException {
        for (Campaign c : shipped()) {
            if (c.completedBy().acts().isEmpty()) {
                assertThat(c.bookedBy()).as(c.id()).isEmpty();
                continue;
            }
            assertThat(c.declares(DataCategory.AGENDA)).as(c.id() + " declares AGENDA").isTrue();
            assertThat(c.bookedBy().stream().map(Enum::name))
                    .as(c.id() + ": booked by appointments of the acts that complete it")
                    .containsExactlyInAnyOrderElementsOf(c.completedBy().acts().stream().map(Enum::name).toList());
        }
    }

    @Test
    void onlyYamlFilesLiveInTheCatalogue() throws IOException {
        try (Stream<Path> files = Files.list(FILES)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(name -> name.endsWith(".yaml"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
