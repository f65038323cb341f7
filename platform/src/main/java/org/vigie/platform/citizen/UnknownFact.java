package org.vigie.platform.citizen;

import java.util.NoSuchElementException;

/** No fact of that id in that citizen's space. */
public class UnknownFact extends NoSuchElementException {
    public UnknownFact(CitizenId citizen, FactId fact) {
        super("space " + citizen + " has no fact " + fact);
    }
}
