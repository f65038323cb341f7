package org.vigie.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigie.engine.fact.DataCategory;
import org.vigie.engine.fact.Pathway;

/** Every value a citizen may read has its wording, and every language bundle has every key. */
class MessageBundleTest {

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<Path> bundles() throws IOException, URISyntaxException {
        Path dir = Path.of(MessageBundleTest.class.getClassLoader().getResource("vigie/messages").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("messages")).sorted().toList();
        }
    }

    @Test
    void everyDataCategoryAndPathwayHasAWording() {
        Messages fr = Messages.french();
        Arrays.stream(DataCategory.values()).forEach(c -> assertThat(fr.get("category." + c)).isNotBlank());
        Arrays.stream(Pathway.values()).forEach(p -> assertThat(fr.get("pathway." + p)).isNotBlank());
    }

    @Test
    void everyBundleHasTheKeysOfTheFrenchOne() throws Exception {
        List<Path> files = bundles();
        Properties french = load(files.stream().filter(f -> f.getFileName().toString().equals("messages.properties"))
                .findFirst().orElseThrow());
        for (Path other : files) {
            assertThat(load(other).stringPropertyNames()).as(other.getFileName().toString())
                    .containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
        }
    }

    @Test
    void fillsArgumentsAndKeepsApostrophes() {
        assertThat(Messages.french().get("criteria.expires", "18/12/2025")).isEqualTo("en vigueur jusqu'au 18/12/2025");
        assertThat(Messages.french().get("category.INSURER_DATA")).contains("l'Assurance Maladie");
    }
}
