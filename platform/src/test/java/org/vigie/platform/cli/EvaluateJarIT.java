package org.vigie.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.platform.Snapshots.line;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.population.SyntheticPopulation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evaluate} from the packaged jar, run as users run it ({@code java -jar vigie.jar}), in a
 * process of its own: the Spring Boot jar's class loaders are not those of the other tests, which
 * is where evaluating on threads without the application's class loader used to fail. Failsafe
 * runs this after {@code package}, in {@code ./mvnw verify}.
 */
class EvaluateJarIT {

    private static final Path JAR = Path.of(System.getProperty("vigie.jar", "target/vigie.jar"));
    private static final LocalDate ON = LocalDate.of(2026, 3, 16);
    /** The README's command-line example. */
    private static final String README_EXAMPLE = "{\"citizen\":{\"birthDate\":\"1970-05-20\",\"sex\":\"F\"}}";

    @TempDir
    Path dir;

    @Test
    void answersTheReadmeExampleRepeated200TimesOnEveryRun() throws Exception {
        byte[] input = (README_EXAMPLE + "\n").repeat(200).getBytes(StandardCharsets.UTF_8);
        for (int run = 1; run <= 4; run++) {
            Run result = evaluate(input, "--on", ON.toString());

            assertThat(result.status()).as("run %d, stderr: %s", run, result.err()).isEqualTo(ExitStatus.OK);
            assertThat(result.out()).hasSize(200);
            assertThat(result.out()).as("run %d", run).allSatisfy(d -> assertThat(d).isEqualTo(result.out().get(0)));
            assertThat(keys(json(result.out().get(0)))).contains("SCREEN_BREAST", "SCREEN_COLORECTAL");
        }
    }

    @Test
    void gives10000DecisionsInInputOrder() throws Exception {
        SyntheticPopulation population = new SyntheticPopulation(ON, 42);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 10_000; i++) input.append(SnapshotJson.write(population.citizen(i))).append('\n');

        Run result = evaluate(input.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).as("stderr: %s", result.err()).isEqualTo(ExitStatus.OK);
        assertThat(result.out()).hasSize(10_000);
        long recommendations = 0;
        for (int i = 0; i < 10_000; i++) {
            JsonNode decision = json(result.out().get(i));
            assertThat(decision.get("citizenId").asString()).isEqualTo(population.externalId(i));
            assertThat(decision.get("on").asString()).isEqualTo(ON.toString());
            recommendations += decision.get("recommendations").size();
        }
        assertThat(recommendations).isGreaterThan(1_000);
    }

    @Test
    void answersEachBadLineInItsPlaceAndEvaluatesTheOthers() throws Exception {
        SyntheticPopulation population = new SyntheticPopulation(ON, 7);
        // physical line number -> the start of its error; blank lines are counted and skipped
        Map<Integer, String> bad = new LinkedHashMap<>();
        bad.put(1, "citizen.preventionOptout: ");
        bad.put(2, "");                              // invalid JSON
        bad.put(777, "citizen.birthDate: ");         // born after the reference date
        bad.put(2048, "citizen.birthDate: ");        // an impossible date, at a batch's end
        bad.put(2049, "citizen.acts[1].kind: ");
        bad.put(5000, "the line is not valid UTF-8");
        bad.put(9999, "citizen.birthDate: ");        // missing
        bad.put(10_000, "");                         // invalid JSON, last
        List<Integer> blank = List.of(3, 4096, 6000);
        Map<Integer, byte[]> badLines = Map.of(
                1, utf8(line("unknown-field")), 2, utf8(line("malformed")), 777, utf8(line("born-2030")),
                2048, utf8(line("impossible-date")), 2049, utf8(line("unknown-act-kind")),
                5000, line("accented-citizen-id").getBytes(StandardCharsets.ISO_8859_1),
                9999, utf8(line("missing-birth-date")), 10_000, utf8(line("malformed")));
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        List<String> expectedIds = new ArrayList<>(); // per output line: a citizen id, or null for an error
        List<Integer> expectedLines = new ArrayList<>();
        for (int n = 1; n <= 10_000; n++) {
            if (blank.contains(n)) {
                input.write(n == 4096 ? "   \r".getBytes(StandardCharsets.UTF_8) : new byte[0]);
            } else if (badLines.containsKey(n)) {
                input.write(badLines.get(n));
                expectedIds.add(null);
                expectedLines.add(n);
            } else {
                var snapshot = population.citizen(n);
                input.write(utf8(SnapshotJson.write(snapshot)));
                expectedIds.add(snapshot.citizenId());
                expectedLines.add(n);
            }
            input.write('\n');
        }

        Run result = evaluate(input.toByteArray(), "--on", ON.toString());

        assertThat(result.status()).as("stderr: %s", result.err()).isEqualTo(ExitStatus.REJECTED);
        assertThat(result.out()).hasSize(10_000 - blank.size());
        for (int i = 0; i < expectedIds.size(); i++) {
            JsonNode out = json(result.out().get(i));
            int n = expectedLines.get(i);
            if (expectedIds.get(i) == null) {
                assertThat(out.propertyNames()).as("line %d", n).containsExactly("line", "error");
                assertThat(out.get("line").asInt()).isEqualTo(n);
                assertThat(out.get("error").asString()).as("line %d", n).startsWith(bad.get(n)).isNotBlank();
            } else {
                assertThat(out.get("citizenId").asString()).as("line %d", n).isEqualTo(expectedIds.get(i));
            }
        }
    }

    private record Run(int status, List<String> out, String err) {
    }

    /** Runs {@code java -jar vigie.jar evaluate ARGS} with the input on stdin. */
    private Run evaluate(byte[] input, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar (run `./mvnw package` first)").isRegularFile();
        Path in = Files.write(dir.resolve("in.jsonl"), input);
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "evaluate"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("evaluate did not finish in 3 minutes");
        }
        return new Run(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private static JsonNode json(String line) {
        return JsonMapper.shared().readTree(line);
    }

    private static List<String> keys(JsonNode decision) {
        List<String> keys = new ArrayList<>();
        decision.get("recommendations").forEach(r -> keys.add(r.get("key").asString()));
        return keys;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
