package org.vigie.platform.criteria;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.Season;
import org.vigie.engine.campaign.SeasonOutlook;
import org.vigie.platform.evaluation.RuleSets;

/**
 * The {@code seasons} component of {@code /actuator/health}, and the same warning in the log at
 * start-up: a seasonal campaign with no season open on any of the next 60 days recommends nothing
 * to anybody meanwhile, which the operator must see. Its status is then {@code WARNING}, never
 * DOWN: evaluation works and every other campaign still runs, so a lapsed season must not take the
 * service out of a load balancer. Spring Boot leaves a status outside its order (DOWN,
 * OUT_OF_SERVICE, UP, UNKNOWN) out of the overall status and answers 200 for it: the overall
 * status stays UP, the component says WARNING, with the details of every seasonal campaign.
 */
@Component
class SeasonsHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING",
            "a seasonal campaign has no season open in the next " + SeasonOutlook.HORIZON_DAYS + " days");

    private static final Logger LOG = LoggerFactory.getLogger(SeasonsHealthIndicator.class);

    private final RuleSets ruleSets;
    private final Clock clock;

    SeasonsHealthIndicator(RuleSets ruleSets, Clock clock) {
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock);
        boolean lapsing = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Campaign campaign : ruleSets.live().campaigns()) {
            SeasonOutlook outlook = SeasonOutlook.of(campaign, today);
            if (outlook == null) continue;
            lapsing |= outlook.lapsing();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", outlook.current() != null ? "OPEN" : outlook.lapsing() ? "NO_SEASON_IN_60_DAYS" : "OPENS_SOON");
            detail.put("until", outlook.until());
            detail.put("current", outlook.current());
            detail.put("next", outlook.next());
            details.put(campaign.key(), detail);
        }
        return Health.status(lapsing ? WARNING : Status.UP).withDetails(details).build();
    }

    /** Logs a warning for every seasonal campaign with no season open in the next 60 days. */
    @EventListener(ApplicationReadyEvent.class)
    void warnAtStartUp() {
        for (String warning : warnings(LocalDate.now(clock))) LOG.warn(warning);
    }

    /** What the operator is told on {@code today}, one line per lapsing campaign. */
    List<String> warnings(LocalDate today) {
        List<String> warnings = new ArrayList<>();
        for (Campaign campaign : ruleSets.live().campaigns()) {
            SeasonOutlook outlook = SeasonOutlook.of(campaign, today);
            if (outlook == null || !outlook.lapsing()) continue;
            Season next = outlook.next();
            warnings.add(campaign.key() + ": no season open from " + today + " to " + outlook.until()
                    + ", nobody is recommended it meanwhile; " + (next == null
                    ? "no later season is configured: the committee must set one in " + campaign.id() + ".yaml"
                    : "the next season, " + next.name() + ", opens on " + next.from() + " ("
                    + (next.announced() == null ? "usual dates" : "dates announced on " + next.announced()) + ")"));
        }
        return warnings;
    }
}
