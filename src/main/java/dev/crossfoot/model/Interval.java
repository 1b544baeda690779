package dev.crossfoot.model;

import java.math.BigDecimal;
import java.math.BigInteger;
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
    private static final MathContext DOWN = new MathContext(34, RoundingMode.FLOOR);
    private static final MathContext UP = new MathContext(34, RoundingMode.CEILING);
    private static final BigInteger FIVE = BigInteger.valueOf(5);
    private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();

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
        // the usual weights, 1 and -1 (scale 0), give the ends themselves or negated: the same values at the same scales
        if (weight.equals(BigDecimal.ONE)) {
            return this;
        }
        if (weight.equals(MINUS_ONE)) {
            return new Interval(hi.negate(), lo.negate());
        }
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
        // The extremes are among the four corners n / d. The divisor's ends share a sign, so d1 * d2 > 0 and
        // n1 / d1 < n2 / d2 exactly when n1 * d2 < n2 * d1: the corners are compared by exact products, and only
        // the least and the greatest are divided (rounding at a fixed precision keeps the order, so this is the
        // floor of the least quotient and the ceiling of the greatest, as dividing all four would give).
        BigDecimal[] ns = {lo, lo, hi, hi};
        BigDecimal[] ds = {divisor.lo, divisor.hi, divisor.lo, divisor.hi};
        int min = 0;
        int max = 0;
        for (int i = 1; i < 4; i++) {
            if (ns[i].multiply(ds[min]).compareTo(ns[min].multiply(ds[i])) < 0) {
                min = i;
            }
            if (ns[i].multiply(ds[max]).compareTo(ns[max].multiply(ds[i])) > 0) {
                max = i;
            }
        }
        return new Interval(ns[min].divide(ds[min], DOWN), ns[max].divide(ds[max], UP));
    }

    public BigDecimal mid() {
        return half(lo.add(hi));
    }

    public BigDecimal halfWidth() {
        return half(hi.subtract(lo));
    }

    /**
     * {@code x.divide(2)}, the same value at the same scale, without a division: half of an even unscaled value at
     * its scale, else five times it one decimal further (the exact quotient at the least scale not below x's).
     */
    static BigDecimal half(BigDecimal x) {
        BigInteger u = x.unscaledValue();
        return u.testBit(0) ? new BigDecimal(u.multiply(FIVE), x.scale() + 1) : new BigDecimal(u.shiftRight(1), x.scale());
    }

    @Override
    public String toString() {
        return "[" + lo.toPlainString() + ", " + hi.toPlainString() + "]";
    }
}
