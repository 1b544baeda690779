package dev.crossfoot.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A closed interval [lo, hi] of exact decimals: the set of true values a rounded figure can stand for.
 * Arithmetic is exact for sums and multiples; division rounds outward (lo down, hi up), so the
 * result always contains every true quotient.
 */
public record Interval(BigDecimal lo, BigDecimal hi) {

    public static final Interval ZERO = new Interval(BigDecimal.ZERO, BigDecimal.ZERO);
    private static final MathContext DIVISION_DIGITS = new MathContext(34);

    public Interval {
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(hi, "hi");
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
    }

    public static Interval point(BigDecimal value) {
        return new Interval(value, value);
    }

    /** [mid - half, mid + half]; half must not be negative. */
    public static Interval around(BigDecimal mid, BigDecimal half) {
        if (half.signum() < 0) {
            throw new IllegalArgumentException("negative half-width " + half);
        }
        return new Interval(mid.subtract(half), mid.add(half));
    }

    public Interval plus(Interval other) {
        return new Interval(lo.add(other.lo), hi.add(other.hi));
    }

    public Interval plus(BigDecimal constant) {
        return new Interval(lo.add(constant), hi.add(constant));
    }

    /** Multiplies by a weight; a negative weight swaps the ends. */
    public Interval times(BigDecimal weight) {
        BigDecimal a = lo.multiply(weight);
        BigDecimal b = hi.multiply(weight);
        return weight.signum() < 0 ? new Interval(b, a) : new Interval(a, b);
    }

    /** Widens both ends by {@code amount} (not negative). */
    public Interval widen(BigDecimal amount) {
        return around(BigDecimal.ZERO, amount).plus(this);
    }

    public boolean contains(BigDecimal value) {
        return lo.compareTo(value) <= 0 && value.compareTo(hi) <= 0;
    }

    public boolean overlaps(Interval other) {
        return lo.compareTo(other.hi) <= 0 && other.lo.compareTo(hi) <= 0;
    }

    /**
     * The quotient interval, rounded outward at 34 significant digits.
     *
     * @throws ArithmeticException when the divisor interval contains zero
     */
    public Interval dividedBy(Interval divisor) {
        if (divisor.contains(BigDecimal.ZERO)) {
            throw new ArithmeticException("the divisor can be zero within rounding " + divisor);
        }
        BigDecimal[] ends = {lo, hi};
        BigDecimal[] ds = {divisor.lo, divisor.hi};
        BigDecimal min = null;
        BigDecimal max = null;
        for (BigDecimal n : ends) {
            for (BigDecimal d : ds) {
                BigDecimal down = n.divide(d, new MathContext(DIVISION_DIGITS.getPrecision(), RoundingMode.FLOOR));
                BigDecimal up = n.divide(d, new MathContext(DIVISION_DIGITS.getPrecision(), RoundingMode.CEILING));
                min = min == null || down.compareTo(min) < 0 ? down : min;
                max = max == null || up.compareTo(max) > 0 ? up : max;
            }
        }
        return new Interval(min, max);
    }

    public BigDecimal mid() {
        return lo.add(hi).divide(BigDecimal.valueOf(2));
    }

    public BigDecimal halfWidth() {
        return hi.subtract(lo).divide(BigDecimal.valueOf(2));
    }

    @Override
    public String toString() {
        return "[" + lo.toPlainString() + ", " + hi.toPlainString() + "]";
    }
}
