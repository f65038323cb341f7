package org.vigie.platform.citizen;

import java.time.Instant;

/** The account of a citizen space moved from one state to another. */
public record AccountStatusChanged(CitizenId citizen, AccountState from, AccountState to, Instant at) {
}
