package org.vigie.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.fact.Snapshot;
import org.vigie.engine.json.SnapshotJson;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenId;
import org.vigie.platform.citizen.CitizenSpaces;
import org.vigie.platform.citizen.Representatives;

/**
 * The spaces behind the development citizen accounts ({@link DevAccounts}), stored when the server
 * starts on embedded defaults and they are not there yet: logging in as {@code camille} shows a
 * space at once. Commands ({@code generate}, {@code ingest}) never add them.
 */
@Component
@ConditionalOnWebApplication
@Conditional(DevAccountsEnabled.class)
class DevCitizens {

    private static final Logger log = LoggerFactory.getLogger(DevCitizens.class);
    private static final Actor SEEDER = Actor.operator("dev-accounts");
    private static final String WHY = "development accounts of embedded defaults";

    private final CitizenSpaces spaces;
    private final Representatives representatives;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DevCitizens(CitizenSpaces spaces, Representatives representatives, TransactionTemplate transaction, Clock clock) {
        this.spaces = spaces;
        this.representatives = representatives;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void storeUnlessPresent() throws IOException {
        if (spaces.findByExternalId(DevAccounts.REPRESENTED_MINOR).isEmpty()) store();
        log.info("Development accounts (password = user name, see docs/operations.md): {}",
                DevAccounts.ALL.stream().map(a -> a.user() + " (" + a.role() + ")").toList());
    }

    private void store() throws IOException {
        String template;
        try (InputStream in = DevCitizens.class.getResourceAsStream("/vigie/dev-citizens.jsonl")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // lina stays eleven whenever the server first starts, so her parents' access is always open
        LocalDate lina = LocalDate.now(clock).minusYears(11).minusMonths(2);
        String lines = template.replace("{{lina.birthDate}}", lina.toString())
                .replace("{{lina.age12Months}}", lina.plusMonths(12).toString())
                .replace("{{lina.age16Months}}", lina.plusMonths(16).toString());
        transaction.executeWithoutResult(status -> {
            for (String line : lines.lines().filter(l -> !l.isBlank()).toList()) {
                Snapshot snapshot = SnapshotJson.read(line);
                spaces.importSnapshot(SEEDER, snapshot.citizenId(), snapshot.citizen(), WHY);
            }
            CitizenId minor = spaces.findByExternalId(DevAccounts.REPRESENTED_MINOR).orElseThrow();
            representatives.appointLegalRepresentative(SEEDER, minor, "camille", WHY);
            representatives.appointLegalRepresentative(SEEDER, minor, "karim", WHY);
        });
    }
}
