package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;

@VigieApplicationTest
class TracesTests {

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    Traces traces;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tracesEveryReadAndWriteInTheActorsOwnName() {
        CitizenId minor = Citizens.activated(spaces, lifecycle, LocalDate.of(2012, 1, 1), Sex.M);
        Actor parent = Actor.representative("parent-2");

        spaceFacts.addFact(parent, minor, new Condition("J45", null), "declared by a parent");
        spaceFacts.facts(parent, minor, "parent's view");
        spaces.snapshot(Actor.engine("default@2026.1"), minor, "daily sweep");

        assertThat(ownTraces(minor)).extracting(Trace::actor, Trace::what, Trace::why).endsWith(
                org.assertj.core.groups.Tuple.tuple(parent, "added condition", "declared by a parent"),
                org.assertj.core.groups.Tuple.tuple(parent, "read facts", "parent's view"),
                org.assertj.core.groups.Tuple.tuple(Actor.engine("default@2026.1"), "read snapshot", "daily sweep"));
        assertThat(traces.of(minor)).allSatisfy(t -> {
            assertThat(t.citizen()).isEqualTo(minor);
            assertThat(t.at()).isEqualTo(TestClock.START);
        });
    }

    @Test
    void refusesToUpdateDeleteOrTruncateTheTrace() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1980, 1, 1), Sex.F);
        int before = ownTraces(id).size();

        assertThatThrownBy(() -> jdbc.sql("update trace set reason = 'rewritten' where citizen_id = ?").param(id.value()).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from trace where citizen_id = ?").param(id.value()).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate trace").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        assertThat(ownTraces(id)).hasSize(before);
        assertThat(traces.of(id)).noneMatch(t -> t.why().equals("rewritten"));
    }

    /** The trace without the engine's re-evaluations, which run on their own thread after each change. */
    private java.util.List<Trace> ownTraces(CitizenId id) {
        return traces.of(id).stream().filter(t -> !t.why().startsWith("re-evaluation")).toList();
    }
}
