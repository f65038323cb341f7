package org.vigie.platform.criteria;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.engine.evaluation.RuleSet;
import org.vigie.templates.CriteriaCatalogue;

/** The criteria behind personalised messages, readable by anyone at any time (P5): no individual data. */
@RestController
@Tag(name = "Criteria", description = "What each campaign checks and which data it uses")
class CriteriaController {

    static final String MARKDOWN = "text/markdown";

    private final ObjectProvider<RuleSet> ruleSet;

    CriteriaController(ObjectProvider<RuleSet> ruleSet) {
        this.ruleSet = ruleSet;
    }

    @Operation(summary = "The criteria catalogue",
            description = "For every campaign of the rule set in force: who is concerned, what each rule checks "
                    + "(with the dates its text is in force) and which data categories are used.")
    @GetMapping(path = "/api/v1/criteria", produces = MediaType.APPLICATION_JSON_VALUE)
    Criteria criteria() {
        RuleSet rules = ruleSet.getObject();
        return new Criteria(rules.id(), rules.criteria());
    }

    @Operation(summary = "The criteria catalogue, as Markdown for citizens")
    @GetMapping(path = "/api/v1/criteria", produces = MARKDOWN + ";charset=UTF-8")
    String criteriaMarkdown() {
        RuleSet rules = ruleSet.getObject();
        return CriteriaCatalogue.markdown(rules.id(), rules.criteria(), Locale.FRENCH);
    }
}
