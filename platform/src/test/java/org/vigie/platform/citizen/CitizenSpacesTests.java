package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.platform.citizen.Citizens.INGESTION;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.vigie.engine.evaluation.Decision;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.engine.fact.AccountStatus;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Fact;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Sex;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.fact.Source;
import org.vigie.engine.fact.Vaccination;
import org.vigie.engine.fact.Vaccine;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.Snapshots;
import org.vigie.platform.TestClock;
import org.vigie.platform.VigieApplicationTest;
import org.vigie.platform.evaluation.RuleSets;

@VigieApplicationTest
@RecordApplicationEvents
class CitizenSpacesTests {

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    AccountLifecycle lifecycle;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void evaluatesAStoredCitizenExactlyAsItsContractSnapshot() {
        Snapshot original = SnapshotJson.read(Snapshots.line("woman-born-1962-every-fact"));
        CitizenId id = spaces.importSnapshot(INGESTION, Citizens.externalId(), original.citizen(), "bulk load");

        Snapshot stored = spaces.snapshot(Actor.engine(ruleSets.live().id()), id, "evaluation");

        assertThat(stored.citizenId()).isEqualTo(id.toString());
        assertThat(stored.citizen().insurerDataConsent()).isEqualTo(original.citizen().insurerDataConsent());
        assertThat(stored.citizen().pregnancy()).isEqualTo(original.citizen().pregnancy());
        assertThat(stored.citizen().facts().toList()).containsExactlyInAnyOrderElementsOf(original.citizen().facts().toList());
        Decision fromFile = ruleSets.live().evaluate(original, original.on());
        Decision fromDatabase = ruleSets.live().evaluate(new Snapshot(original.citizenId(), original.on(), stored.citizen()), original.on());
        assertThat(fromFile.recommendations()).isNotEmpty();
        assertThat(SnapshotJson.write(fromDatabase)).isEqualTo(SnapshotJson.write(fromFile));
    }

    @Test
    void keepsTheAccountStatusOptOutAndConsentsOfTheSnapshot() {
        CitizenFacts closedOptedOut = CitizenFacts.builder(LocalDate.of(1980, 1, 1), Sex.M)
                .accountStatus(AccountStatus.CLOSED).preventionOptOut(true).build();
        CitizenId id = spaces.importSnapshot(INGESTION, Citizens.externalId(), closedOptedOut, "bulk load");

        CitizenFacts stored = spaces.snapshot(INGESTION, id, "check").citizen();

        assertThat(stored.accountStatus()).isEqualTo(AccountStatus.CLOSED);
        assertThat(stored.preventionOptOut()).isTrue();
        assertThat(spaces.account(id).closedAt()).isNotNull();
    }

    @Test
    void importingTheSameCitizenTwiceChangesNothing() {
        Snapshot original = SnapshotJson.read(Snapshots.line("woman-born-1962-every-fact"));
        String externalId = Citizens.externalId();
        CitizenId first = spaces.importSnapshot(INGESTION, externalId, original.citizen(), "bulk load");
        List<StoredFact> before = spaceFacts.facts(INGESTION, first, "check");
        events.clear();

        CitizenId second = spaces.importSnapshot(INGESTION, externalId, original.citizen(), "bulk load again");

        assertThat(second).isEqualTo(first);
        assertThat(spaceFacts.facts(INGESTION, first, "check")).isEqualTo(before);
        assertThat(events.stream(FactsChanged.class)).isEmpty();
        assertThat(events.stream(ConsentChanged.class)).isEmpty();
        assertThat(events.stream(AccountStatusChanged.class)).isEmpty();
    }

    @Test
    void importingChangedFactsReplacesThemAndPublishesFactsChanged() {
        String externalId = Citizens.externalId();
        CitizenFacts before = CitizenFacts.of(LocalDate.of(1970, 2, 2), Sex.F);
        CitizenId id = spaces.importSnapshot(INGESTION, externalId, before, "bulk load");
        events.clear();
        CitizenFacts after = CitizenFacts.builder(before.birthDate(), before.sex())
                .conditions(List.of(new Condition("J45", LocalDate.of(2001, 1, 1)))).build();

        spaces.importSnapshot(INGESTION, externalId, after, "bulk load");

        assertThat(spaces.snapshot(INGESTION, id, "check").citizen().conditions()).containsExactly(new Condition("J45", LocalDate.of(2001, 1, 1)));
        assertThat(events.stream(FactsChanged.class)).extracting(FactsChanged::citizen).containsExactly(id);
    }

    @Test
    void keepsTheHiddenFromRepresentativesFlagAndTheAuthor() {
        CitizenId minor = Citizens.activated(spaces, lifecycle, LocalDate.of(2010, 4, 1), Sex.F);
        Fact hidden = new Vaccination(Vaccine.HPV, LocalDate.of(2025, 9, 1), Source.PROFESSIONAL, true);

        FactId added = spaceFacts.addFact(Actor.holder(minor), minor, hidden, "entered by the minor").id();

        StoredFact stored = spaceFacts.facts(Actor.holder(minor), minor, "my facts").get(0);
        assertThat(stored.id()).isEqualTo(added);
        assertThat(stored.fact()).isEqualTo(hidden);
        assertThat(stored.fact().hiddenFromRepresentatives()).isTrue();
        assertThat(stored.author()).isEqualTo("HOLDER:" + minor);
        assertThat(stored.createdAt()).isEqualTo(stored.updatedAt());
        assertThat(spaces.snapshot(Actor.holder(minor), minor, "check").citizen().vaccinations()).containsExactly((Vaccination) hidden);
    }

