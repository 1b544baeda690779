package dev.crossfoot.model;

import java.util.Locale;

/**
 * Every size limit on input, in one place. Each is far above what a results announcement needs, and low
 * enough that the work on the largest accepted input stays linear and its memory stays bounded: the
 * largest accepted filing is checked in a 256 MiB heap (the test {@code LargestInputTest}). An input over
 * a limit is refused, before it is read where that is possible, with a message that names the limit and
 * the value found.
 */
public final class Limits {

    /** Largest CSV file of one table, in bytes (the largest real table is about 10 KB). */
    public static final long MAX_TABLE_BYTES = 16L * 1024 * 1024;

    /**
     * Most cells (values between commas, on every line) that the tables of one filing hold together. A cell read
     * costs about 500 bytes of heap (figure, text, position, row and lookup structures) and its check as much again,
     * so this is what a 256 MiB heap holds with room to spare; a real filing holds about 3,000.
     */
    public static final long MAX_FILING_CELLS = 250_000;

    /** Most columns in one row of a table (CSV, or a tab-separated line of an announcement). */
    public static final int MAX_COLUMNS = 1_000;

    /** Most digits in one figure; a statement never prints more than about 15. */
    public static final int MAX_FIGURE_DIGITS = 30;

    /** Longest line of a YAML file, in characters (SnakeYAML's reader slows down with line length). */
    public static final int MAX_YAML_LINE = 100_000;

    /** Longest YAML scalar (a label, a title, an expression), in characters. */
    public static final int MAX_YAML_SCALAR = 100_000;

    /** Longest line of an announcement read by {@code extract}, in characters. */
    public static final int MAX_TEXT_LINE = 100_000;

    private Limits() {
    }

    /** "1,234,567": a count as the messages show it. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The start of a long text, for quoting in a message: at most {@code max} characters, then "…". */
    public static String head(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
