package dev.crossfoot.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One explanation of why a check fails, offered because it fits the numbers within the check's tolerance.
 *
 * @param kind       which explanation
 * @param text       the explanation in one line, as the text report prints it
 * @param difference the check's difference (computed minus reported) the explanation accounts for
 * @param factor     for a unit slip, the factor (1,000 or 1,000,000); else null
 * @param suspects   the figures the explanation names, each with the value that would make the check pass
 * @param checks     for {@link Kind#MATRIX_CELL}, the ids of the row check and the column check; else empty
 */
public record Diagnosis(Kind kind, String text, BigDecimal difference, BigDecimal factor, List<Suspect> suspects,
                        List<String> checks) {

    /** The explanations an experienced auditor tries first. */
    public enum Kind {
        /** The difference is twice one figure: its sign is flipped. */
        SIGN_FLIPPED,
        /** The difference equals one item: the reported figure leaves it out, or the items count it twice. */
        ITEM_OMITTED,
        /** The difference is minus one item: the reported figure counts it twice, or the items leave it out. */
        ITEM_COUNTED_TWICE,
        /** A figure is off by a factor of 1,000 or 1,000,000. */
        UNIT_SLIP,
        /** The difference is divisible by 9, and a figure with two adjacent digits swapped or slid one place fits. */
        DIGITS_TRANSPOSED,
        /** In a matrix, one cell breaks both its row check and its column check, and one value fixes both. */
        MATRIX_CELL;

        /** The name used in JSON and SARIF: "sign-flipped", "unit-slip", ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A figure an explanation names.
     *
     * @param cell     the figure, as the check used it
     * @param shouldBe the value (in the figure's own unit) that makes the check pass, or null when the
     *                 explanation names none (an item left out is not a wrong value)
     * @param how      what went wrong with it, in a few words ("two digits transposed", "1,000 times too large")
     */
    public record Suspect(CellUse cell, BigDecimal shouldBe, String how) {
        public Suspect {
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(how, "how");
        }
    }

    public Diagnosis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        suspects = List.copyOf(suspects);
        checks = List.copyOf(checks);
    }

    /** The explanation as one line, as the text report prints it. */
    @Override
    public String toString() {
        return text;
    }
}
