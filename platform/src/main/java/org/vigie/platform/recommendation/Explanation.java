package org.vigie.platform.recommendation;

import java.time.LocalDate;
import java.util.List;

/**
 * What explains a recommendation to its holder (P5): the rule and rule set that made it, its due-by
 * date, its reasons, the categories of data used and the date of the appointment booked for it; and its digest, stored beside it so that
 * reconciliation tells a changed explanation from the same one without reading it back.
 */
record Explanation(String rule, String ruleSet, LocalDate dueBy, List<String> reasons, List<String> dataUsed, LocalDate plannedOn) {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    Explanation {
        reasons = List.copyOf(reasons);
        dataUsed = List.copyOf(dataUsed);
    }

    /** The explanation of a recommendation nothing is booked for. */
    Explanation(String rule, String ruleSet, LocalDate dueBy, List<String> reasons, List<String> dataUsed) {
        this(rule, ruleSet, dueBy, reasons, dataUsed, null);
    }

    /**
     * A 64-bit FNV-1a over every part, each length-prefixed so that no two explanations encode
     * alike. Not a cryptographic digest: its input comes from the rule set, never from anyone who
     * could aim at a collision, and a sweep computes one per active recommendation (a SHA-256 over
     * UTF-8 bytes cost a sixth of a steady sweep's time).
     */
    long digest() {
        long h = FNV_OFFSET;
        h = part(h, rule);
        h = part(h, ruleSet);
        h = part(h, dueBy == null ? "" : dueBy.toString());
        h = mix(h, reasons.size());
        for (String reason : reasons) h = part(h, reason);
        h = mix(h, dataUsed.size());
        for (String category : dataUsed) h = part(h, category);
        // nothing for no booking: a digest stored before bookings existed still matches
        if (plannedOn != null) h = part(h, plannedOn.toString());
        return h;
    }

    private static long part(long h, String part) {
        h = mix(h, part.length());
        for (int i = 0; i < part.length(); i++) h = mix(h, part.charAt(i));
        return h;
    }

    private static long mix(long h, int value) {
        h = (h ^ (value & 0xffff)) * FNV_PRIME;
        return (h ^ (value >>> 16)) * FNV_PRIME;
    }
}
