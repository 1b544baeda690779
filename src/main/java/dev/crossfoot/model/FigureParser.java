package dev.crossfoot.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a figure as printed in a financial statement.
 *
 * <p>Accepted forms: {@code 3,405,842}, {@code 3405842}, {@code 1,183.7}, {@code (1,905,055)} and
 * {@code -10.6} or {@code −10.6} for negatives, {@code +5.2}, a trailing {@code %} in a percent column
 * ({@code 69.18%}, {@code (190.7)%}), a dash alone ({@code –}, {@code -}, {@code —}) for nil, and markers
 * ({@code *}, {@code N.A.}, ...). Thousands separators must be commas in groups of three.
 *
 * <p>Everything else is rejected with a message that says what is wrong: exponents, NaN, hexadecimal,
 * full-width digits, misplaced or doubled separators, unbalanced parentheses, doubled signs, currency
 * symbols or footnote marks inside the figure, a percent sign outside a percent column.
 */
public final class FigureParser {

    /** Markers that are never numbers unless the filing declares a range for them. */
    public static final List<String> DEFAULT_MARKERS = List.of("*", "N.A.", "N/A", "n/a", "n.a.", "NA", "N.M.", "NM", "n.m.");

    private static final Pattern FULL_WIDTH = Pattern.compile(".*[\uFF10-\uFF19\uFF0C\uFF0E].*");

    private FigureParser() {
    }

    /**
     * Parses one cell.
     *
     * @param raw     the cell text as printed (surrounding blanks are ignored)
     * @param unit    the unit the cell's column or row is printed in
     * @param markers markers declared by the filing, by text; the defaults are always accepted
     */
    public static Figure parse(String raw, Unit unit, Map<String, MarkerSpec> markers) throws FigureFormatException {
        String t = strip(raw);
        if (t.isEmpty()) {
            return new Figure.Blank();
        }
        if (t.length() == 1 && "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212".indexOf(t.charAt(0)) >= 0) {
            return new Figure.Nil(t, unit);
        }
        Figure marker = marker(t, markers);
        if (marker != null) {
            return marker;
        }
        boolean negative = false;
        String body = t;
        boolean percentSign = false;
        if (body.endsWith("%")) {
            if (!unit.isPercent()) {
                throw new FigureFormatException(Printable.quoted(t) + " has a % sign but its column is in " + unit
                        + "; declare the column's unit as % in filing.yaml, or remove the sign");
            }
            percentSign = true;
            body = body.substring(0, body.length() - 1).strip();
        }
        if (body.startsWith("(") || body.endsWith(")")) {
            if (!(body.startsWith("(") && body.endsWith(")")) || body.length() < 3) {
                throw new FigureFormatException(Printable.quoted(t) + " has an unbalanced parenthesis; write a negative as (1,234)");
            }
            negative = true;
            body = body.substring(1, body.length() - 1).strip();
            if (body.endsWith("%") && unit.isPercent() && !percentSign) {
                body = body.substring(0, body.length() - 1).strip();
            }
        }
        if (!body.isEmpty() && "-+\u2212".indexOf(body.charAt(0)) >= 0) {
            if (negative) {
                throw new FigureFormatException(Printable.quoted(t) + " is negative twice (parentheses and a sign); use one");
            }
            negative = body.charAt(0) != '+';
            body = body.substring(1);
            if (!body.isEmpty() && "-+\u2212(".indexOf(body.charAt(0)) >= 0) {
                throw new FigureFormatException(Printable.quoted(t) + " has more than one sign; use one minus sign or parentheses");
            }
        }
        String digits = digits(body);
        if (digits == null) {
            throw new FigureFormatException(explain(t, body, unit));
        }
        int count = digits.length() - (digits.indexOf('.') < 0 ? 0 : 1);
        if (count > Limits.MAX_FIGURE_DIGITS) {
            throw new FigureFormatException("'" + Limits.head(t, 40) + "' has " + Limits.count(count) + " digits, over the limit of "
                    + Limits.MAX_FIGURE_DIGITS + " digits for a figure; a statement never prints that many: check the cell");
        }
        BigDecimal value = new BigDecimal(digits);
        return new Figure.Amount(t, negative ? value.negate() : value, unit);
    }

    /** A footnote mark after a figure: "130,000 (1)", "6,320,000 (a)". */
    private static final Pattern TRAILING_NOTE = Pattern.compile("(?<=[0-9)%])\\s+\\(([0-9]{1,2}|[a-z])\\)$|(?<=[0-9])\\(([0-9])\\)$");
    /** A run of dashes or underscores printed for nil ({@code ---}, {@code __}). */
    private static final Pattern NIL_RUN = Pattern.compile("[-–—_]{2,}");
    private static final Pattern CURRENCY_SIGN = Pattern.compile("(?:US\\$|HK\\$|A\\$|C\\$|S\\$|RMB|\\$|£|€|¥)");

