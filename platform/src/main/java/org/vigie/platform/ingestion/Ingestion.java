package org.vigie.platform.ingestion;

import java.io.InputStream;
import java.util.List;
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
import org.vigie.platform.ingestion.IngestionSummary.RecordOutcome;

/**
 * Stores the citizens of an input through {@link CitizenSpaces}, idempotent by external id. Each
 * record is stored in its own transaction, or not at all: a snapshot the contract rejects, a snapshot
 * without {@code citizenId}, a bundle that is not FHIR R4 or cannot be a citizen's data (no Patient,
 * no birth date, a reference that does not resolve, contradictory dates) is rejected whole and
 * reported with its line; the other records are still stored. A bundle's incomplete entries are left
 * out with a warning and its unused entries skipped and counted: the rest of it is stored. So is a
 * record the store cannot hold ({@link StorableInput}: a NUL, a date outside the accepted years, an
 * external id too long) or that fails to be stored for any reason of its own: its transaction is
 * rolled back, nothing of it is written, and the next record is read. Only a lost database stops the
 * input.
 */
@Service
class Ingestion {

    /** At most this many warnings are told for one record; the count says the rest. */
    static final int TOLD_WARNINGS = 10;

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final CitizenSpaces spaces;
    private final FhirBundles bundles = new FhirBundles();
    private final FhirNdjson export = new FhirNdjson(this);

    Ingestion(CitizenSpaces spaces) {
        this.spaces = spaces;
    }

    /** Where an ingestion tells what it did not store whole: rejected records and warnings. */
    interface Listener {
        void rejected(RejectedRecord record);

        void warned(RecordWarning warning);
    }

    /**
     * Ingests every record of the input, telling {@code listener} about each record not stored and each warning as it goes.
     *
     * @param source names the input in the traces ("file snapshots.jsonl", "POST /api/v1/ingestions")
     */
    IngestionSummary ingest(IngestionFormat format, InputStream in, Actor actor, String source, Listener listener) {
        if (format == IngestionFormat.FHIR_NDJSON) {
            return ingestExport(List.of(new FhirNdjson.Source(null, -1, () -> in)), actor, source, listener, FhirNdjson.Progress.NONE);
        }
        IngestionSummary[] summary = {IngestionSummary.NONE};
        InputRecords.read(in, format, record -> summary[0] = summary[0].add(ingest(format, record, actor, source, listener)));
        return summary[0];
    }

    /** Ingests one record; a runtime failure other than a rejection (the database is down) propagates. */
    RecordOutcome ingest(IngestionFormat format, InputRecord record, Actor actor, String source, Listener listener) {
        if (record.text() == null) {
            listener.rejected(new RejectedRecord(record.line(), "the line is not valid UTF-8"));
            return RecordOutcome.of(Outcome.REJECTED);
        }
        String why = "ingestion of " + source + ", line " + record.line();
        return switch (format) {
            case JSONL -> RecordOutcome.of(outcome(record.line(), listener, () -> storeSnapshot(record.text(), actor, why)));
            case FHIR -> {
                FhirCitizen citizen;
                try {
                    citizen = bundles.read(record.text());
                } catch (InvalidBundleException e) {
                    listener.rejected(new RejectedRecord(record.line(), e.getMessage()));
                    yield RecordOutcome.of(Outcome.REJECTED);
                }
                yield bundle(record.line(), citizen, actor, why, listener);
            }
            case FHIR_NDJSON -> throw new IllegalArgumentException("an NDJSON export is grouped by patient first: ingestExport");
        };
    }

    /**
     * Ingests a FHIR Bulk Data NDJSON export (one resource per line, in one or several files), each
     * citizen's resources stored as one Bundle would be; see {@link FhirNdjson}.
     */
    IngestionSummary ingestExport(List<FhirNdjson.Source> sources, Actor actor, String source, Listener listener,
                                  FhirNdjson.Progress progress) {
        return export.ingest(sources, actor, source, listener, progress);
    }

    /**
     * Ingests one FHIR Bundle sent as a whole request.
     *
     * @throws InvalidBundleException when the text is not a FHIR R4 Bundle at all: the request is malformed
     */
    IngestionSummary ingestBundle(String text, Actor actor, String source, Listener listener) {
        FhirCitizen citizen = bundles.read(text);
        return IngestionSummary.NONE.add(bundle(1, citizen, actor, "ingestion of " + source, listener));
    }

    private RecordOutcome bundle(int line, FhirCitizen citizen, Actor actor, String why, Listener listener) {
        Outcome outcome = outcome(line, listener, () -> storeBundle(citizen, actor, why));
        if (outcome != Outcome.REJECTED) {
            List<BundleProblem> warnings = citizen.warnings();
            for (int i = 0; i < Math.min(TOLD_WARNINGS, warnings.size()); i++) {
                listener.warned(new RecordWarning(line, warnings.get(i).toString()));
            }
            if (warnings.size() > TOLD_WARNINGS) {
                listener.warned(new RecordWarning(line, "and " + (warnings.size() - TOLD_WARNINGS) + " more entries left out"));
            }
        }
        return new RecordOutcome(outcome, outcome == Outcome.REJECTED ? 0 : citizen.warnings().size(), citizen.skipped());
    }

    private static Outcome outcome(int line, Listener listener, Supplier<CitizenSpaces.Imported> store) {
        try {
            return store.get().changed() ? Outcome.STORED : Outcome.UNCHANGED;
        } catch (RecordRejected | InvalidInputException e) {
            listener.rejected(new RejectedRecord(line, e.getMessage()));
            return Outcome.REJECTED;
        } catch (RuntimeException e) {
            if (LostDatabase.causedBy(e)) throw e;
            // the record's own transaction is rolled back: nothing of it is stored
            log.warn("Ingestion: line {} could not be stored, rejected", line, e);
            listener.rejected(new RejectedRecord(line, "the record could not be stored (" + e.getClass().getSimpleName() + ")"));
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

    private CitizenSpaces.Imported storeBundle(FhirCitizen citizen, Actor actor, String why) {
        if (citizen.hasProblems() || citizen.citizen().isEmpty() || citizen.externalId() == null) {
            throw new RecordRejected(citizen.problems().isEmpty() ? "bundle: no usable Patient" : listed(citizen.problems()));
        }
        StorableInput.identifier(citizen.externalId().toString(), "Patient.identifier");
        StorableInput.check(citizen.citizen().get(), "citizen");
        return spaces.importFacts(actor, citizen.externalId().toString(), citizen.citizen().get(), why);
    }

    /** The problems, one short clause each, at most {@link FhirBundles#LISTED_PROBLEMS} of them. */
    static String listed(List<BundleProblem> problems) {
        String shown = problems.stream().limit(FhirBundles.LISTED_PROBLEMS).map(BundleProblem::toString)
                .collect(Collectors.joining("; "));
        int more = problems.size() - FhirBundles.LISTED_PROBLEMS;
        return more > 0 ? shown + "; and " + more + " more problems" : shown;
    }

    /** Why a record is not stored. */
    private static final class RecordRejected extends RuntimeException {
        RecordRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
