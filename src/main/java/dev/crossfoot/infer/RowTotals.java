package dev.crossfoot.infer;

import dev.crossfoot.check.Judgement;
import dev.crossfoot.model.Interval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Going down a table, finds each row that is the total of the run of rows just above it (see
 * {@link Inferrer} for the rules of evidence), and each near-miss. A total found stands for its items from
 * then on, so totals of totals are found the same way.
 */
final class RowTotals {

    private static final Pattern TOTAL = Pattern.compile(
            "(?i).*(\\btotal|\\bsub-?total|^net\\b|\\bnet$|[,–-] ?net\\b|\\bnet (income|loss|sales|revenues?|assets|liabilities|cash|increase|decrease|change|profit|earnings|book|debt|amount|carrying|periodic)"
                    + "|gross (profit|margin)|operating (income|profit|loss)|(income|profit|loss|earnings) (before|for the|from)"
                    + "|\\bebitda\\b|balance,? (at )?end|end of (the )?(year|period)|closing|ending balance|\\bbalance$|at (31|30|28|29) |as at|as of"
                    + "|\\b(balances?|outstanding) (at|as of)\\b|\\bat (january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.? [0-9]{1,2}\\b).*");

    /** How a candidate relation fares in one column. */
    enum Status { UNAVAILABLE, HOLDS, FAILS }

    /**
     * A candidate relation in one column.
     *
     * @param relative     for a column that fails, the miss as a fraction of the larger of total and sum
     * @param nonzeroItems items that are not nil
     * @param significant  the total is at least {@link Inferrer#SIGNIFICANCE} times its rounding tolerance
     * @param exact        the printed figures add up to the printed total with no rounding at all
     */
    record Column(Status status, BigDecimal relative, int nonzeroItems, boolean nonzeroTotal, boolean significant,
                  boolean exact) {
        static final Column UNAVAILABLE = new Column(Status.UNAVAILABLE, null, 0, false, false, false);

        /** Holds, and either exactly or with a significant total: what a confirmed relation may claim in a column. */
        boolean confirmable() {
            return status == Status.HOLDS && (exact || significant);
        }

        /** Holds with at least two items that are not nil and a significant total that is not nil: evidence. */
        boolean evident() {
            return status == Status.HOLDS && nonzeroItems >= 2 && nonzeroTotal && significant;
        }
    }

    /** A candidate relation (a total and its items, nearest first) judged column by column. */
    record Judged(List<Integer> units, List<Column> columns) {

        int count(Status s) {
            return (int) columns.stream().filter(c -> c.status() == s).count();
        }

        int evidentHolds() {
            return (int) columns.stream().filter(Column::evident).count();
        }

        /** Columns that hold with a total that is not nil and significant: what a labelled total on one item needs. */
        int significantHolds() {
            return (int) columns.stream().filter(c -> c.status() == Status.HOLDS && c.nonzeroTotal() && c.significant()).count();
        }

        boolean failsWithin(BigDecimal limit) {
            return columns.stream().noneMatch(c -> c.status() == Status.FAILS && c.relative().compareTo(limit) > 0);
        }

        /** Every column that holds, holds exactly (no rounding needed). */
        boolean exact() {
            return columns.stream().filter(c -> c.status() == Status.HOLDS).allMatch(Column::exact);
        }

        int maxNonzero() {
            return columns.stream().filter(c -> c.status() != Status.UNAVAILABLE).mapToInt(Column::nonzeroItems).max().orElse(0);
        }
    }

    private final TableView view;
    private final Relations relations;
    private final BigDecimal extraTolerance;
    /** The first row each row stands for: itself, or for a total found, the first of its items. */
    private final int[] blockStart;

    RowTotals(TableView view, Relations relations, BigDecimal extraTolerance) {
        this.view = view;
        this.relations = relations;
        this.extraTolerance = extraTolerance;
        this.blockStart = new int[view.lines.size()];
        for (int r = 0; r < blockStart.length; r++) {
            blockStart[r] = r;
        }
    }

    void run() {
        for (int t = 0; t < view.lines.size(); t++) {
            if (view.lines.get(t).hasValue()) {
                total(t);
            }
        }
    }

    /** The units above row t, nearest first: rows, or totals already found standing for their items. */
    private List<Integer> unitsAbove(int t) {
        List<Integer> out = new ArrayList<>();
        int i = t - 1;
        while (i >= 0 && out.size() < Inferrer.MAX_ITEMS) {
            TableView.Line line = view.lines.get(i);
            if (line.barrier()) {
                break;
            }
            if (line.skip() || !line.hasValue()) {
                i--;
                continue;
            }
            out.add(i);
            i = blockStart[i] - 1;
        }
        return out;
    }

