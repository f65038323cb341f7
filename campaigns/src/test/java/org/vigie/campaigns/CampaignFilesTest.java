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
