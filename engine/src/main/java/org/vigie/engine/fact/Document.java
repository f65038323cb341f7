package org.vigie.engine.fact;

import java.time.LocalDate;

/** Metadata of a DMP document: its type and date, never its content. */
public record Document(DocumentType type, LocalDate date, Source source, boolean hiddenFromRepresentatives)
        implements Fact {

    public Document {
        source = Fact.orDefault(source, Source.PROFESSIONAL);
    }

    @Override
    public LocalDate knownSince() {
        return date;
    }

    @Override
    public Document withoutProvenance() {
        return new Document(type, date, null, false);
    }

}
