package dev.crossfoot.result;

import java.util.Locale;

/**
 * What a check checks: one per kind of rule, the carry-forward checks a roll-forward adds (each
 * column opens where the next one closes), and the narrative checks that tie the prose to the tables.
 */
public enum CheckKind {
    SUM, FORMULA, ROLL_FORWARD, CARRY_FORWARD, CROSS_FOOT, TIE, RATIO,
    /** A figure of the announcement's prose tied to the table figure it restates or derives from. */
    NARRATIVE;

    /** The name used in rules files, JSON and SARIF: "sum", "roll-forward", ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the check adds figures (a sum, formula, roll-forward, carry-forward, cross-foot or tie), not divides them. */
    public boolean additive() {
        return this != RATIO && this != NARRATIVE;
    }

    @Override
    public String toString() {
        return key();
    }
}
