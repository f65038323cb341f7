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
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void everyBundleHasAnEnglishOneBesideTheFrench() throws Exception {
        assertThat(bundles()).extracting(f -> f.getFileName().toString())
                .contains("messages.properties", "messages_en.properties");
    }

    @Test
    void everyMessageOfEveryBundleTakesTheArgumentsOfTheFrenchOne() throws Exception {
        List<Path> files = bundles();
        Properties french = load(files.stream().filter(f -> f.getFileName().toString().equals("messages.properties"))
                .findFirst().orElseThrow());
        for (Path other : files) {
            Properties bundle = load(other);
            for (String key : french.stringPropertyNames()) {
                assertThat(placeholders(bundle.getProperty(key))).as(other.getFileName() + " " + key)
                        .isEqualTo(placeholders(french.getProperty(key)));
            }
        }
    }

    @Test
    void everyArgumentOfAnEnglishMessageIsFilledIn() {
        Messages english = Messages.of(Locale.ENGLISH);
        Properties french = french();
        for (String key : french.stringPropertyNames()) {
            // {personne} is filled in for a representative only, who reads the key's own text when it has no variant
            Reader reader = french.getProperty(key).contains(Messages.PERSON) ? Reader.LEGAL_REPRESENTATIVE : Reader.HOLDER;
            String filled = english.get(key, reader, "ARG0", "ARG1", "ARG2", "ARG3");
            // a single apostrophe would quote the rest of the pattern and leave its arguments unfilled
            assertThat(filled).as(key).doesNotContain("{0}", "{1}", "{2}", "{3}", Messages.PERSON);
        }
        assertThat(english.get("criteria.expires", "18/12/2025")).isEqualTo("in force until 18/12/2025");
        assertThat(english.get("space.action.planned")).contains("If it is cancelled");
    }

    @Test
    void frenchStaysWhatCitizensReadUnlessEnglishIsAsked() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH); // a server whose default locale is English still writes French
            assertThat(Messages.french().get("criteria.title")).isEqualTo("Les critères de la prévention personnalisée");
            assertThat(Messages.of(Locale.GERMAN).get("criteria.title")).isEqualTo("Les critères de la prévention personnalisée");
            assertThat(Messages.of(Locale.ENGLISH).get("criteria.title")).isEqualTo("The criteria of personalised prevention");
            assertThat(Messages.of(Locale.ENGLISH).get("space.provenance", Reader.LEGAL_REPRESENTATIVE))
                    .isEqualTo("This message is suggested for your child by the personalised prevention of Mon espace santé.");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) found.add(m.group());
        return found;
    }

    private static Properties french() {
        try {
            return load(bundles().stream().filter(f -> f.getFileName().toString().equals("messages.properties"))
                    .findFirst().orElseThrow());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fillsArgumentsAndKeepsApostrophes() {
        assertThat(Messages.french().get("criteria.expires", "18/12/2025")).isEqualTo("en vigueur jusqu'au 18/12/2025");
        assertThat(Messages.french().get("category.INSURER_DATA")).contains("l'Assurance Maladie");
    }
}
