package org.vigie.platform.citizen;

import java.util.NoSuchElementException;

/** No citizen space has this id (never stored, or purged). */
public class UnknownCitizen extends NoSuchElementException {

    UnknownCitizen(CitizenId id) {
        super("no citizen " + id);
    }
}
