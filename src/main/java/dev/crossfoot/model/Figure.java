package dev.crossfoot.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a table cell holds, read from its printed text.
 * <ul>
 *   <li>{@link Amount}: a number, with the precision it was printed at;</li>
 *   <li>{@link Nil}: a dash ("–", "-", "—"), meaning nil: exactly zero;</li>
 *   <li>{@link Marker}: a non-number such as "*" or "N.A."; it takes part in a check only if the
 *       filing declares the range it stands for (e.g. "* = less than RMB1,000");</li>
 *   <li>{@link Blank}: an empty cell.</li>
 * </ul>
 */
public sealed interface Figure permits Figure.Amount, Figure.Nil, Figure.Marker, Figure.Blank {

    /** The text as printed. */
    String printed();

    /** True when the figure can take part in arithmetic. */
    boolean isNumeric();

    /**
     * The set of true values, in base units (e.g. RMB).
     *
     * @throws IllegalStateException if the figure is not numeric
     */
    Interval interval();

    /**
     * A printed amount. {@code value.scale()} is the number of decimals printed, which sets its
     * precision: "3,405.8" in RMB million stands for any true value in [3,405.75, 3,405.85] million.
     */
    record Amount(String printed, BigDecimal value, Unit unit) implements Figure {
        public Amount {
            Objects.requireNonNull(printed, "printed");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(unit, "unit");
        }

        /** Half a unit of the last printed digit, in base units. */
        public BigDecimal halfUnit() {
            return unit.toBase(new BigDecimal(java.math.BigInteger.valueOf(5), value.scale() + 1));
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public Interval interval() {
            return Interval.around(unit.toBase(value), halfUnit());
        }
    }

    /** A printed dash: nil, exactly zero. */
    record Nil(String printed, Unit unit) implements Figure {
        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public Interval interval() {
            return Interval.ZERO;
        }

        public BigDecimal value() {
            return BigDecimal.ZERO;
        }
    }

    /**
     * A marker: "*", "N.A.", ... When the filing declares what it stands for ({@code bounds} in base
     * units, e.g. [0, 1000] for "less than RMB1,000"), it is numeric with that range; otherwise it is
     * not a number and a check that needs it cannot be evaluated.
     */
    record Marker(String printed, String meaning, Interval bounds) implements Figure {
        @Override
        public boolean isNumeric() {
            return bounds != null;
        }

        @Override
        public Interval interval() {
            if (bounds == null) {
                throw new IllegalStateException("marker '" + printed + "' is not a number");
            }
            return bounds;
        }
    }

    /** An empty cell. */
    record Blank() implements Figure {
        @Override
        public String printed() {
            return "";
        }

        @Override
        public boolean isNumeric() {
            return false;
        }

        @Override
        public Interval interval() {
            throw new IllegalStateException("empty cell");
        }
    }
}
