package org.vigie.platform.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.vigie.engine.fact.Sex;

/** Test fixtures, built by driving the public API. */
final class Citizens {

    static final Actor INGESTION = Actor.ingestion("test-batch");
    static final Actor OPERATOR = Actor.operator("support-1");

    private Citizens() {
    }

    static String externalId() {
        return "ext-" + UUID.randomUUID();
    }

    /** A registered person whose creation notice went out long ago. */
    static CitizenId registered(CitizenSpaces spaces, LocalDate birthDate, Sex sex) {
        return spaces.register(INGESTION, new Registration(externalId(), birthDate, sex,
                new Contact("someone@example.org", null), Instant.parse("2022-01-03T08:00:00Z")));
    }

    /** An activated space. */
    static CitizenId activated(CitizenSpaces spaces, AccountLifecycle lifecycle, LocalDate birthDate, Sex sex) {
        CitizenId id = registered(spaces, birthDate, sex);
        lifecycle.open(INGESTION, id, "opposition delay over");
        lifecycle.activate(Actor.holder(id), id, "first login");
        return id;
    }
}