    @Test
    void neverShowsARepresentativeWhatTheMinorHid() {
        CitizenId minor = Citizens.activated(spaces, lifecycle, LocalDate.of(2011, 4, 1), Sex.F);
        spaceFacts.addFact(Actor.holder(minor), minor, new Vaccination(Vaccine.HPV, LocalDate.of(2025, 9, 1), null, true), "secret");
        spaceFacts.addFact(Actor.holder(minor), minor, new Vaccination(Vaccine.DTCAP, LocalDate.of(2022, 9, 1), null, false), "known");

        List<StoredFact> seen = spaceFacts.facts(Actor.representative("parent-1"), minor, "parent's view");

        assertThat(seen).extracting(f -> ((Vaccination) f.fact()).vaccine()).containsExactly(Vaccine.DTCAP);
        assertThat(spaces.snapshot(Actor.representative("parent-1"), minor, "parent's view").citizen().vaccinations())
                .extracting(Vaccination::vaccine).containsExactly(Vaccine.DTCAP);
        assertThat(spaces.snapshot(Actor.holder(minor), minor, "my view").citizen().vaccinations())
                .extracting(Vaccination::vaccine).containsExactlyInAnyOrder(Vaccine.HPV, Vaccine.DTCAP);
    }

    @Test
    void publishesFactsChangedOnEveryChange() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1975, 1, 1), Sex.M);
        events.clear();

        FactId fact = spaceFacts.addFact(Actor.holder(id), id, new Condition("I10", null), "my profile").id();
        spaceFacts.removeFact(Actor.holder(id), id, fact, "my profile");

        assertThat(events.stream(FactsChanged.class)).hasSize(2).allMatch(e -> e.citizen().equals(id));
        assertThat(spaceFacts.facts(Actor.holder(id), id, "check")).isEmpty();
    }

    @Test
    void letsTheHolderRemoveOnlyWhatWasEnteredInTheSpace() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1975, 1, 1), Sex.M);
        FactId professional = spaceFacts.addFact(INGESTION, id, new Vaccination(Vaccine.DTCAP, LocalDate.of(2020, 1, 1)), "DMP").id();

        assertThatThrownBy(() -> spaceFacts.removeFact(Actor.holder(id), id, professional, "mine"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> spaceFacts.replaceFact(Actor.holder(id), id, professional,
                new Vaccination(Vaccine.DTCAP, LocalDate.of(2021, 1, 1), Source.SELF, false), "mine"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(spaceFacts.facts(Actor.holder(id), id, "check")).hasSize(1);
    }

    @Test
    void letsTheHolderCorrectWhatWasEnteredKeepingItsCreationTime() {
        CitizenId id = Citizens.activated(spaces, lifecycle, LocalDate.of(1975, 1, 1), Sex.M);
        FactId fact = spaceFacts.addFact(Actor.holder(id), id, new Measure(MeasureKind.WEIGHT_KG, 80.0, LocalDate.of(2026, 3, 1), null, false), "mine").id();
        clock.set(TestClock.START.plusSeconds(3600));
        events.clear();

        spaceFacts.replaceFact(Actor.holder(id), id, fact, new Measure(MeasureKind.WEIGHT_KG, 78.0, LocalDate.of(2026, 3, 1), null, false), "typo");

        StoredFact stored = spaceFacts.facts(Actor.holder(id), id, "check").get(0);
        assertThat(stored.fact()).isEqualTo(new Measure(MeasureKind.WEIGHT_KG, 78.0, LocalDate.of(2026, 3, 1), null, false));
        assertThat(stored.createdAt()).isEqualTo(TestClock.START);
        assertThat(stored.updatedAt()).isEqualTo(TestClock.START.plusSeconds(3600));
        assertThat(events.stream(FactsChanged.class)).hasSize(1);
        assertThatThrownBy(() -> spaceFacts.replaceFact(Actor.holder(id), id, fact, new Condition("I10", null), "?"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTheSnapshotOfASpaceNotCreatedYet() {
        CitizenId id = Citizens.registered(spaces, LocalDate.of(1990, 1, 1), Sex.F);

        assertThatThrownBy(() -> spaces.snapshot(INGESTION, id, "evaluation"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not created");
    }

    @Test
    void findsARegisteredPersonByExternalIdInsteadOfRegisteringTwice() {
        Registration registration = new Registration(Citizens.externalId(), LocalDate.of(1990, 1, 1), Sex.F, null, null);

        CitizenId first = spaces.register(INGESTION, registration);

        assertThat(spaces.register(INGESTION, registration)).isEqualTo(first);
        assertThat(spaces.findByExternalId(registration.externalId())).contains(first);
    }
}
