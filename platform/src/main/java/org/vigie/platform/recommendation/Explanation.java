package org.vigie.platform.recommendation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;

/**
 * What explains a recommendation to its holder (P5): the rule and rule set that made it, its due-by
 * date, its reasons and the categories of data used; and its digest, stored beside it so that
 * reconciliation tells a changed explanation from the same one without reading it back.
 */
record Explanation(String rule, String ruleSet, LocalDate dueBy, List<String> reasons, List<String> dataUsed) {

    Explanation {
        reasons = List.copyOf(reasons);
        dataUsed = List.copyOf(dataUsed);
    }

    /** The first 64 bits of a SHA-256 over every part, each length-prefixed so that no two explanations encode alike. */
    long digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        update(sha, rule);
        update(sha, ruleSet);
        update(sha, dueBy == null ? "" : dueBy.toString());
        sha.update(ByteBuffer.allocate(8).putInt(reasons.size()).putInt(dataUsed.size()).array());
        reasons.forEach(r -> update(sha, r));
        dataUsed.forEach(d -> update(sha, d));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }
}
