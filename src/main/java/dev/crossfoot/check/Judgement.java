package dev.crossfoot.check;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Interval;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The footing judgement, the one place that says whether figures agree: every printed figure stands for
 * the interval of half a unit of its last printed digit either way; what the other side of a relation
 * gives is an interval too, and the two agree when the computed interval overlaps the reported one,
 * widened by any extra tolerance asked for ({@code --tolerance}). These are the round-to-nearest semantics
 * of XBRL Calculations 1.1. The evaluator judges every check with it, and footing without rules judges
 * every candidate total with it, so a total that {@code foot} confirms is a check that passes.
 *
 * @param computed  what the other side gives, in base units
 * @param reported  the reported figure's interval, in base units
 * @param widening  the extra tolerance, in base units (zero for none)
 */
public record Judgement(Interval computed, Interval reported, BigDecimal widening) {

    public Judgement {
        Objects.requireNonNull(computed, "computed");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(widening, "widening");
    }

    /**
     * The extra tolerance for a reported cell, in base units: {@code units} of its last printed digit
     * (a figure without printed digits counts as printed to the unit).
     */
    public static BigDecimal widening(Cell reported, BigDecimal units) {
        if (units.signum() == 0) {
            return BigDecimal.ZERO;
        }
        int scale = reported.figure() instanceof Figure.Amount a ? a.value().scale() : 0;
        return reported.unit().toBase(Decimals.ulp(scale).multiply(units));
    }

    /** Whether the figures agree: the computed interval overlaps the reported one, widened. */
    public boolean holds() {
        return computed.overlaps(widening.signum() == 0 ? reported : reported.widen(widening));
    }

    /**
     * How far apart the two may be, in base units, seen from {@code mid} (the computed figure shown): the
     * computed interval's reach from it, plus the reported figure's rounding, plus the widening.
     */
    public BigDecimal tolerance(BigDecimal mid) {
        BigDecimal reach = mid.subtract(computed.lo()).max(computed.hi().subtract(mid));
        return reach.add(reported.halfWidth()).add(widening);
    }

    /** {@link #tolerance(BigDecimal)} from the middle of the computed interval. */
    public BigDecimal tolerance() {
        return tolerance(computed.mid());
    }

    /**
     * Whether a total is large against the tolerance: at least {@code factor} times it. Small whole numbers
     * add up to each other by chance; a relation among them is no evidence.
     */
    public boolean significant(BigDecimal total, BigDecimal factor) {
        return total.abs().compareTo(tolerance().multiply(factor)) >= 0;
    }
}
