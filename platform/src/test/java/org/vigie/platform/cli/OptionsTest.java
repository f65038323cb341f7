package org.vigie.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command reads its options the same way, and refuses what it cannot use with one clear line. */
class OptionsTest {

    private static final Options.Accepted DEMO = Options.Accepted.values("--citizens", "--on").andFlags("--once");

    @Test
    void readsValuesFlagsAndDefaults() {
        Options options = Options.parse("demo", "demo [--citizens N]", List.of("--once", "--citizens", "400"), DEMO);

        assertThat(options.integer("--citizens", 10)).isEqualTo(400);
        assertThat(options.date("--on", LocalDate.of(2026, 3, 16))).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(options.flag("--once")).isTrue();
        assertThat(options.integers("--threads", new int[]{1, 2})).containsExactly(1, 2);
    }

    @Test
    void keepsSpringSettingsOnlyWhenTheCommandTakesThem() {
        List<String> args = List.of("--server.port=0", "--citizens", "5");
        assertThat(Options.parse("demo", "u", args, DEMO.andSpringSettings()).springSettings()).containsExactly("--server.port=0");
        assertThatThrownBy(() -> Options.parse("demo", "u", args, DEMO)).hasMessage("demo: unknown option --server.port=0 (usage: u)");
    }

    @Test
    void refusesWithTheCommandTheOptionAndTheUsage() {
        assertThatThrownBy(() -> Options.parse("generate", "generate --citizens N", List.of("--citizen", "5"), DEMO))
                .isInstanceOf(Options.InvalidOptions.class)
                .hasMessage("generate: unknown option --citizen (usage: generate --citizens N)");
        assertThatThrownBy(() -> Options.parse("generate", "u", List.of("--citizens"), DEMO))
                .hasMessage("generate: --citizens needs a value (usage: u)");
        assertThatThrownBy(() -> Options.parse("generate", "u", List.of("--citizens", "ten"), DEMO).integer("--citizens", 1))
                .hasMessage("generate: --citizens: 'ten' is not a whole number (usage: u)");
        assertThatThrownBy(() -> Options.parse("generate", "u", List.of("--on", "16/03/2026"), DEMO).date("--on", null))
                .hasMessage("generate: --on: '16/03/2026' is not a date (YYYY-MM-DD) (usage: u)");
        assertThatThrownBy(() -> Options.parse("bench", "u", List.of("--on", "1,x"), DEMO).integers("--on", null))
                .hasMessageContaining("'x' is not a list of whole numbers");
    }
}
