package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the rules, scenarios, campaigns, code and docs cite is in the repository: every repository
 * path a rule, scenario, campaign or doc names (e.g. {@code docs/prevention-sources.md#21-breast-screening}),
 * every {@code docs/…} path a Java comment names, and every relative link of a Markdown page, exists,
 * with its {@code #anchor} when it gives one. Documents kept outside the repository are not cited. The
 * architecture page keeps one section per module.
 */
class CitationTest {

    static final Path ROOT = root();
    static final List<String> TOP = List.of("docs", "rules", "campaigns", "engine", "platform", "templates");

    /** A repository path in prose: starts with a top directory, ends with a file extension, maybe an anchor. */
    static final Pattern REPOSITORY_PATH = Pattern.compile(
            "(?<![\\w./(<-])((?:docs|rules|campaigns|engine|platform|templates)/[\\w./-]*\\.(?:md|drl|csv|ya?ml|java|properties|ftl|txt|sql))(#[\\w-]+)?");
    /** Only docs are cited from Java: its other paths are classpath resources of tests. */
    static final Pattern DOCS_PATH = Pattern.compile("(?<![\\w./(<-])(docs/[\\w./-]*\\.md)(#[\\w-]+)?");
    static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    static final Pattern OUTSIDE = Pattern.compile("prevention-rules\\.md|seed 00\\d|shared/(reference|seeds)/");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

    @Test
    void everyCitedRepositoryPathAndAnchorExists() {
        List<String> broken = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            Pattern cited = name.endsWith(".java") ? DOCS_PATH : REPOSITORY_PATH;
            eachLine(file, (number, line) -> {
                Matcher m = cited.matcher(line);
                while (m.find()) check(file, number, ROOT.resolve(m.group(1)), m.group(2), broken);
            });
        }
        assertThat(broken).as("citations of paths or anchors that do not exist").isEmpty();
    }

    @Test
    void everyRelativeLinkOfAMarkdownPageExists() {
        List<String> broken = new ArrayList<>();
        for (Path file : files()) {
            if (!file.toString().endsWith(".md")) continue;
            eachLine(file, (number, line) -> {
                Matcher m = MARKDOWN_LINK.matcher(line);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) continue; // https:, mailto:
                    int hash = target.indexOf('#');
                    String path = hash < 0 ? target : target.substring(0, hash);
                    String anchor = hash < 0 ? null : target.substring(hash);
                    check(file, number, path.isEmpty() ? file : file.getParent().resolve(path).normalize(), anchor, broken);
                }
            });
        }
        assertThat(broken).as("Markdown links to files or anchors that do not exist").isEmpty();
    }

    @Test
    void nothingCitesADocumentKeptOutsideTheRepository() {
        List<String> outside = new ArrayList<>();
        for (Path file : files()) {
            eachLine(file, (number, line) -> {
                if (OUTSIDE.matcher(line).find()) outside.add(ROOT.relativize(file) + ":" + number + ": " + line.strip());
            });
        }
        assertThat(outside).as("cite docs/prevention-sources.md or docs/space-sources.md instead").isEmpty();
    }

    /**
     * The architecture page has one section per Maven module ({@code ### `engine` (`vigie-engine`)}) and one
     * per Spring Modulith module of the platform ({@code ### `citizen`}), and none for a package that is gone:
     * a module added, moved or renamed fails here until its section follows.
     */
    @Test
    void theArchitectureHasOneSectionPerModuleAndNoneForAModuleThatIsGone() throws IOException {
        String architecture = Files.readString(ROOT.resolve("docs/architecture.md"), StandardCharsets.UTF_8);
        Set<String> mavenModules = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) mavenModules.add(module.group(1));
        Set<String> documentedMaven = sections(architecture, "^### `([a-z]+)` \\(`vigie-[a-z]+`\\)$");
        assertThat(documentedMaven).as("Maven modules in docs/architecture.md").isEqualTo(mavenModules);

        Set<String> packages = new TreeSet<>();
        try (Stream<Path> list = Files.list(ROOT.resolve("platform/src/main/java/org/vigie/platform"))) {
            list.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        String platform = architecture.substring(architecture.indexOf("\n## The platform"));
        platform = platform.substring(0, platform.indexOf("\n## ", 1));
        assertThat(sections(platform, "^### `([a-z]+)`$")).as("platform modules in docs/architecture.md").isEqualTo(packages);
    }

    private static Set<String> sections(String page, String heading) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile(heading, Pattern.MULTILINE).matcher(page);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void anchorsAreTheOnesGitHubDerivesFromHeadings() {
        assertThat(anchor("2.1 Breast screening")).isEqualTo("21-breast-screening");
        assertThat(anchor("2.7 COVID-19")).isEqualTo("27-covid-19");
        assertThat(anchor("Where each open point of the reference is decided"))
                .isEqualTo("where-each-open-point-of-the-reference-is-decided");
        assertThat(anchor("`surface`: the « À la une » feed")).isEqualTo("surface-the--à-la-une--feed");
    }

    private static void check(Path from, int line, Path target, String anchor, List<String> broken) {
        String where = ROOT.relativize(from) + ":" + line + ": ";
        if (!Files.exists(target)) {
            broken.add(where + ROOT.relativize(target) + " does not exist");
        } else if (anchor != null && target.toString().endsWith(".md") && !anchors(target).contains(anchor.substring(1))) {
            broken.add(where + ROOT.relativize(target) + anchor + ": no such heading");
        }
    }

    /** The anchors of a Markdown page: one per heading, as GitHub derives them, and explicit ones. */
    static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        boolean[] fenced = {false};
        eachLine(page, (number, line) -> {
            if (line.startsWith("```")) fenced[0] = !fenced[0];
            if (fenced[0]) return;
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) anchors.add(anchor(heading.group(1)));
            Matcher explicit = EXPLICIT_ANCHOR.matcher(line);
            while (explicit.find()) anchors.add(explicit.group(1));
        });
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, each space a hyphen. */
    static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    interface LineVisitor {
        void visit(int number, String line);
    }

    private static void eachLine(Path file, LineVisitor visitor) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) visitor.visit(i + 1, lines.get(i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule, scenario, campaign, doc and Java source files of the repository. */
    static List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        for (String top : TOP) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(top))) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> !ROOT.relativize(f).toString().contains("/target/"))
                        .filter(f -> f.toString().matches(".*\\.(md|drl|csv|ya?ml|java)$"))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The repository root: the first directory up from here that holds the docs and the rules module. */
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("rules/pom.xml"))) return dir;
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
