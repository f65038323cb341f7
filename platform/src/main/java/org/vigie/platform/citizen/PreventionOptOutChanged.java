package org.vigie.platform.citizen;

import java.time.Instant;

/** The holder objected to personalised prevention, or withdrew the objection. */
public record PreventionOptOutChanged(CitizenId citizen, boolean optedOut, Instant at) {
}
