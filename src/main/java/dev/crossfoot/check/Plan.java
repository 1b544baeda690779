package dev.crossfoot.check;

import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.result.CheckKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * One check, ready to evaluate: a rule applied to one column (and one row, for rules over rows).
 * A linear plan checks {@code reported = sum(weight * cell) + constant}; a ratio plan checks
 * {@code reported = numerator / denominator (- 1 for a change)}.
 */
sealed interface Plan {

    /** What the check checks: the rule's kind, or the carry-forward of a roll-forward. */
    CheckKind kind();

    String suffix();

    String column();

    Resolved reported();

    record Linear(CheckKind kind, String suffix, String column, Resolved reported, List<Weighted> terms, BigDecimal constant) implements Plan {
    }

    record Ratio(CheckKind kind, String suffix, String column, Resolved reported, List<Weighted> numerator, List<Weighted> denominator,
                 boolean change) implements Plan {
    }

    /**
     * A text rule's check: the narrative figure (the {@code index}-th of narrative.csv) against the cell it restates,
     * and for a change, share or margin the second cell ({@code other}, else null). Judged by {@link NarrativeTies}.
     */
    record Text(String suffix, String column, Resolved reported, Resolved other, int index, NarrativeFigure figure,
                NarrativeFigure.Kind measure) implements Plan {
        @Override
        public CheckKind kind() {
            return CheckKind.NARRATIVE;
        }
    }
}
