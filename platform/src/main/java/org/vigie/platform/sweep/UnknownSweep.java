package org.vigie.platform.sweep;

/** No sweep has this id. */
class UnknownSweep extends RuntimeException {

    public UnknownSweep(long id) {
        super("no sweep " + id);
    }
}
