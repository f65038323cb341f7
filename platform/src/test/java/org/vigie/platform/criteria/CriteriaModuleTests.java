package org.vigie.platform.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.vigie.platform.citizen.CitizenSpaces;

/**
 * The criteria module starts with {@code evaluation} (and the database the settings use), without
 * the citizens: it reads the seasons of the live rule set. On 16/03/2026 influenza and RSV open
 * only on 15/10/2026, COVID-19's spring season on 14/04/2026.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "database")
@TestPropertySource(properties = "vigie.embedded-postgres.temporary=true")
class CriteriaModuleTests {

    @Autowired
    SeasonsHealthIndicator seasons;

    @Autowired
    ApplicationContext context;

    @Test
    void warnsOfTheSeasonalCampaignsWithNoSeasonInTheNext60DaysWithoutTheCitizens() {
        assertThat(seasons.warnings(LocalDate.of(2026, 3, 16)))
                .anyMatch(w -> w.startsWith("VACC_FLU:"))
                .anyMatch(w -> w.startsWith("VACC_RSV:"))
                .noneMatch(w -> w.startsWith("VACC_COVID"));
        assertThat(seasons.warnings(LocalDate.of(2026, 12, 7))).as("in winter").isEmpty();
        assertThat(context.getBeanNamesForType(CitizenSpaces.class)).as("citizen is not started").isEmpty();
    }
}