    private Judged judge(int t, List<Integer> units) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < view.columns.size(); c++) {
            columns.add(judge(t, units, c));
        }
        return new Judged(units, columns);
    }

    private Column judge(int t, List<Integer> units, int c) {
        TableView.Amount total = view.lines.get(t).value(c);
        if (total == null) {
            return Column.UNAVAILABLE;
        }
        Interval sum = Interval.ZERO;
        BigDecimal mid = BigDecimal.ZERO;
        int nonzero = 0;
        for (int u : units) {
            TableView.Amount item = view.lines.get(u).value(c);
            if (item == null) {
                return Column.UNAVAILABLE;
            }
            BigDecimal w = view.lines.get(u).weight();
            sum = sum.plus(item.interval().times(w));
            mid = mid.add(item.base().multiply(w));
            nonzero += item.base().signum() != 0 ? 1 : 0;
        }
        Judgement j = new Judgement(sum, total.interval(), Judgement.widening(total.cell(), extraTolerance));
        boolean significant = j.significant(total.base(), Inferrer.SIGNIFICANCE);
        if (j.holds()) {
            return new Column(Status.HOLDS, null, nonzero, total.base().signum() != 0, significant,
                    mid.compareTo(total.base()) == 0);
        }
        return new Column(Status.FAILS, relative(mid, total.base()), nonzero, total.base().signum() != 0, significant, false);
    }

    /** How far a sum misses a total, as a fraction of the larger of the two (1 when both are nil). */
    static BigDecimal relative(BigDecimal sum, BigDecimal total) {
        BigDecimal base = total.abs().max(sum.abs());
        return base.signum() == 0 ? BigDecimal.ONE : sum.subtract(total).abs().divide(base, MathContext.DECIMAL64);
    }

    private void total(int t) {
        List<Integer> above = unitsAbove(t);
        String label = view.lines.get(t).label();
        boolean labelled = TOTAL.matcher(label).matches();
        boolean unlabelled = label.isEmpty();
        if ((labelled || closesSection(t)) && standsAlone(t, above)) {
            blockStart[t] = blockStart[above.get(0)]; // a one-item section's subtotal is its item, not another addend
            return;
        }
        Judged near = null;
        Judged partial = null;
        Judged close = null;
        Judged rounded = null;
        for (int j = 2; j <= above.size(); j++) {
            Judged judged = judge(t, above.subList(0, j));
            int holds = judged.count(Status.HOLDS);
            int fails = judged.count(Status.FAILS);
            int evident = judged.evidentHolds();
            boolean evidence = labelled || unlabelled || evident >= 2;
            boolean enough = evident >= 1 || labelled && holds > 0 && judged.significantHolds() >= 1;
            if (holds > 0 && fails == 0 && enough && evidence) {
                if (judged.exact()) {
                    // a longer run that adds up exactly wins over a shorter one that foots within rounding only
                    accept(t, rounded == null || holds >= rounded.count(Status.HOLDS) ? judged : rounded, false);
                    return;
                }
                rounded = rounded == null ? judged : rounded;
                continue;
            }
            if (fails > 0 && evident >= 1 && evidence) {
                if (near == null && judged.failsWithin(Inferrer.NEAR_OTHER_COLUMN)) {
                    near = judged;
                } else if (partial == null && holds >= fails) {
                    partial = judged;
                }
            }
            if (close == null && labelled && holds == 0 && fails > 0 && judged.maxNonzero() >= 2
                    && judged.failsWithin(Inferrer.NEAR_ALL_COLUMNS)) {
                close = judged;
            }
        }
        if (rounded != null) {
            accept(t, rounded, false);
            return;
        }
        if ((near != null || close != null) && cumulative(t)) {
            near = null;
            close = null;
        }
        if (near != null && explainedFurther(t, above, near)) {
            accept(t, near, false); // confirmed where it holds; the columns it misses are left alone
        } else if (near != null) {
            accept(t, near, true);
        } else if (partial != null) {
            accept(t, partial, false);
        } else if (close != null) {
            accept(t, close, true);
        }
    }

    /**
     * Whether row t (labelled as a total, or the last of its section) closes a section of one item: the unit just above it is the first row with
     * figures under a heading (or at the top of the table), and shows the same figure as t in every column
     * where either has one, not all nil. Such a subtotal stands for its item; counted beside it, the item
     * would be added twice to the totals below.
     */
    private boolean standsAlone(int t, List<Integer> above) {
        if (above.isEmpty()) {
            return false;
        }
        int u = above.get(0);
        int first = blockStart[u];
        if (first == 0 || !heading(view.lines.get(first - 1))) {
            return false;
        }
        boolean nonzero = false;
        for (int c = 0; c < view.columns.size(); c++) {
            TableView.Amount a = view.lines.get(t).value(c);
            TableView.Amount b = view.lines.get(u).value(c);
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null || a.base().compareTo(b.base()) != 0
                    || view.lines.get(u).weight().signum() < 0) {
                return false;
            }
            nonzero |= a.base().signum() != 0;
        }
        return nonzero;
    }

    /** Whether row t is the last row of a section that a heading names (the next row is in another section). */
    private boolean closesSection(int t) {
        String section = view.lines.get(t).row().section();
        return !section.isEmpty() && (t + 1 == view.lines.size() || !view.lines.get(t + 1).row().section().equals(section));
    }

    /**
     * Whether a longer run than a near-miss's foots, without a miss, in every column the near-miss misses: the
     * rows it adds have no figure in the columns where the near-miss holds (an item printed for one year
     * only), so the longer run lacked the evidence to be taken, but the miss is no misprint.
     */
    private boolean explainedFurther(int t, List<Integer> above, Judged near) {
        for (int j = near.units().size() + 1; j <= above.size(); j++) {
            Judged longer = judge(t, above.subList(0, j));
            if (longer.count(Status.FAILS) > 0) {
                continue;
            }
            boolean all = true;
            for (int c = 0; c < view.columns.size(); c++) {
                all &= near.columns().get(c).status() != Status.FAILS || longer.columns().get(c).status() == Status.HOLDS;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** A heading row: a label and no figure in any column (not a row of years or of column headings). */
    private boolean heading(TableView.Line line) {
        if (line.label().isEmpty() || line.years()) {
            return false;
        }
        for (int c = 0; c < view.columns.size(); c++) {
            if (line.read(c) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether row t is, in every column where it has a figure, the sum of every row above it up to the
     * nearest barrier (looking through rows whose figures look like years, such as 2048), totals and their
     * items alike: a column of running cumulations (1, 1, 2, 4, 8, ...), which no total found in it can
     * explain. Such a row is never a near-miss.
     */
    private boolean cumulative(int t) {
        TableView.Line total = view.lines.get(t);
        int checked = 0;
        for (int c = 0; c < view.columns.size(); c++) {
            TableView.Amount reported = total.value(c);
            if (reported == null) {
                continue;
            }
            Interval sum = Interval.ZERO;
            for (int i = t - 1; i >= 0; i--) {
                TableView.Line line = view.lines.get(i);
                if (line.barrier() && !line.years()) {
                    break;
                }
                TableView.Amount a = line.skip() ? null : line.read(c);
                if (a != null) {
                    sum = sum.plus(a.interval().times(line.weight()));
                }
            }
            if (!new Judgement(sum, reported.interval(), Judgement.widening(reported.cell(), extraTolerance)).holds()) {
                return false;
            }
            checked++;
        }
        return checked > 0;
    }

    /** Records a total: confirmed in the columns that hold, a near-miss (if it is one) in those that fail. */
    private void accept(int t, Judged judged, boolean nearMiss) {
        List<Integer> items = new ArrayList<>(judged.units());
        Collections.reverse(items);
        int start = t;
        for (int u : items) {
            start = Math.min(start, blockStart[u]);
        }
        blockStart[t] = start;
        List<String> holding = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (int c = 0; c < view.columns.size(); c++) {
            Column column = judged.columns().get(c);
            Status s = column.status();
            if (column.confirmable()) {
                holding.add(view.columns.get(c));
            } else if (s == Status.FAILS) {
                failing.add(view.columns.get(c));
            }
        }
        String reason = !nearMiss ? null : holding.isEmpty()
                ? "inferred: the row looks like a total, and the rows above it come within "
                + percent(Inferrer.NEAR_ALL_COLUMNS) + " of it, but do not foot"
                : "inferred: the same rows foot in " + String.join(", ", holding) + " but not here";
        relations.total(t, items, holding, failing, reason);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
