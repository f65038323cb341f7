package org.vigie.platform.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.vigie.engine.fact.Sex;

/**
 * A person the insurer's referential knows, whose space is not created yet.
 *
 * @param externalId         the referential's identifier: registering twice finds the same citizen
 * @param creationNotifiedAt when the creation notice was sent (the opposition delay starts); null: not yet
 */
public record Registration(String externalId, LocalDate birthDate, Sex sex, Contact contact, Instant creationNotifiedAt) {

    public Registration {
        if (externalId == null || externalId.isBlank()) throw new IllegalArgumentException("externalId is required");
        Objects.requireNonNull(birthDate, "birthDate is required");
        Objects.requireNonNull(sex, "sex is required");
        contact = contact == null ? Contact.NONE : contact;
    }
}
