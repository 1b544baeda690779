package dev.crossfoot.rules;

import dev.crossfoot.result.CheckKind;
import dev.crossfoot.result.Severity;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of rule, one per record of {@link Rule}. A new kind is a new record, a method of
 * {@link Rule.Visitor} and a constant here; the compiler then names every place that must handle it
 * (the planner, the YAML reader and writer, the check kind below).
 */
public enum RuleKind {
    SUM, FORMULA, ROLL_FORWARD, CROSS_FOOT, TIE, RATIO, TEXT;

    /** The name written in rules files: "sum", "roll-forward", ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code key} in a rules file, if any. */
    public static Optional<RuleKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }

    /** What a check of this rule checks (a roll-forward also adds carry-forward checks). */
    public CheckKind check() {
        return switch (this) {
            case SUM -> CheckKind.SUM;
            case FORMULA -> CheckKind.FORMULA;
            case ROLL_FORWARD -> CheckKind.ROLL_FORWARD;
            case CROSS_FOOT -> CheckKind.CROSS_FOOT;
            case TIE -> CheckKind.TIE;
            case RATIO -> CheckKind.RATIO;
            case TEXT -> CheckKind.NARRATIVE;
        };
    }

    /** The severity of a rule of this kind that names none: a text rule's is a warning (a presentation matter). */
    public Severity defaultSeverity() {
        return this == TEXT ? Severity.WARNING : Severity.ERROR;
    }

    @Override
    public String toString() {
        return key();
    }
}
