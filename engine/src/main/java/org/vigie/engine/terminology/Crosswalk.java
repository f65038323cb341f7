package org.vigie.engine.terminology;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vigie.engine.fact.ActKind;

/**
 * A source code system read into the codes the rules know: SNOMED CT conditions to WHO ICD-10,
 * SNOMED CT procedures to act kinds, RxNorm products to ATC. Records from abroad speak SNOMED CT and
 * RxNorm; the rules and the {@link Terminology} table speak ICD-10, ATC and act kinds, so a source
 * code is translated once, at ingestion, and the terminology table stays the only place that gives
 * codes their concepts. Codes are exact (SNOMED CT and RxNorm identifiers have no hierarchy in their
 * digits).
 *
 * <p>File format (CSV with a header): {@code code,target,label}, {@code target} being
 * {@code ICD10:<code>}, {@code ATC:<code>} or {@code ACT:<act kind>}; lines starting with {@code #}
 * are comments. A code may appear once.
 */
public final class Crosswalk {

    /** What a source code is translated to. */
    public enum Target { ICD10, ATC, ACT }

    /** A translated code: an ICD-10 or ATC code, or an act kind's name. */
    public record Mapped(Target target, String code, String label) {

        public ActKind actKind() {
            return target == Target.ACT ? ActKind.valueOf(code) : null;
        }
    }

    private final String name;
    private final Map<String, Mapped> codes;

    private Crosswalk(String name, Map<String, Mapped> codes) {
        this.name = name;
        this.codes = Map.copyOf(codes);
    }

    /** Reads a table; {@code name} identifies it in errors, which give the line number. */
    public static Crosswalk read(String name, Reader source) {
        Map<String, Mapped> codes = new HashMap<>();
        CodeTable.read(name, source, "code,target", 3, (number, cells) -> {
            String where = name + ":" + number + ": ";
            if (cells.length < 3) throw new IllegalArgumentException(where + "expected code,target,label");
            String code = cells[0].strip();
            Mapped mapped = target(where, cells[1].strip(), cells[2].strip());
            if (code.isEmpty()) throw new IllegalArgumentException(where + "needs a code");
            if (codes.putIfAbsent(code, mapped) != null) {
                throw new IllegalArgumentException(where + "code " + code + " is already mapped above");
            }
        });
        return new Crosswalk(name, codes);
    }

    private static Mapped target(String where, String target, String label) {
        int colon = target.indexOf(':');
        Target kind;
        try {
            kind = Target.valueOf(colon < 0 ? target : target.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "target '" + target + "' must be ICD10:<code>, ATC:<code> or ACT:<act kind>");
        }
        String code = target.substring(colon + 1).strip();
        if (code.isEmpty()) throw new IllegalArgumentException(where + "target '" + target + "' has no code");
        if (kind == Target.ACT) {
            try {
                ActKind.valueOf(code);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "'" + code + "' is not an act kind");
            }
        }
        return new Mapped(kind, code, label);
    }

    /** The translation of a source code, if the table has it. */
    public Optional<Mapped> of(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code.strip()));
    }

    /** Every line of the table, by source code: for checks and documentation. */
    public Map<String, Mapped> entries() {
        return codes;
    }

    public String name() {
        return name;
    }
}