    /**
     * Reads a cell of a table that comes without a filing.yaml (unit unknown), forgivingly: a currency
     * sign anywhere ({@code $ 1,452.4}, {@code $(618)}, {@code £12}) and a footnote mark after the figure
     * ({@code 130,000 (1)}, {@code 68,253(1)}) are dropped, a run of dashes or underscores ({@code ---},
     * {@code __}) is nil, a trailing {@code %} makes
     * the figure a percentage whatever its column, and anything that is still not a figure becomes a
     * marker that is not a number (so that a check never uses it), never an error.
     *
     * @param unit the unit of the cell's column ({@link Unit#UNKNOWN}, or % for a column headed as one)
     */
    public static Figure loose(String raw, Unit unit) {
        String t = strip(raw);
        if (t.isEmpty()) {
            return new Figure.Blank();
        }
        String body = TRAILING_NOTE.matcher(CURRENCY_SIGN.matcher(t).replaceAll("")).replaceAll("").strip();
        Unit u = unit;
        if (body.endsWith("%") || body.endsWith("%)")) {
            u = Unit.PERCENT;
            body = body.endsWith("%)") ? body.substring(0, body.length() - 2).strip() + ")"
                    : body.substring(0, body.length() - 1).strip();
        }
        if (body.isEmpty()) {
            return new Figure.Marker(t, "not a figure", null);
        }
        if (NIL_RUN.matcher(body).matches()) {
            return new Figure.Nil(t, u);
        }
        try {
            Figure f = parse(body, u, Map.of());
            if (f instanceof Figure.Amount a) {
                return new Figure.Amount(t, a.value(), u);
            }
            if (f instanceof Figure.Nil) {
                return new Figure.Nil(t, u);
            }
            return f instanceof Figure.Marker ? new Figure.Marker(t, "marker", null) : f;
        } catch (FigureFormatException e) {
            return new Figure.Marker(t, "not a figure", null);
        }
    }

    /**
     * The digits of "1234", "1234.5", "1,234" or "1,234.5" (thousands separators in groups of three)
     * without the separators, or null for anything else. A hand-written scanner: it runs for every cell.
     */
    static String digits(String body) {
        int n = body.length();
        int dot = body.indexOf('.');
        int intEnd = dot < 0 ? n : dot;
        if (intEnd == 0 || dot == n - 1) {
            return null;
        }
        for (int i = intEnd + 1; i < n; i++) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        boolean grouped = body.indexOf(',') >= 0;
        if (!grouped) {
            for (int i = 0; i < intEnd; i++) {
                char c = body.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
            }
            return body;
        }
        StringBuilder sb = new StringBuilder(n);
        int group = 0;
        boolean first = true;
        for (int i = 0; i < intEnd; i++) {
            char c = body.charAt(i);
            if (c == ',') {
                if (group == 0 || (first && group > 3) || (!first && group != 3)) {
                    return null;
                }
                first = false;
                group = 0;
            } else if (c >= '0' && c <= '9') {
                sb.append(c);
                group++;
            } else {
                return null;
            }
        }
        if (group != 3) {
            return null;
        }
        return sb.append(body, intEnd, n).toString();
    }

    private static Figure marker(String t, Map<String, MarkerSpec> markers) {
        MarkerSpec spec = markers.get(t);
        if (spec != null) {
            return new Figure.Marker(t, spec.meaning(), spec.bounds());
        }
        if (t.length() > 2 && t.startsWith("(") && t.endsWith(")")) {
            String within = t.substring(1, t.length() - 1).strip();
            MarkerSpec inner = markers.get(within);
            if (inner != null) {
                return new Figure.Marker(t, "negative: " + inner.meaning(),
                        inner.bounds() == null ? null : inner.bounds().times(BigDecimal.ONE.negate()));
            }
            if (defaultMarker(within)) {
                return new Figure.Marker(t, "marker", null);
            }
        }
        if (defaultMarker(t)) {
            return new Figure.Marker(t, "marker", null);
        }
        return null;
    }

    /** Whether the text is one of {@link #DEFAULT_MARKERS} (none starts with a digit, as nearly every cell does). */
    private static boolean defaultMarker(String t) {
        return !t.isEmpty() && (t.charAt(0) < '0' || t.charAt(0) > '9') && DEFAULT_MARKERS.contains(t);
    }

    private static String explain(String t, String body, Unit unit) {
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (FULL_WIDTH.matcher(body).matches()) {
            return Printable.quoted(t) + " uses full-width digits or separators; retype it with ASCII digits 0-9, ',' and '.'";
        }
        if (lower.contains("nan") || lower.contains("inf")) {
            return Printable.quoted(t) + " is not a printed figure; write the amount, a dash for nil, or a marker such as N.A.";
        }
        if (lower.startsWith("0x")) {
            return Printable.quoted(t) + " is hexadecimal; write the figure in decimal as printed";
        }
        if (lower.matches("[0-9.,]+e[-+]?[0-9]+")) {
            return Printable.quoted(t) + " uses an exponent; write the figure in full as printed (e.g. 100,000)";
        }
        if (body.chars().filter(c -> c == '.').count() > 1) {
            return Printable.quoted(t) + " has more than one decimal point";
        }
        if (body.matches("[0-9.,]+")) {
            return Printable.quoted(t) + " has a thousands separator out of place; separators group digits in threes, as in 1,234,567.8";
        }
        if (body.matches(".*[0-9].*") && body.matches(".*[^0-9.,].*")) {
            String extra = body.replaceAll("[0-9.,]", "");
            return Printable.quoted(t) + " has " + Printable.quoted(extra) + " inside the figure; keep only the number (the unit, " + unit
                    + ", is declared in filing.yaml; footnote marks belong in the label)";
        }
        return Printable.quoted(t) + " is not a figure; write a number as printed (1,234.5 or (1,234.5)), a dash for nil, or a marker such as N.A.";
    }

    /** Trims blanks, including no-break and figure spaces. */
    static String strip(String s) {
        if (s == null) {
            return "";
        }
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }
}
