package org.vigie.platform.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.platform.citizen.Citizens.INGESTION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.engine.fact.CitizenFacts;
import org.vigie.engine.fact.Condition;
import org.vigie.engine.fact.Measure;
import org.vigie.engine.fact.MeasureKind;
import org.vigie.engine.fact.Sex;
import org.vigie.platform.VigieApplicationTest;

@VigieApplicationTest
class ConcurrentImportTests {

    private static final int IMPORTERS = 8;

    @Autowired
    CitizenSpaces spaces;

    @Autowired
    SpaceFacts spaceFacts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesANewCitizenOnceWhenImportedConcurrently() throws Exception {
        String externalId = Citizens.externalId();
        CitizenFacts citizen = CitizenFacts.builder(LocalDate.of(1968, 6, 1), Sex.F)
                .conditions(List.of(new Condition("E11", LocalDate.of(2015, 1, 1))))
                .measures(List.of(new Measure(MeasureKind.WEIGHT_KG, 72.0, LocalDate.of(2026, 2, 1), null, false))).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService importers = Executors.newFixedThreadPool(IMPORTERS);
        List<Future<CitizenSpaces.Imported>> imports = new ArrayList<>();
        try {
            for (int i = 0; i < IMPORTERS; i++) {
                imports.add(importers.submit(() -> {
                    start.await();
                    return spaces.importCitizen(INGESTION, externalId, citizen, "same file, delivered twice at once");
                }));
            }
            start.countDown();
            List<CitizenSpaces.Imported> done = new ArrayList<>();
            for (Future<CitizenSpaces.Imported> f : imports) done.add(f.get(60, TimeUnit.SECONDS));

            CitizenId id = spaces.findByExternalId(externalId).orElseThrow();
            assertThat(done).extracting(CitizenSpaces.Imported::citizen).containsOnly(id);
            assertThat(done).filteredOn(CitizenSpaces.Imported::changed).hasSize(1);
            assertThat(jdbc.sql("select count(*) from citizen where external_id = ?").param(externalId).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(spaceFacts.facts(INGESTION, id, "check")).extracting(StoredFact::fact)
                    .containsExactlyInAnyOrderElementsOf(citizen.facts().toList());
        } finally {
            importers.shutdownNow();
        }
    }
}
