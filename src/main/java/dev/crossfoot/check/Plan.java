package dev.crossfoot.check;

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
}
