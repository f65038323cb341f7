package org.vigie.platform.space;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.Api;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.Agenda;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.NotificationPreferences;
import org.vigie.platform.citizen.Representatives;
import org.vigie.platform.citizen.SpaceFacts;
import org.vigie.platform.citizen.StoredFact;
import org.vigie.platform.security.Role;

/**
 * Spaces for API tests, stored through the citizen services: an adult holder with a protected-adult
 * representative, a fact she entered and one from a professional, a reminder and a push device; a
 * stranger with a space of her own; a minor without representatives yet.
 */
final class SpaceFixture {

    private static final Actor SETUP = Actor.operator("test-setup");

    private final CitizenSpaces spaces;
    private final SpaceFacts spaceFacts;
    private final Representatives representatives;
    private final Agenda agenda;
    private final NotificationPreferences notifications;

    SpaceFixture(ApplicationContext context) {
        this.spaces = context.getBean(CitizenSpaces.class);
        this.spaceFacts = context.getBean(SpaceFacts.class);
        this.representatives = context.getBean(Representatives.class);
        this.agenda = context.getBean(Agenda.class);
        this.notifications = context.getBean(NotificationPreferences.class);
    }

    record Space(String holder, CitizenId id, String representative, String stranger, CitizenId strangerSpace, CitizenId minor,
                 UUID selfFact, UUID professionalFact, UUID reminder, String device) {

        String path() {
            return "/api/v1/spaces/" + id;
        }

        Api holder(int port) {
            return Api.as(port, holder, Role.CITIZEN);
        }

        Api representative(int port) {
            return Api.as(port, representative, Role.CITIZEN);
        }

        Api stranger(int port) {
            return Api.as(port, stranger, Role.CITIZEN);
        }
    }

    /** A new, open space (not activated yet) and the people around it. */
    Space create() {
        String run = UUID.randomUUID().toString();
        CitizenId id = store("holder-" + run, """
                {"birthDate":"1961-04-02","sex":"F","accountStatus":"OPEN",
                 "conditions":[{"code":"J45.9","since":"2012-03-01","source":"PROFESSIONAL"}]}""");
        StoredFact self = spaceFacts.addFact(Actor.holder(id), id,
                SnapshotJson.readFact("{\"kind\":\"WEIGHT_KG\",\"value\":70.0,\"date\":\"2026-02-01\"}",
                        org.vigie.engine.fact.Measure.class), "set-up");
        StoredFact professional = spaceFacts.facts(SETUP, id, "set-up").stream()
                .filter(f -> f.fact().source() == org.vigie.engine.fact.Source.PROFESSIONAL).findFirst().orElseThrow();
        String representative = "tutor-" + run;
        representatives.appointProtectedAdultRepresentative(SETUP, id, representative, "set-up");
        UUID reminder = agenda.addReminder(Actor.holder(id), id, "Rappel", Instant.parse("2026-04-01T08:00:00Z"), false, "set-up").id();
        String device = "device-" + run;
        notifications.registerDevice(Actor.holder(id), id, device, "set-up");
        String stranger = "stranger-" + run;
        CitizenId strangerSpace = store(stranger, """
                {"birthDate":"1980-01-01","sex":"F","accountStatus":"ACTIVATED"}""");
        CitizenId minor = store("minor-" + run, """
                {"birthDate":"2015-06-01","sex":"M","accountStatus":"OPEN"}""");
        return new Space("holder-" + run, id, representative, stranger, strangerSpace, minor, self.id().value(),
                professional.id().value(), reminder, device);
    }

    CitizenId store(String externalId, String citizen) {
        Snapshot snapshot = SnapshotJson.read("{\"citizenId\":\"" + externalId + "\",\"citizen\":" + citizen + "}");
        return spaces.importSnapshot(SETUP, externalId, snapshot.citizen(), "set-up");
    }
}
