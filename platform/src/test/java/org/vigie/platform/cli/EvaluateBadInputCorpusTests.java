package org.vigie.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.evaluation.RuleSetManifest;
import org.vigie.engine.json.corpus.BadSnapshot;
import org.vigie.engine.json.corpus.BadSnapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's generated bad-input corpus through {@code evaluate}: one line out for each line in,
 * an error naming the field for each bad line, the good lines around them still evaluated.
 */
class EvaluateBadInputCorpusTests {

    private static final Clock CLOCK = Clock.fixed(BadSnapshots.ON.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(),
            ZoneId.of("Europe/Paris"));

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
    void answersEveryBadLineWithItsFieldAndEveryGoodLineWithADecision() {
        List<BadSnapshot> corpus = BadSnapshots.all();
        String good = BadSnapshots.valid();
        StringBuilder input = new StringBuilder();
        for (BadSnapshot bad : corpus) {
            input.append(good).append('\n').append(bad.json()).append('\n');
        }

        int[] status = new int[1];
        List<JsonNode> out = evaluate(input.toString(), status);

        assertThat(status[0]).isEqualTo(ExitStatus.REJECTED);
        assertThat(out).hasSize(2 * corpus.size());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            JsonNode decision = out.get(2 * i);
            JsonNode error = out.get(2 * i + 1);
            BadSnapshot bad = corpus.get(i);
            if (!decision.has("ruleSet") || !decision.get("citizenId").asString().equals("c-1")) {
                wrong.add("line " + (2 * i + 1) + " (good, before " + bad + "): " + decision);
            }
            if (error.get("line") == null || error.get("line").asInt() != 2 * i + 2
                    || !error.get("error").asString().startsWith(bad.field() + ": ")) {
                wrong.add(bad + ": " + error);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void exitsWithZeroWhenNoLineIsRejected() {
        int[] status = new int[1];
        List<JsonNode> out = evaluate(BadSnapshots.valid() + "\n" + BadSnapshots.valid() + "\n", status);

        assertThat(status[0]).isEqualTo(ExitStatus.OK);
        assertThat(out).hasSize(2).allSatisfy(d -> assertThat(d.has("ruleSet")).isTrue());
    }

    private static List<JsonNode> evaluate(String input, int[] status) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        status[0] = new EvaluateCommand(() -> shipped, CLOCK).run(List.of(),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> JsonMapper.shared().readTree(l)).toList();
    }
}
