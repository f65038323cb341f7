package org.vigie.platform.citizen;

import java.time.Instant;
import java.util.UUID;
import org.vigie.engine.fact.Source;

/** An agenda reminder (docs/space-sources.md#agenda): a title the holder chose, due at a time; outside the evaluation contract. */
public record Reminder(UUID id, String title, Instant dueAt, Source source, String author, boolean hiddenFromRepresentatives,
                       Instant createdAt) {

    /** Longer titles are refused: a reminder is a line in the agenda, not a document. */
    public static final int MAX_TITLE = 200;
}
