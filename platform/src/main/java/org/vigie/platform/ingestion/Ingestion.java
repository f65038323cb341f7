package org.vigie.platform.ingestion;

import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.input.StorableInput;
import org.vigie.platform.database.LostDatabase;
import org.vigie.platform.ingestion.IngestionSummary.Outcome;

/**
 * Stores the citizens of an input through {@link CitizenSpaces}, idempotent by external id. Each
 * record is stored in its own transaction, or not at all: a snapshot the contract rejects, a snapshot
 * without {@code citizenId}, a bundle that is not FHIR R4 or has any problem (even in one entry) is
 * rejected whole and reported with its line; the other records are still stored. So is a record
 * the store cannot hold ({@link StorableInput}: a NUL, a date outside the accepted years, an external
 * id too long) or that fails to be stored for any reason of its own: its transaction is rolled back,
 * nothing of it is written, and the next record is read. Only a lost database stops the input.
 */
@Service
class Ingestion {

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final CitizenSpaces spaces;
    private final FhirBundles bundles = new FhirBundles();

    Ingestion(CitizenSpaces spaces) {
        this.spaces = spaces;
    }

    /**
     * Ingests every record of the input, telling {@code rejected} about each record not stored as it goes.
     *
     * @param source names the input in the traces ("file snapshots.jsonl", "POST /api/v1/ingestions")
     */
    IngestionSummary ingest(IngestionFormat format, InputStream in, Actor actor, String source, Consumer<RejectedRecord> rejected) {
        IngestionSummary[] summary = {IngestionSummary.NONE};
        InputRecords.read(in, format, record -> summary[0] = summary[0].add(ingest(format, record, actor, source, rejected)));
        return summary[0];
    }

    /** Ingests one record; a runtime failure other than a rejection (the database is down) propagates. */
    Outcome ingest(IngestionFormat format, InputRecord record, Actor actor, String source, Consumer<RejectedRecord> rejected) {
        if (record.text() == null) {
            rejected.accept(new RejectedRecord(record.line(), "the line is not valid UTF-8"));
            return Outcome.REJECTED;
        }
        String why = "ingestion of " + source + ", line " + record.line();
        return outcome(record.line(), rejected, () -> switch (format) {
            case JSONL -> storeSnapshot(record.text(), actor, why);
            case FHIR -> storeBundle(parse(record.text()), actor, why);
        });
    }

    /**
     * Ingests one FHIR Bundle sent as a whole request.
     *
     * @throws InvalidBundleException when the text is not a FHIR R4 Bundle at all: the request is malformed
     */
    IngestionSummary ingestBundle(String text, Actor actor, String source, Consumer<RejectedRecord> rejected) {
        FhirCitizen citizen = bundles.read(text);
        return IngestionSummary.NONE.add(outcome(1, rejected, () -> storeBundle(citizen, actor, "ingestion of " + source)));
    }

    private static Outcome outcome(int line, Consumer<RejectedRecord> rejected, Supplier<CitizenSpaces.Imported> store) {
        try {
            return store.get().changed() ? Outcome.STORED : Outcome.UNCHANGED;
        } catch (RecordRejected | InvalidInputException e) {
            rejected.accept(new RejectedRecord(line, e.getMessage()));
            return Outcome.REJECTED;
        } catch (RuntimeException e) {
            if (LostDatabase.causedBy(e)) throw e;
            // the record's own transaction is rolled back: nothing of it is stored
            log.warn("Ingestion: line {} could not be stored, rejected", line, e);
            rejected.accept(new RejectedRecord(line, "the record could not be stored (" + e.getClass().getSimpleName() + ")"));
            return Outcome.REJECTED;
        }
    }

    private CitizenSpaces.Imported storeSnapshot(String text, Actor actor, String why) {
        Snapshot snapshot;
        try {
            snapshot = SnapshotJson.read(text);
        } catch (InvalidInputException e) {
            throw new RecordRejected(e.getMessage());
        }
        if (snapshot.citizenId() == null || snapshot.citizenId().isBlank()) {
            throw new RecordRejected("citizenId: is required to store a snapshot (it is the citizen's external id)");
        }
        StorableInput.identifier(snapshot.citizenId(), "citizenId");
        StorableInput.check(snapshot.citizen(), "citizen");
        return spaces.importCitizen(actor, snapshot.citizenId(), snapshot.citizen(), why);
    }

    private FhirCitizen parse(String text) {
        try {
            return bundles.read(text);
        } catch (InvalidBundleException e) {
            throw new RecordRejected(e.getMessage());
        }
    }

    private CitizenSpaces.Imported storeBundle(FhirCitizen citizen, Actor actor, String why) {
        if (citizen.hasProblems() || citizen.citizen().isEmpty() || citizen.externalId() == null) {
            String problems = citizen.problems().stream().map(BundleProblem::toString).collect(Collectors.joining("; "));
            throw new RecordRejected(problems.isEmpty() ? "bundle: no usable Patient" : problems);
        }
        StorableInput.identifier(citizen.externalId().toString(), "Patient.identifier");
        StorableInput.check(citizen.citizen().get(), "citizen");
        return spaces.importFacts(actor, citizen.externalId().toString(), citizen.citizen().get(), why);
    }

    /** Why a record is not stored. */
    private static final class RecordRejected extends RuntimeException {
        RecordRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
