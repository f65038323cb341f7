package org.vigie.platform.criteria;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.platform.evaluation.RuleSets;
import org.vigie.templates.CriteriaCatalogue;

/** The criteria behind personalised messages, readable by anyone at any time (P5): no individual data. */
@RestController
@Tag(name = "Criteria", description = "What each campaign checks and which data it uses")
class CriteriaController {

    static final String MARKDOWN = "text/markdown";
    private static final String ON = "The day the catalogue is in force on (YYYY-MM-DD, years 1900 to 2200); today by default.";

    private final RuleSets ruleSets;
    private final Clock clock;

    CriteriaController(RuleSets ruleSets, Clock clock) {
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    @Operation(summary = "The criteria catalogue",
            description = "For every campaign of the rule set in force: who is concerned, its season on the day asked "
                    + "(open, next, and whether none is open in the next 60 days), what each rule in force that day checks "
                    + "and which data categories are used. Expired rules are left out.")
    @GetMapping(path = "/api/v1/criteria", produces = MediaType.APPLICATION_JSON_VALUE)
    Criteria criteria(@Parameter(description = ON) @RequestParam(name = "on", required = false) String on) {
        LocalDate day = CatalogueDay.of("on", on, clock);
        RuleSet rules = ruleSets.live();
        return new Criteria(rules.id(), day, rules.criteria(day));
    }

    @Operation(summary = "The criteria catalogue, as Markdown for citizens")
    @GetMapping(path = "/api/v1/criteria", produces = MARKDOWN + ";charset=UTF-8")
    String criteriaMarkdown(@Parameter(description = ON) @RequestParam(name = "on", required = false) String on) {
        LocalDate day = CatalogueDay.of("on", on, clock);
        RuleSet rules = ruleSets.live();
        return CriteriaCatalogue.markdown(rules.id(), day, rules.criteria(day), Locale.FRENCH);
    }
}
