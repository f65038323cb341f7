package org.vigie.platform.citizen;

import java.time.Instant;
import org.vigie.engine.fact.Consent;
import org.vigie.engine.fact.Pathway;

/** One answer to the insurer-data consent journey of a pathway, as kept in its history. */
public record ConsentChange(Pathway pathway, Consent consent, Instant at, String changedBy) {
}
