package org.vigie.platform.citizen;

import java.time.Instant;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Pathway;

/** The holder answered, or changed the answer to, the insurer-data consent journey of a pathway. */
public record ConsentChanged(CitizenId citizen, Pathway pathway, Consent consent, Instant at) {
}
