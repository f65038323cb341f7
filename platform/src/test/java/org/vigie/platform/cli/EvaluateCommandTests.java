package org.vigie.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.platform.Snapshots.line;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.evaluation.RuleFile;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetBuilder;
import org.vigie.engine.evaluation.RuleSetException;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.engine.terminology.Terminology;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluateCommandTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(),
            ZoneId.of("Europe/Paris"));

    /** The shipped rule base, built once for the whole class: building takes seconds. */
    private static RuleSet shipped;

    @BeforeAll
    static void buildRuleBase() {
        shipped = RuleSetManifest.loadDefault();
    }

    @AfterAll
    static void closeRuleBase() {
        shipped.close();
    }

    @Test
    void evaluatesEveryLineInInputOrder() {
        Run run = evaluate(lines(line("woman-born-1970"), line("man-born-1990"), line("woman-born-1970-opted-out")),
                "--on", "2026-03-16");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.json()).extracting(d -> d.get("citizenId").asString())
                .containsExactly("woman-1970", "man-1990", "opted-out");
        JsonNode woman = run.json().get(0);
        assertThat(woman.get("on").asString()).isEqualTo("2026-03-16");
        assertThat(woman.get("ruleSet").asString()).isEqualTo(shipped.id());
        assertThat(woman.get("suppressed").isNull()).isTrue();
        assertThat(keys(woman)).contains("SCREEN_BREAST", "SCREEN_COLORECTAL");
    }

    @Test
    void writesExactlyTheEnginesDecision() {
        Run run = evaluate(lines(line("woman-born-1970")), "--on", "2026-03-16");

        String expected = SnapshotJson.write(shipped.evaluate(SnapshotJson.read(line("woman-born-1970")), TODAY));
        assertThat(run.out()).isEqualTo(expected + "\n");
    }

    @Test
    void rejectsALineThatIsNotUtf8AndEvaluatesTheOthers() {
        byte[] latin1 = line("accented-citizen-id").getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = (line("man-born-1990") + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[good.length + latin1.length + 1 + good.length];
        System.arraycopy(good, 0, input, 0, good.length);
        System.arraycopy(latin1, 0, input, good.length, latin1.length);
        input[good.length + latin1.length] = '\n';
        System.arraycopy(good, 0, input, good.length + latin1.length + 1, good.length);

        Run run = run(new EvaluateCommand(() -> shipped, CLOCK), input, "--on", "2026-03-16");

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.json().get(1).get("line").asInt()).isEqualTo(2);
        assertThat(run.json().get(1).get("error").asString()).isEqualTo("the line is not valid UTF-8");
        assertThat(run.json().get(2).get("citizenId").asString()).isEqualTo("man-1990");
    }

    @Test
    void readsAndWritesUtf8() {
        Run run = evaluate(lines(line("accented-citizen-id")));

        assertThat(run.json().get(0).get("citizenId").asString()).isEqualTo("Éloïse-Œ");
    }

    @Test
    void suppressesCitizensWhoOptedOutOrClosedTheirAccount() {
        Run run = evaluate(lines(line("woman-born-1970-opted-out"), line("woman-born-1970-account-closed")));

        assertThat(run.json()).extracting(d -> d.get("suppressed").asString()).containsExactly("OPT_OUT", "CLOSED");
        assertThat(run.json()).allSatisfy(d -> assertThat(d.get("recommendations").isEmpty()).isTrue());
    }

    @Test
    void rejectsBadLinesByLineNumberAndStillEvaluatesTheOthers() {
        String input = lines(
                line("woman-born-1970"),            // 1
                line("unknown-field"),              // 2
                "",                                 // 3 blank: skipped, still counted
                line("unknown-act-kind"),           // 4
                line("impossible-date"),            // 5
                "   ",                              // 6 blank
                line("missing-birth-date"),         // 7
                line("born-2030"),                  // 8 born after --on
                line("malformed"),                  // 9
                line("man-born-1990"));             // 10

        Run run = evaluate(input, "--on", "2026-03-16");

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        List<JsonNode> out = run.json();
        assertThat(out).hasSize(8);
        assertThat(out.get(0).get("citizenId").asString()).isEqualTo("woman-1970");
        assertThat(out.get(7).get("citizenId").asString()).isEqualTo("man-1990");
        assertThat(out.subList(1, 7)).extracting(e -> e.get("line").asInt()).containsExactly(2, 4, 5, 7, 8, 9);
        assertThat(out.subList(1, 7)).extracting(e -> e.get("error").asString()).satisfiesExactly(
                e -> assertThat(e).startsWith("citizen.preventionOptout: unknown field"),
                e -> assertThat(e).startsWith("citizen.acts[1].kind: unknown value 'MAMOGRAPHY'"),
                e -> assertThat(e).startsWith("citizen.birthDate: '2026-02-30' is not a valid date"),
                e -> assertThat(e).isEqualTo("citizen.birthDate: is required"),
                e -> assertThat(e).startsWith("citizen.birthDate: is after the reference date 2026-03-16"),
                e -> assertThat(e).contains("malformed"));
        assertThat(out.subList(1, 7)).allSatisfy(e -> assertThat(e.propertyNames()).containsExactly("line", "error"));
    }

    @Test
    void countsBlankLinesInLineNumbers() {
        Run run = evaluate("\n  \n" + line("unknown-field") + "\n\n");

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.json()).singleElement().satisfies(e -> assertThat(e.get("line").asInt()).isEqualTo(3));
    }

    @Test
    void answersNothingToEmptyInput() {
        Run run = evaluate("");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void evaluatesOnTodayByDefault() {
        Run run = evaluate(lines(line("woman-born-1970")));

        assertThat(run.json().get(0).get("on").asString()).isEqualTo(TODAY.toString());
    }

    @Test
    void evaluatesOnTheDateGivenWithOn() {
        assertThat(evaluate(lines(line("woman-born-1970")), "--on", "2030-01-02").json().get(0).get("on").asString())
                .isEqualTo("2030-01-02");
        assertThat(evaluate(lines(line("woman-born-1970")), "--on=2030-01-03").json().get(0).get("on").asString())
                .isEqualTo("2030-01-03");
    }

    @Test
    void letsASnapshotsOwnDateWinOverOn() {
        Run run = evaluate(lines(line("woman-born-1970-on-2026-03-16")), "--on", "2030-01-02");

        assertThat(run.json().get(0).get("on").asString()).isEqualTo("2026-03-16");
    }

    @Test
    void evaluatesLargeInputsInParallelInInputOrder() {
        String template = line("man-born-1990");
        String input = lines(IntStream.rangeClosed(1, 5000)
                .mapToObj(i -> template.replace("\"man-1990\"", "\"c" + i + "\"")).toArray(String[]::new));

        Run run = evaluate(input, "--on", "2026-03-16");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.json()).extracting(d -> d.get("citizenId").asString())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5000).mapToObj(i -> "c" + i).toList());
    }

    @Test
    void reportsProgressOnStderrWhenAskedAndKeepsStdoutForDecisions() {
        Run quiet = evaluate(lines(line("woman-born-1970"), line("man-born-1990")), "--on", "2026-03-16");
        Run told = evaluate(lines(line("woman-born-1970"), line("man-born-1990")), "--on", "2026-03-16", "--progress");

        assertThat(quiet.err()).isEmpty();
        assertThat(told.status()).isEqualTo(ExitStatus.OK);
        assertThat(told.out()).isEqualTo(quiet.out());
        assertThat(told.err()).startsWith("vigie evaluate: 2 lines in ").contains("lines/s");
    }

    @Test
    void refusesAnInvalidOnDate() {
        Run run = evaluate(lines(line("woman-born-1970")), "--on", "2026-02-30");

        assertThat(run.status()).isEqualTo(ExitStatus.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--on '2026-02-30' is not a valid date").contains("Usage:");
    }

    @Test
    void refusesUnknownOptionsAndMissingValues() {
        assertThat(evaluate("", "--at", "2026-03-16").err()).contains("unknown option '--at'");
        assertThat(evaluate("", "--on").err()).contains("--on needs a date");
        assertThat(evaluate("", "extra").err()).contains("unexpected argument 'extra'");
        assertThat(evaluate("", "--on", "2026-01-01", "--on", "2026-01-02").err()).contains("--on is given twice");
        assertThat(evaluate("", "--at", "2026-03-16").status()).isEqualTo(ExitStatus.FAILURE);
    }

    @Test
    void printsItsUsageOnRequest() {
        Run run = evaluate("", "--help");

        assertThat(run.status()).isEqualTo(ExitStatus.OK);
        assertThat(run.out()).contains("evaluate [--on YYYY-MM-DD] [--time-travel]").contains("--time-travel");
    }

    @Test
    void failsWhenTheRuleBaseCannotBeBuilt() {
        EvaluateCommand command = new EvaluateCommand(() -> {
            throw new RuleSetException(List.of("campaign 'x': rules/x.drl:3: broken"));
        }, CLOCK);

        Run run = run(command, lines(line("woman-born-1970")));

        assertThat(run.status()).isEqualTo(ExitStatus.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("rule base cannot be built").contains("rules/x.drl:3: broken");
    }

    @Test
    void answersAnInternalFailureOnOneLineWithThatLinesErrorAndEvaluatesTheOthers() throws IOException {
        try (RuleSet failing = failingRuleSet()) {
            Run run = run(new EvaluateCommand(() -> failing, CLOCK),
                    lines(line("woman-born-1970"), line("man-born-1990"), line("woman-born-1970")));

            assertThat(run.status()).isEqualTo(ExitStatus.FAILURE);
            assertThat(run.json()).hasSize(3);
            assertThat(run.json().get(0).get("citizenId").asString()).isEqualTo("woman-1970");
            assertThat(run.json().get(1).get("line").asInt()).isEqualTo(2);
            assertThat(run.json().get(1).get("error").asString()).startsWith("internal failure: ");
            assertThat(run.json().get(2).get("citizenId").asString()).isEqualTo("woman-1970");
            assertThat(run.err()).contains("internal failure on line 2").contains("dueFrom is required");
        }
    }

    @Test
    void refusesASnapshotsOwnDateFarFromTodayUnlessAskedForTimeTravel() {
        String farFuture = line("woman-born-1970").replace("{\"citizenId\"", "{\"on\":\"2031-03-17\",\"citizenId\"");
        String farPast = line("woman-born-1970").replace("{\"citizenId\"", "{\"on\":\"2021-03-15\",\"citizenId\"");
        String nearFuture = line("woman-born-1970").replace("{\"citizenId\"", "{\"on\":\"2031-03-16\",\"citizenId\"");

        Run run = evaluate(lines(farFuture, farPast, nearFuture));

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.json().get(0).get("error").asString())
                .isEqualTo("on: '2031-03-17' is more than 5 years from today (2026-03-16); to evaluate on a date that far, add --time-travel");
        assertThat(run.json().get(1).get("error").asString()).startsWith("on: '2021-03-15' is more than 5 years");
        assertThat(run.json().get(2).get("on").asString()).isEqualTo("2031-03-16");

        Run travelling = evaluate(lines(farFuture, farPast), "--time-travel");
        assertThat(travelling.status()).isEqualTo(ExitStatus.OK);
        assertThat(travelling.json()).extracting(d -> d.get("on").asString()).containsExactly("2031-03-17", "2021-03-15");
    }

    @Test
    void refusesADateBeyondTheContractsRangeEvenWhenTimeTravelling() {
        String overflow = line("woman-born-1970").replace("{\"citizenId\"", "{\"on\":\"+999999999-12-31\",\"citizenId\"");
        String after2200 = line("woman-born-1970").replace("{\"citizenId\"", "{\"on\":\"2201-01-01\",\"citizenId\"");

        Run run = evaluate(lines(overflow, after2200, line("man-born-1990")), "--time-travel");

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.json()).hasSize(3);
        assertThat(run.json().get(0).get("error").asString()).isEqualTo("on: '+999999999-12-31' is not a valid date (YYYY-MM-DD)");
        assertThat(run.json().get(1).get("error").asString()).startsWith("on: '2201-01-01' is out of range");
        assertThat(run.json().get(2).get("citizenId").asString()).isEqualTo("man-1990");
    }

    @Test
    void acceptsAnExplicitOnDateFarFromTodayButNotBeyondTheContractsRange() {
        assertThat(evaluate(lines(line("woman-born-1970")), "--on", "2150-06-01").json().get(0).get("on").asString())
                .isEqualTo("2150-06-01");

        Run run = evaluate(lines(line("woman-born-1970")), "--on", "+999999999-12-31");
        assertThat(run.status()).isEqualTo(ExitStatus.FAILURE);
        assertThat(run.err()).contains("--on '+999999999-12-31' is not a valid date");
        assertThat(evaluate("", "--on", "2201-01-01").err()).contains("--on '2201-01-01' is out of range");
        assertThat(evaluate("", "--on", "2026-03-16T00:00").err()).contains("is not a valid date");
    }

    @Test
    void rejectsALineTooLongToHoldAndEvaluatesTheNext() {
        String huge = "{\"citizenId\":\"" + "A".repeat(EvaluateCommand.MAX_LINE_BYTES) + "\"}";

        Run run = evaluate(lines(huge, line("man-born-1990")));

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.json().get(0).get("error").asString()).isEqualTo("the line is longer than " + EvaluateCommand.MAX_LINE_BYTES + " bytes");
        assertThat(run.json().get(1).get("citizenId").asString()).isEqualTo("man-1990");
    }

    @Test
    void rejectsAnEncodedSurrogateAsNotUtf8() {
        // U+D800 encoded as if it were a character (CESU-8): not UTF-8, never a replacement character
        byte[] prefix = "{\"citizenId\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\",\"citizen\":{\"birthDate\":\"1970-01-01\",\"sex\":\"F\"}}\n".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        input[prefix.length] = (byte) 0xED;
        input[prefix.length + 1] = (byte) 0xA0;
        input[prefix.length + 2] = (byte) 0x80;
        System.arraycopy(suffix, 0, input, prefix.length + 3, suffix.length);

        Run run = run(new EvaluateCommand(() -> shipped, CLOCK), input);

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.json()).singleElement().satisfies(e -> assertThat(e.get("error").asString()).isEqualTo("the line is not valid UTF-8"));
    }

    private static RuleSet failingRuleSet() throws IOException {
        return new RuleSetBuilder("failing", "1",
                CampaignCatalogue.of(List.of(CampaignCatalogue.parse("always-failing.yaml", resource("always-failing.yaml")))),
                Terminology.empty())
                .rules("always-failing", List.of(new RuleFile("always-failing.drl",
                        resource("always-failing.drl").getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EvaluateCommandTests.class.getResourceAsStream("/failing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> keys(JsonNode decision) {
        List<String> keys = new ArrayList<>();
        decision.get("recommendations").forEach(r -> keys.add(r.get("key").asString()));
        return keys;
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static Run evaluate(String input, String... args) {
        return run(new EvaluateCommand(() -> shipped, CLOCK), input, args);
    }

    private static Run run(EvaluateCommand command, String input, String... args) {
        return run(command, input.getBytes(StandardCharsets.UTF_8), args);
    }

    private static Run run(EvaluateCommand command, byte[] input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(Arrays.asList(args), new ByteArrayInputStream(input),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {

        /** Every output line, parsed. */
        List<JsonNode> json() {
            return out.lines().map(l -> JsonMapper.shared().readTree(l)).toList();
        }
    }
}
