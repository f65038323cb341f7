package org.vigie.platform.citizen;

/** A lifecycle move the account's current state does not allow; names both states. */
public class IllegalAccountTransition extends IllegalStateException {

    private final AccountState current;
    private final AccountState requested;

    IllegalAccountTransition(AccountState current, AccountState requested, String why) {
        super("the account is " + current + " and cannot become " + requested + ": " + why);
        this.current = current;
        this.requested = requested;
    }

    public AccountState current() {
        return current;
    }

    public AccountState requested() {
        return requested;
    }
}
