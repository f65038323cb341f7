package org.vigie.platform.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest tells apart every explanation that reads differently, and only those. */
class ExplanationTest {

    private static final LocalDate DUE_BY = LocalDate.of(2026, 12, 31);
    private static final Explanation EXPLANATION = new Explanation("BreastScreeningFirst", "rules@1", DUE_BY,
            List.of("Vous avez entre 50 et 74 ans.", "Aucune mammographie."), List.of("IDENTITY", "REIMBURSEMENT_HISTORY"));

    @Test
    void theSameExplanationHasTheSameDigest() {
        Explanation same = new Explanation("BreastScreeningFirst", "rules@1", LocalDate.parse("2026-12-31"),
                List.of("Vous avez entre 50 et 74 ans.", "Aucune mammographie."), List.of("IDENTITY", "REIMBURSEMENT_HISTORY"));
        assertThat(same.digest()).isEqualTo(EXPLANATION.digest());
    }

    @Test
    void eachPartChangesTheDigest() {
        List<Explanation> others = List.of(
                new Explanation("BreastScreeningRenewal", "rules@1", DUE_BY, EXPLANATION.reasons(), EXPLANATION.dataUsed()),
                new Explanation("BreastScreeningFirst", "rules@2", DUE_BY, EXPLANATION.reasons(), EXPLANATION.dataUsed()),
                new Explanation("BreastScreeningFirst", "rules@1", DUE_BY.minusDays(1), EXPLANATION.reasons(), EXPLANATION.dataUsed()),
                new Explanation("BreastScreeningFirst", "rules@1", null, EXPLANATION.reasons(), EXPLANATION.dataUsed()),
                new Explanation("BreastScreeningFirst", "rules@1", DUE_BY, List.of("Vous avez entre 50 et 74 ans."),
                        EXPLANATION.dataUsed()),
                new Explanation("BreastScreeningFirst", "rules@1", DUE_BY, EXPLANATION.reasons(), List.of("IDENTITY")),
                new Explanation("BreastScreeningFirst", "rules@1", DUE_BY, EXPLANATION.reasons(), EXPLANATION.dataUsed(), DUE_BY.minusDays(9)),
                new Explanation("BreastScreeningFirst", "rules@1", DUE_BY, EXPLANATION.reasons(), EXPLANATION.dataUsed(), DUE_BY.minusDays(8)));
        assertThat(others).extracting(Explanation::digest).doesNotContain(EXPLANATION.digest()).doesNotHaveDuplicates();
    }

    @Test
    void partsAreNotReadAcrossTheirBoundaries() {
        // the same characters, cut differently between reasons and data used, or inside a reason
        Explanation joined = new Explanation("r", "s", null, List.of("ab"), List.of());
        Explanation split = new Explanation("r", "s", null, List.of("a", "b"), List.of());
        Explanation moved = new Explanation("r", "s", null, List.of("a"), List.of("b"));
        Explanation shifted = new Explanation("rs", "", null, List.of("a", "b"), List.of());
        assertThat(List.of(joined.digest(), split.digest(), moved.digest(), shifted.digest())).doesNotHaveDuplicates();
    }
}
