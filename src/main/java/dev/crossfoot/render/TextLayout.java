package dev.crossfoot.render;

import java.util.List;

/**
 * The columns of the text report's check lines, for a width: the figures as wide as the widest of them (never
 * cut), the labels (rule id, column, row) as wide as the width leaves them. Each label first gets a share (rule 12
 * columns, column 6, row 14, or less when none is that long), then more in turn as far as the width goes; a label
 * wider than its share is cut with an ellipsis. When the width leaves the labels less than their first shares, each
 * check takes two lines: the labels, then the figures under them.
 */
record TextLayout(int rule, int column, int row, int reported, int computed, int difference, int tolerance,
                  boolean cast, boolean stacked) {

    /** One check as its line shows it; every piece is already safe to print (see TextRenderer#text). */
    record Cells(String rule, String column, String row, String reported, String computed, String difference,
                 String tolerance, String cast) {
    }

    private static final int MAX = Integer.MAX_VALUE;
    /** However wide the terminal, a label wider than this is cut: one rare long label would spread every line. */
    private static final int MAX_RULE = 40;
    private static final int MAX_COLUMN = 24;
    private static final int MAX_ROW = 48;
    /** The first shares, then the next: each label in turn up to a cap. */
    private static final int[][] SHARES = {{0, 12}, {1, 6}, {2, 14}, {0, 20}, {2, 30}, {1, 12}, {0, MAX}, {2, MAX}, {1, MAX}};
    private static final int FIRST_SHARES = 3;
    private static final String STATUS_BLANK = "     ";
    private static final String FIGURES_INDENT = "        ";
    private static final int CAST = "rounding".length();

    static TextLayout of(List<Cells> shown, int width) {
        int[] natural = {4, 6, 3};
        int reported = 8;
        int computed = 8;
        int difference = 4;
        int tolerance = 3;
        boolean cast = false;
        for (Cells s : shown) {
            natural[0] = Math.max(natural[0], Width.of(s.rule()));
            natural[1] = Math.max(natural[1], Width.of(s.column()));
            natural[2] = Math.max(natural[2], Width.of(s.row()));
            reported = Math.max(reported, Width.of(s.reported()));
            computed = Math.max(computed, Width.of(s.computed()));
            difference = Math.max(difference, Width.of(s.difference()));
            tolerance = Math.max(tolerance, Width.of(s.tolerance()));
            cast |= !s.cast().isEmpty();
        }
        natural[0] = Math.min(natural[0], MAX_RULE);
        natural[1] = Math.min(natural[1], MAX_COLUMN);
        natural[2] = Math.min(natural[2], MAX_ROW);
        TextLayout figures = new TextLayout(0, 0, 0, reported, computed, difference, tolerance, cast, false);
        int oneLine = width - figures.labelsWidth() - figures.figuresWidth() - 2;
        int firstShares = 0;
        for (int i = 0; i < FIRST_SHARES; i++) {
            firstShares += Math.min(natural[SHARES[i][0]], SHARES[i][1]);
        }
        boolean stacked = oneLine < firstShares;
        int[] got = share(natural, stacked ? width - figures.labelsWidth() : oneLine);
        return new TextLayout(got[0], got[1], got[2], reported, computed, difference, tolerance, cast, stacked);
    }

    /** The labels' widths for a budget: all of them when they fit, else shares in turn. */
    private static int[] share(int[] natural, int budget) {
        if (natural[0] + natural[1] + natural[2] <= budget) {
            return natural.clone();
        }
        int[] got = new int[3];
        int left = budget;
        for (int[] share : SHARES) {
            int i = share[0];
            int give = Math.max(0, Math.min(Math.min(natural[i], share[1]) - got[i], left));
            got[i] += give;
            left -= give;
        }
        for (int i = 0; i < 3; i++) {
            got[i] = Math.max(got[i], Math.min(natural[i], 4));
        }
        return got;
    }

    /** The columns of status and labels, with their gaps: {@code "  FAIL  rule  column  row"}. */
    private int labelsWidth() {
        return 2 + 5 + 1 + rule + 2 + column + 2 + row;
    }

    /** The columns of the figures, with their gaps: {@code "reported  computed  diff  tol  cast"}. */
    private int figuresWidth() {
        return reported + 2 + computed + 2 + difference + 2 + tolerance + (cast ? 2 + CAST : 0);
    }

    /** The heading of the check lines (one or two lines, without line ends). */
    List<String> header() {
        return lines(STATUS_BLANK, new Cells("rule", "column", "row", "reported", "computed", "diff", "tol", cast ? "cast" : ""));
    }

    /** A check's line (or two, when stacked), without line ends; {@code status} is five columns wide. */
    List<String> lines(String status, Cells c) {
        String labels = "  " + status + " " + Width.pad(Width.cut(c.rule(), rule), rule) + "  "
                + Width.pad(Width.cut(c.column(), column), column) + "  " + Width.pad(Width.cut(c.row(), row), row);
        String figures = Width.lpad(c.reported(), reported) + "  " + Width.lpad(c.computed(), computed) + "  "
                + Width.lpad(c.difference(), difference) + "  " + Width.lpad(c.tolerance(), tolerance)
                + (cast ? "  " + c.cast() : "");
        if (stacked) {
            return figures.isBlank() ? List.of(labels.stripTrailing())
                    : List.of(labels.stripTrailing(), (FIGURES_INDENT + figures).stripTrailing());
        }
        return List.of((labels + "  " + figures).stripTrailing());
    }

    /** Whether the line cuts this rule id (the explanation then names it whole). */
    boolean cuts(String ruleText) {
        return Width.of(ruleText) > rule;
    }
}
