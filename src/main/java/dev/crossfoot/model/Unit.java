package dev.crossfoot.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit as printed above a column ("RMB'000", "RMB million", "%", "RMB per share",
 * "thousand shares"). Every scale this tool knows is a power of ten, so converting between
 * units is exact: a figure in RMB million and one in RMB'000 are compared without rounding.
 *
 * @param printed    the unit as written in filing.yaml
 * @param dimension  what is counted: a currency ("RMB", "HK$"), "shares", "RMB/share" or "1" (pure number)
 * @param powerOfTen the scale: 3 for thousands, 6 for millions, -2 for percent
 */
public record Unit(String printed, String dimension, int powerOfTen) {

    public static final Unit PERCENT = new Unit("%", "1", -2);

    /**
     * The unit of a table read without a filing.yaml: not known. Figures in it are added to each other
     * (they are printed in one table), at the precision of their printed digits alone.
     */
    public static final Unit UNKNOWN = new Unit("unknown", "unknown", 0);

    private static final String CURRENCY = "(RMB|HK\\$|HKD|US\\$|USD|EUR|€|GBP|£|\\$|JPY|¥|SGD|S\\$|A\\$|AUD|CAD|C\\$|CHF|SAR|MYR)";
    private static final Pattern THOUSANDS = Pattern.compile(CURRENCY + "\\s*(?:'000s?|’000s?|000s?|\\s+thousands?|k)", Pattern.CASE_INSENSITIVE);
    /** Hundredths of a currency: "HK cents", "US cents", "RMB cents", "pence". */
    private static final Pattern CENTS = Pattern.compile("(HK|US|S|A|C)?\\$?\\s*cents?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RMB_CENTS = Pattern.compile("RMB\\s*cents?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PENCE = Pattern.compile("pence|p", Pattern.CASE_INSENSITIVE);
    private static final Pattern MILLIONS = Pattern.compile(CURRENCY + "\\s*(?:million|millions|mn|m)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BILLIONS = Pattern.compile(CURRENCY + "\\s*(?:billion|billions|bn)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN = Pattern.compile(CURRENCY, Pattern.CASE_INSENSITIVE);
    private static final Pattern PER_SHARE = Pattern.compile(CURRENCY + "\\s+per\\s+share", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARES = Pattern.compile("(thousands?|millions?)?\\s*shares(?:\\s*'000|\\s*’000)?|shares\\s+in\\s+thousands", Pattern.CASE_INSENSITIVE);

    public Unit {
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(dimension, "dimension");
    }

    /**
     * Reads a unit as printed.
     *
     * @throws IllegalArgumentException naming the accepted forms, when the text is not a unit
     */
    public static Unit parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals("%") || t.equalsIgnoreCase("percent")) {
            return new Unit(t, "1", -2);
        }
        if (t.equalsIgnoreCase(UNKNOWN.printed())) {
            return UNKNOWN;
        }
        if (t.equalsIgnoreCase("times") || t.equals("x") || t.equalsIgnoreCase("number")) {
            return new Unit(t, "1", 0);
        }
        Matcher m;
        if ((m = CENTS.matcher(t)).matches()) {
            return new Unit(t, m.group(1) == null ? "US$" : m.group(1).toUpperCase(Locale.ROOT) + "$", -2);
        }
        if (RMB_CENTS.matcher(t).matches()) {
            return new Unit(t, "RMB", -2);
        }
        if (PENCE.matcher(t).matches()) {
            return new Unit(t, "GBP", -2);
        }
        if ((m = PER_SHARE.matcher(t)).matches()) {
            return new Unit(t, currency(m.group(1)) + "/share", 0);
        }
        if ((m = THOUSANDS.matcher(t)).matches()) {
            return new Unit(t, currency(m.group(1)), 3);
        }
        if ((m = MILLIONS.matcher(t)).matches()) {
            return new Unit(t, currency(m.group(1)), 6);
        }
        if ((m = BILLIONS.matcher(t)).matches()) {
            return new Unit(t, currency(m.group(1)), 9);
        }
        if ((m = PLAIN.matcher(t)).matches()) {
            return new Unit(t, currency(m.group(1)), 0);
        }
        if ((m = SHARES.matcher(t)).matches()) {
            String scale = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            int p = scale.startsWith("thousand") || t.contains("000") ? 3 : scale.startsWith("million") ? 6 : 0;
            return new Unit(t, "shares", p);
        }
        throw new IllegalArgumentException("unknown unit '" + t + "'; use a form such as RMB'000, RMB million, "
                + "HK$ million, RMB, %, RMB per share, thousand shares or shares");
    }

    private static String currency(String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT);
        return switch (s) {
            case "HKD" -> "HK$";
            case "USD", "$" -> "US$";
            case "€" -> "EUR";
            case "£" -> "GBP";
            case "¥" -> "JPY";
            default -> s;
        };
    }

    public boolean isPercent() {
        return dimension.equals("1") && powerOfTen == -2;
    }

    /** A value in this unit expressed in base units (RMB, shares, plain fraction). Exact. */
    public BigDecimal toBase(BigDecimal value) {
        return value.scaleByPowerOfTen(powerOfTen);
    }

    /** A value in base units expressed in this unit. Exact. */
    public BigDecimal fromBase(BigDecimal base) {
        return base.scaleByPowerOfTen(-powerOfTen);
    }

    @Override
    public String toString() {
        return printed;
    }
}
