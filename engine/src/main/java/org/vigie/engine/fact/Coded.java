package org.vigie.engine.fact;

import java.util.Set;

/** A fact carrying a clinical code, resolved to terminology concepts before rules see it. */
public interface Coded {

    String code();

    Set<String> concepts();

    /** Whether the code maps to the concept in the terminology table, e.g. {@code is("ASTHMA")}. */
    default boolean is(String concept) {
        return concepts().contains(concept);
    }
}
