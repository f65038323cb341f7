package org.vigie.engine.terminology;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigie.engine.fact.ActKind;
import org.vigie.engine.fact.CodeSystem;

/**
 * The one table that maps clinical codes to the concepts rules speak of. ICD-10 and ATC entries
 * cover every code that starts with them (J45 covers J45.0 to J45.9; R03 covers R03AK06); an
 * ICD-10 entry may be a block such as {@code E10-E14}. CCAM and NABM entries are exact codes of
 * acts and map to an {@link ActKind}. Codes are compared without dots, spaces or case.
 *
 * <p>File format (CSV with a header): {@code system,code,concept,label}; lines starting with
 * {@code #} are comments.
 */
public final class Terminology {

    public enum System { ICD10, ATC, CCAM, NABM }

    private record Block(String from, String to, String concept) {
    }

    private final Map<System, Map<String, Set<String>>> prefixes = new EnumMap<>(System.class);
    private final List<Block> icdBlocks = new ArrayList<>();
    private final Map<CodeSystem, Map<String, ActKind>> acts = new EnumMap<>(CodeSystem.class);
    private final Set<String> concepts = new HashSet<>();
    private final Map<System, Map<String, Set<String>>> resolved = new EnumMap<>(System.class);

    private Terminology() {
        for (System s : System.values()) {
            prefixes.put(s, new HashMap<>());
            resolved.put(s, new java.util.concurrent.ConcurrentHashMap<>());
        }
        for (CodeSystem s : CodeSystem.values()) acts.put(s, new HashMap<>());
    }

    public static Terminology empty() {
        return new Terminology();
    }

    /** Reads the table; {@code name} identifies it in errors, which give the line number. */
    public static Terminology read(String name, Reader source) {
        Terminology t = new Terminology();
        CodeTable.read(name, source, "system,code,concept", 4, (number, cells) -> t.add(name, number, cells));
        return t;
    }

    private void add(String name, int line, String[] cells) {
        if (cells.length < 3) {
            throw new IllegalArgumentException(name + ":" + line + ": expected system,code,concept,label");
        }
        String where = name + ":" + line + ": ";
        System system;
        try {
            system = System.valueOf(cells[0].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unknown system '" + cells[0].strip() + "' (ICD10, ATC, CCAM, NABM)");
        }
        String code = cells[1].strip();
        String concept = cells[2].strip();
        if (code.isEmpty() || concept.isEmpty() || !concept.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException(where + "needs a code and an upper-case concept");
        }
        switch (system) {
            case CCAM, NABM -> {
                ActKind kind;
                try {
                    kind = ActKind.valueOf(concept);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + "'" + concept + "' is not an act kind");
                }
                acts.get(CodeSystem.valueOf(system.name())).put(normalise(code), kind);
            }
            case ICD10 -> {
                int dash = code.indexOf('-');
                if (dash > 0) {
                    icdBlocks.add(new Block(normalise(code.substring(0, dash)), normalise(code.substring(dash + 1)), concept));
                } else {
                    prefixes.get(system).computeIfAbsent(normalise(code), k -> new HashSet<>()).add(concept);
                }
            }
            case ATC -> prefixes.get(system).computeIfAbsent(normalise(code), k -> new HashSet<>()).add(concept);
        }
        concepts.add(concept);
    }

    /** The concepts an ICD-10 or ATC code belongs to; empty for an unknown code. */
    public Set<String> conceptsOf(System system, String code) {
        // the same few thousand codes come back for millions of citizens
        return resolved.get(system).computeIfAbsent(code, k -> lookUp(system, k));
    }

    private Set<String> lookUp(System system, String code) {
        String c = normalise(code);
        Map<String, Set<String>> table = prefixes.get(system);
        Set<String> found = null;
        for (int len = 1; len <= c.length(); len++) {
            Set<String> hit = table.get(c.substring(0, len));
            if (hit != null) {
                if (found == null) found = new HashSet<>();
                found.addAll(hit);
            }
        }
        if (system == System.ICD10 && c.length() >= 3) {
            String category = c.substring(0, 3);
            for (Block b : icdBlocks) {
                if (category.compareTo(b.from) >= 0 && category.compareTo(b.to.substring(0, Math.min(3, b.to.length()))) <= 0) {
                    if (found == null) found = new HashSet<>();
                    found.add(b.concept);
                }
            }
        }
        return found == null ? Set.of() : Set.copyOf(found);
    }

    /** The act kind of a CCAM or NABM code, or {@code null} when the table does not know it. */
    public ActKind actKindOf(CodeSystem system, String code) {
        return acts.get(system).get(normalise(code));
    }

    /** Every concept the table names, for checks and documentation. */
    public Set<String> concepts() {
        return Set.copyOf(concepts);
    }

    static String normalise(String code) {
        StringBuilder sb = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch != '.' && ch != ' ') sb.append(Character.toUpperCase(ch));
        }
        return sb.toString();
    }
}
