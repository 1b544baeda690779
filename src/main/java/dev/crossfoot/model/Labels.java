package dev.crossfoot.model;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a label written in a rule is matched to a label printed in a table.
 *
 * <p>An exact match wins. Failing that, labels match when they agree after normalisation: Unicode
 * compatibility forms (full-width letters, no-break spaces), every dash kind read as "-", curly quotes
 * read as straight ones, no blanks around a dash, runs of blanks as one space, and letter case ignored.
 * So "Other losses – net" matches "Other losses– net" and "other losses - net". Nothing else is
 * forgiven: a bullet, a footnote mark or a word must be written as printed.
 */
public final class Labels {

    /** How a rule refers to a row whose printed label is empty (an unlabelled subtotal). */
    public static final String UNLABELLED = "(unlabelled)";

    private static final Pattern DASHES = Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\u2018\u2019\u201A\u201B\u2032\u00B4`]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201C\u201D\u201E\u201F\u2033]");
    private static final Pattern SPACED_DASH = Pattern.compile("\\s*-\\s*");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private Labels() {
    }

    public static String normalize(String label) {
        String fast = asciiNormalize(label);
        return fast != null ? fast : normalizeUnicode(label);
    }

    /** The general normalisation (any text); {@link #normalize} takes a faster path for plain ASCII. */
    static String normalizeUnicode(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFKC);
        s = DASHES.matcher(s).replaceAll("-");
        s = SINGLE_QUOTES.matcher(s).replaceAll("'");
        s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
        s = SPACED_DASH.matcher(s).replaceAll("-");
        s = BLANKS.matcher(s).replaceAll(" ").strip();
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The same normalisation for a label of printable ASCII (most labels) and the few other characters that
     * financial statements print often and that the general normalisation turns into one ASCII character each
     * ({@link #plain}: dashes, curly quotes, the prime, a no-break space), without regular expressions or
     * Unicode tables (whose first use costs a cold run 16 ms): blanks around '-' dropped, runs of blanks as one,
     * lower case. Returns null when the label holds anything else.
     */
    private static String asciiNormalize(String label) {
        int n = label.length();
        StringBuilder sb = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = plain(label.charAt(i));
            if (c > 126 || (c < 32 && c != '\t' && c != '\n' && c != '\r')) {
                return null;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (c == '-') {
                pendingSpace = false;
                sb.append('-');
                // blanks after a dash are dropped too
                while (i + 1 < n && blank(plain(label.charAt(i + 1)))) {
                    i++;
                }
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }

    /**
     * The ASCII character the general normalisation makes of {@code c} wherever it stands, for the characters
     * where that holds (LabelsTest checks each against {@link #normalizeUnicode}); any other character as it is.
     * Compatibility forms are one character to one here: U+2033 (two primes in one character, two under NFKC) and U+00B4
     * (the acute accent, a space and a combining mark) are left to the general path.
     */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static char plain(char c) {
        return switch (c) {
            case '\u00A0' -> ' ';
            case '`', '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D' -> '-';
            default -> c;
        };
    }

    /** How a label is shown in reports: an empty label as "(unlabelled)". */
    public static String display(String label) {
        return label.isEmpty() ? UNLABELLED : label;
    }

    /** Up to {@code limit} candidates closest to {@code wanted}, nearest first (ties in given order). */
    public static List<String> nearest(String wanted, List<String> candidates, int limit) {
        String w = normalize(wanted);
        return candidates.stream()
                .distinct()
                .sorted(Comparator.comparingInt((String c) -> distance(w, normalize(c))))
                .limit(limit)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
