package org.vigie.platform.ingestion;

import java.util.Map;
import java.util.TreeMap;

/**
 * What was left out as unused, counted: entries by resource type (an Encounter, a Claim) and by the
 * code system of their code (a SNOMED CT finding Vigie has no concept for counts under
 * {@code http://snomed.info/sct}). Sorted by name, for stable output.
 */
record Skips(Map<String, Integer> resourceTypes, Map<String, Integer> codeSystems) {

    static final Skips NONE = new Skips(Map.of(), Map.of());

    Skips {
        resourceTypes = java.util.Collections.unmodifiableMap(new TreeMap<>(resourceTypes));
        codeSystems = java.util.Collections.unmodifiableMap(new TreeMap<>(codeSystems));
    }

    Skips plus(Skips other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        return new Skips(merged(resourceTypes, other.resourceTypes), merged(codeSystems, other.codeSystems));
    }

    boolean isEmpty() {
        return resourceTypes.isEmpty() && codeSystems.isEmpty();
    }

    int total() {
        return resourceTypes.values().stream().mapToInt(Integer::intValue).sum()
                + codeSystems.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Integer> merged(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> m = new TreeMap<>(a);
        b.forEach((k, v) -> m.merge(k, v, Integer::sum));
        return m;
    }
}
