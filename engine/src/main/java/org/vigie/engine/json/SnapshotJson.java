package org.vigie.engine.json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.vigie.engine.fact.Act;
import org.vigie.engine.fact.Appointment;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Document;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.FamilyHistory;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.Pregnancy;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Treatment;
import org.vigie.engine.fact.Vaccination;
import tools.jackson.core.JacksonException;

/**
 * Reads snapshots and writes decisions in exactly the evaluation contract's JSON. Reading is
 * strict: unknown fields or values, impossible or out-of-range dates, missing required fields, a
 * birth date after the reference date, impossible measures and text that cannot be stored or
 * echoed are rejected with the path of the field at fault.
 */
public final class SnapshotJson {

    /** No one is diagnosed older than this: a larger age at diagnosis is a typo. */
    static final int MAX_AGE = 130;

    private SnapshotJson() {
    }

    public static Snapshot read(String json) {
        Snapshot snapshot = StrictJson.read(StrictJson.JSON, json, Snapshot.class);
        validate(snapshot);
        return snapshot;
    }

    /**
     * Reads a snapshot from bytes that must be UTF-8: a byte sequence that is not is refused, never
     * replaced (a replaced character could change a code or an id without anyone seeing it).
     */
    public static Snapshot read(byte[] utf8) {
        return read(StrictJson.utf8(utf8));
    }

    /**
     * Writes a decision of the evaluation contract (or another of its records) as the contract
     * says. It takes a record, not the evaluation's {@code Decision}, so that reading and writing
     * the contract never depends on the evaluation that uses it (no package cycle).
     */
    public static String write(Record decision) {
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

    private static void validate(Snapshot snapshot) {
        if (snapshot.citizenId() != null) {
            refuse("citizenId", ContractText.problemOfId(snapshot.citizenId()));
        }
        CitizenFacts c = require(snapshot.citizen(), "citizen");
        require(c.birthDate(), "citizen.birthDate");
        require(c.sex(), "citizen.sex");
        if (snapshot.on() != null) {
            ContractDates.checkBirthDate(c, snapshot.on());
        }
        if (c.pregnancy() != null) {
            check(c.pregnancy(), "citizen.pregnancy");
            if (c.sex() == Sex.M) {
                throw new InvalidInputException("citizen.pregnancy", "a pregnancy is recorded for a citizen of sex M");
            }
        }
        each(c.conditions(), "citizen.conditions");
        each(c.treatments(), "citizen.treatments");
        each(c.vaccinations(), "citizen.vaccinations");
        each(c.acts(), "citizen.acts");
        each(c.measures(), "citizen.measures");
        each(c.familyHistory(), "citizen.familyHistory");
        each(c.appointments(), "citizen.appointments");
        each(c.documents(), "citizen.documents");
    }

    /**
     * Reads one fact of the contract (e.g. a measure the holder enters in the space) as strictly as
     * a snapshot's: a field at fault is named by its name alone ({@code date}, {@code kind}).
     */
    public static <F extends Fact> F readFact(String json, Class<F> type) {
        F fact = StrictJson.read(StrictJson.JSON, json, type);
        check(fact, "");
        return fact;
    }

    /** The required fields of each type of fact, checked after Jackson has read it. */
    private static void check(Fact fact, String p) {
        if (fact instanceof Pregnancy f) {
            require(f.start(), field(p, "start"));
        } else if (fact instanceof Condition f) {
            code(f.code(), field(p, "code"));
        } else if (fact instanceof Treatment f) {
            code(f.code(), field(p, "code"));
        } else if (fact instanceof Vaccination f) {
            require(f.vaccine(), field(p, "vaccine"));
            require(f.date(), field(p, "date"));
        } else if (fact instanceof Act f) {
            require(f.date(), field(p, "date"));
            if (f.code() != null) {
                refuse(field(p, "code"), f.code().isEmpty() ? "must not be empty (leave it out)" : ContractText.problemOfCode(f.code()));
            }
            if (f.kind() == null && (f.code() == null || f.system() == null)) {
                throw new InvalidInputException(p, "needs a kind, or a code and its system (CCAM or NABM)");
            }
        } else if (fact instanceof Measure f) {
            require(f.kind(), field(p, "kind"));
            require(f.value(), field(p, "value"));
            require(f.date(), field(p, "date"));
            if (!(f.value() > 0) || !(f.value() <= f.kind().maximum())) {
                throw new InvalidInputException(field(p, "value"), f.value() + " is not a " + f.kind()
                        + ": a value is above 0 and at most " + BigDecimal.valueOf(f.kind().maximum()).stripTrailingZeros().toPlainString());
            }
        } else if (fact instanceof FamilyHistory f) {
            code(f.code(), field(p, "code"));
            if (f.ageAtDiagnosis() != null && f.ageAtDiagnosis() < 0) {
                throw new InvalidInputException(field(p, "ageAtDiagnosis"), "must not be negative");
            }
            if (f.ageAtDiagnosis() != null && f.ageAtDiagnosis() > MAX_AGE) {
                throw new InvalidInputException(field(p, "ageAtDiagnosis"), "must be at most " + MAX_AGE + " (years of age)");
            }
        } else if (fact instanceof Appointment f) {
            require(f.kind(), field(p, "kind"));
            require(f.date(), field(p, "date"));
        } else if (fact instanceof Document f) {
            require(f.type(), field(p, "type"));
            require(f.date(), field(p, "date"));
        }
    }

    /** A required code: present, not blank, no space, not too long. */
    private static void code(String code, String path) {
        require(code, path);
        refuse(path, ContractText.problemOfCode(code));
    }

    private static void refuse(String path, String problem) {
        if (problem != null) throw new InvalidInputException(path, problem);
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static void each(List<? extends Fact> facts, String path) {
        for (int i = 0; i < facts.size(); i++) {
            String p = path + "[" + i + "]";
            check(require(facts.get(i), p), p);
        }
    }

    private static <T> T require(T value, String path) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(path, "is required");
        }
        return value;
    }
}
