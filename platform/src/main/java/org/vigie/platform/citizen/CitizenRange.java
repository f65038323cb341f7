package org.vigie.platform.citizen;

/**
 * A contiguous range of citizen ids in PostgreSQL's order, {@code [from, to)}: a null {@code from}
 * starts at the lowest possible id, a null {@code to} ends past the highest. {@code citizens} is how
 * many were stored in it when it was cut; citizens stored since fall in it too.
 */
public record CitizenRange(CitizenId from, CitizenId to, int citizens) {

    public CitizenRange {
        if (citizens < 0) throw new IllegalArgumentException("a range cannot hold " + citizens + " citizens");
    }
}
