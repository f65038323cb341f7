package org.vigie.platform.citizen;

/** The contact channels the insurer knows for the holder (used for the daily digest of holders without an account). */
public record Contact(String email, String phone) {

    public static final Contact NONE = new Contact(null, null);
}
