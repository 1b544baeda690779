package dev.crossfoot.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Formatting of exact decimals for people: thousands separators, and the printed style of statements. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Whether {@code v} is a number a statement could print: at most {@link Limits#MAX_FIGURE_DIGITS} digits before
     * the decimal point and as many after it. Numbers given in exponent form in an option or a marker
     * ({@code 1e999999999}) are refused with this before any arithmetic is done on them.
     */
    public static boolean printable(BigDecimal v) {
        long before = (long) v.precision() - v.scale();
        return before <= Limits.MAX_FIGURE_DIGITS && v.scale() <= Limits.MAX_FIGURE_DIGITS;
    }

    /** "-1,234.5": grouped, leading minus, all the digits the value has (trailing zeros removed past {@code minScale}). */
    public static String grouped(BigDecimal v, int minScale) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < minScale) {
            s = s.setScale(minScale, RoundingMode.UNNECESSARY);
        }
        if (s.scale() < 0) {
            s = s.setScale(0, RoundingMode.UNNECESSARY);
        }
        return group(s);
    }

    /** As a statement prints it at {@code scale} decimals: "(4,369.1)" for negatives, "–" never (zero prints 0). */
    public static String printed(BigDecimal v, int scale) {
        BigDecimal r = v.setScale(scale, RoundingMode.HALF_UP);
        String g = group(r.abs());
        return r.signum() < 0 ? "(" + g + ")" : g;
    }

    /** Plain decimal string for machines: no grouping, no exponent, trailing zeros removed past {@code minScale}. */
    public static String plain(BigDecimal v, int minScale) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < minScale) {
            s = s.setScale(minScale, RoundingMode.UNNECESSARY);
        }
        if (s.scale() < 0) {
            s = s.setScale(0, RoundingMode.UNNECESSARY);
        }
        return s.toPlainString();
    }

    private static String group(BigDecimal v) {
        String plain = v.toPlainString();
        boolean neg = plain.startsWith("-");
        if (neg) {
            plain = plain.substring(1);
        }
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(intPart.charAt(i));
        }
        return (neg ? "-" : "") + sb + frac;
    }

    /** One unit of the last digit at {@code scale} decimals: 0.1 for scale 1, 1 for scale 0. */
    public static BigDecimal ulp(int scale) {
        return new BigDecimal(BigInteger.ONE, scale);
    }
}
