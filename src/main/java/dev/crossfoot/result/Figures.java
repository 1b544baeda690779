package dev.crossfoot.result;

import java.math.BigDecimal;

/**
 * The figures of one check, in the reported figure's unit, as exact decimals; any may be null when the
 * check could not be evaluated.
 *
 * @param reported   the reported figure's value (for a marker that stands for a range, its middle)
 * @param computed   what the other side of the rule gives
 * @param difference computed minus reported
 * @param tolerance  how far apart the two may be given how they were rounded (plus any widening asked for)
 * @param exact      whether the computed figure, rounded to the reported figure's printed precision, equals it
 */
public record Figures(BigDecimal reported, BigDecimal computed, BigDecimal difference, BigDecimal tolerance, boolean exact) {

    /** A check that could not be evaluated, with nothing to show. */
    public static final Figures NONE = new Figures(null, null, null, null, false);
}
