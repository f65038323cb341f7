package org.vigie.engine.json;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import tools.jackson.core.JacksonException;

/**
 * Reads snapshots and writes decisions in exactly the evaluation contract's JSON. Reading is
 * strict: unknown fields or values, impossible dates, missing required fields and a birth date
 * after the reference date are rejected with the path of the field at fault.
 */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    public static Snapshot read(String json) {
        Snapshot snapshot = StrictJson.read(StrictJson.JSON, json, Snapshot.class);
        validate(snapshot);
        return snapshot;
    }

    public static String write(Decision decision) {
        try {
            return StrictJson.JSON.writeValueAsString(decision);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write decision", e);
        }
    }

    public static String write(Snapshot snapshot) {
        try {
            return StrictJson.JSON.writeValueAsString(snapshot);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write snapshot", e);
        }
    }

    /** Rejects a birth date after the reference date; called once the reference date is known. */
    public static void checkBirthDate(CitizenFacts citizen, LocalDate on) {
        if (citizen.birthDate().isAfter(on)) {
            throw new InvalidInputException("citizen.birthDate",
                    "is after the reference date " + on + " (a citizen cannot be evaluated before birth)");
        }
    }

    private static void validate(Snapshot snapshot) {
        CitizenFacts c = require(snapshot.citizen(), "citizen");
        require(c.birthDate(), "citizen.birthDate");
        require(c.sex(), "citizen.sex");
        if (snapshot.on() != null) {
            checkBirthDate(c, snapshot.on());
        }
        if (c.pregnancy() != null) {
            require(c.pregnancy().start(), "citizen.pregnancy.start");
        }
        each(c.conditions(), "citizen.conditions", (Condition f, String p) -> require(f.code(), p + ".code"));
        each(c.treatments(), "citizen.treatments", (Treatment f, String p) -> require(f.code(), p + ".code"));
        each(c.vaccinations(), "citizen.vaccinations", (Vaccination f, String p) -> {
            require(f.vaccine(), p + ".vaccine");
            require(f.date(), p + ".date");
        });
        each(c.acts(), "citizen.acts", (Act f, String p) -> {
            require(f.date(), p + ".date");
            if (f.kind() == null && (f.code() == null || f.system() == null)) {
                throw new InvalidInputException(p, "needs a kind, or a code and its system (CCAM or NABM)");
            }
        });
        each(c.measures(), "citizen.measures", (Measure f, String p) -> {
            require(f.kind(), p + ".kind");
            require(f.value(), p + ".value");
            require(f.date(), p + ".date");
        });
        each(c.familyHistory(), "citizen.familyHistory", (FamilyHistory f, String p) -> {
            require(f.code(), p + ".code");
            if (f.ageAtDiagnosis() != null && f.ageAtDiagnosis() < 0) {
                throw new InvalidInputException(p + ".ageAtDiagnosis", "must not be negative");
            }
        });
        each(c.appointments(), "citizen.appointments", (Appointment f, String p) -> {
            require(f.kind(), p + ".kind");
            require(f.date(), p + ".date");
        });
        each(c.documents(), "citizen.documents", (Document f, String p) -> {
            require(f.type(), p + ".type");
            require(f.date(), p + ".date");
        });
    }

    private static <T> void each(List<T> facts, String path, BiConsumer<T, String> check) {
        for (int i = 0; i < facts.size(); i++) {
            String p = path + "[" + i + "]";
            check.accept(require(facts.get(i), p), p);
        }
    }

    private static <T> T require(T value, String path) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(path, "is required");
        }
        return value;
    }
}
