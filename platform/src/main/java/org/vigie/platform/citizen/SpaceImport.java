package org.vigie.platform.citizen;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.vigie.engine.fact.Citizen;
import org.vigie.engine.fact.CitizenFacts;

/**
 * One citizen to store in bulk: as {@link CitizenSpaces#importSnapshot} would store the snapshot,
 * plus the legal representatives of a minor (at most two actor ids, with access from {@code on}
 * until the 18th birthday), the contact the insurer knows and the push devices of the holder's
 * mobile application.
 */
public record SpaceImport(String externalId, CitizenFacts citizen, List<String> legalRepresentatives, LocalDate on,
                          Contact contact, List<String> devices) {

    public SpaceImport(String externalId, CitizenFacts citizen, List<String> legalRepresentatives, LocalDate on) {
        this(externalId, citizen, legalRepresentatives, on, Contact.NONE, List.of());
    }

    public SpaceImport {
        contact = contact == null ? Contact.NONE : contact;
        devices = devices == null ? List.of() : List.copyOf(devices);
        if (externalId == null || externalId.isBlank()) throw new IllegalArgumentException("a space to import needs an external id");
        Objects.requireNonNull(citizen, "a space to import needs a citizen");
        legalRepresentatives = legalRepresentatives == null ? List.of() : List.copyOf(legalRepresentatives);
        if (legalRepresentatives.size() > 2) {
            throw new IllegalArgumentException("a minor's space has at most two legal representatives, not " + legalRepresentatives.size());
        }
        if (!legalRepresentatives.isEmpty() && (on == null || Citizen.ageOn(citizen.birthDate(), on) >= 18)) {
            throw new IllegalArgumentException(externalId + " is of age on " + on + ": legal representatives have no access any more");
        }
    }
}
