package dev.crossfoot.infer;

import dev.crossfoot.check.Judgement;
import dev.crossfoot.infer.Runs.Judged;
import dev.crossfoot.infer.Runs.Status;
import dev.crossfoot.model.Interval;
import java.math.BigDecimal;
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

    /** A row that opens a breakdown of the row above it ("Including: gasoline", "of which"). */
    private static final Pattern INCLUDING = Pattern.compile("(?i)\\s*(including|of which)\\b.*");
    /** A label that names costs: a section of them, totalled and printed positive, is taken away in a result below. */
    private static final Pattern COST = Pattern.compile(
            "(?i).*\\b(costs?|expenses?|expenditures?|charges|deductions|outgoings)\\b.*");
    /** A label that names what is left once costs are taken away. */
    private static final Pattern RESULT = Pattern.compile(
            "(?i).*\\b(margin|profit|income|earnings|loss|result|contribution|surplus|deficit|ebitda?|ebit|net)\\b.*");

    private final TableView view;
    private final Relations relations;
    private final BigDecimal extraTolerance;
    private final Runs runs;
    /** The first row each row stands for: itself, or for a total found, the first of its items. */
    private final int[] blockStart;
    /** The last row each row stands for: itself, or for a total found above its parts, the last of them. */
    private final int[] blockEnd;
    /** Rows found as totals (confirmed or near-misses). */
    private final boolean[] found;
    /** For a total found as its first item less the rows below it, that first item; else -1. */
    private final int[] minuend;

    RowTotals(TableView view, Relations relations, BigDecimal extraTolerance) {
        this.view = view;
        this.relations = relations;
        this.extraTolerance = extraTolerance;
        this.runs = new Runs(view, extraTolerance);
        int n = view.lines.size();
        this.blockStart = new int[n];
        this.blockEnd = new int[n];
        this.found = new boolean[n];
        this.minuend = new int[n];
        for (int r = 0; r < n; r++) {
            blockStart[r] = r;
            blockEnd[r] = r;
            minuend[r] = -1;
        }
    }

    /** Totals of the rows above them, going down the table; then totals printed above their parts, going up. */
    void run() {
        for (int t = 0; t < view.lines.size(); t++) {
            if (view.lines.get(t).hasValue()) {
                total(t);
            }
        }
        int n = view.lines.size();
        int[] closing = new int[n]; // for each row, the furthest total found going up whose items start there, or -1
        java.util.Arrays.fill(closing, -1);
        for (int r = 0; r < n; r++) {
            if (found[r] && blockStart[r] < r) {
                closing[blockStart[r]] = Math.max(closing[blockStart[r]], r);
            }
        }
        for (int t = n - 1; t >= 0; t--) {
            if (!found[t] && view.lines.get(t).hasValue()) {
                totalAbove(t, closing);
            }
        }
    }

    /** The units above row t, nearest first: rows, or totals already found standing for their items. */
    private List<Integer> unitsAbove(int t) {
        return unitsAbove(t, false);
    }

    /**
     * The units above row t, nearest first; with {@code whole}, a total found as a subtotal less the rows below
     * it (the long-term part of receivables: the total less its current part) is replaced by that subtotal,
     * and the rows it takes away are passed over.
     */
    private List<Integer> unitsAbove(int t, boolean whole) {
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
            if (whole && minuend[i] >= 0) {
                i = minuend[i];
            }
            out.add(i);
            i = blockStart[i] - 1;
        }
        return out;
    }

    /**
     * The units below row t, nearest first, up to the next heading or barrier: rows, totals found above their
     * parts standing for them, or totals found going up standing for the items they close.
     */
    private List<Integer> unitsBelow(int t, int[] closing) {
        int n = view.lines.size();
        List<Integer> out = new ArrayList<>();
        int i = t + 1;
        while (i < n && out.size() < Inferrer.MAX_ITEMS) {
            TableView.Line line = view.lines.get(i);
            if (line.barrier() || heading(line)) {
                break;
            }
            if (line.skip() || !line.hasValue()) {
                i++;
                continue;
            }
            int u = closing[i] >= 0 ? closing[i] : i;
            out.add(u);
            i = blockEnd[u] + 1;
        }
        return out;
    }

    private void total(int t) {
        List<Integer> above = unitsAbove(t);
        String label = view.lines.get(t).label();
        boolean labelled = TOTAL.matcher(label).matches();
        boolean unlabelled = label.isEmpty();
        if ((labelled || closesSection(t) || unlabelled && !above.isEmpty() && blockStart[above.get(0)] == above.get(0)) && standsAlone(t, above)) {
            blockStart[t] = blockStart[above.get(0)]; // a one-item section's subtotal is its item, not another addend
            int u = above.get(0);
            boolean says = labelled || unlabelled || !view.lines.get(t).row().section().equals(view.lines.get(u).row().section());
            if (says && blockStart[u] == u) {
                relations.sectionOfOne(t, u); // t says total, or closes the section over the item's heading; u is one row
            }
            return;
        }
        Judged near = null;
        Judged partial = null;
        Judged close = null;
        Judged rounded = null;
        for (int j = 2; j <= above.size(); j++) {
            Judged judged = runs.judge(t, above.subList(0, j));
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
        Judged signalled = signalled(t, above, labelled || unlabelled);
        if (signalled != null) {
            accept(t, signalled, false);
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
     * The shortest run above row t that foots in every column where t has a figure (exactly, or with a
     * significant total), read as the layout signals it where the rows as printed found nothing: with the
     * subtractions the layout signals ({@link #layoutWeights}), or with a subtotal in place of what is left of
     * it once rows below it are taken away ({@link #unitsAbove(int, boolean)}). Null when no such reading
     * differs from the printed one, or none foots. Each reading is one run per length, as the printed one: the
     * search stays linear in the rows above. Such a relation is confirmed, never a near-miss.
     */
    private Judged signalled(int t, List<Integer> above, boolean saysTotal) {
        List<Integer> whole = unitsAbove(t, true);
        List<List<Integer>> readings = whole.equals(above) ? List.of(above) : List.of(above, whole);
        for (int k = 0; k < readings.size(); k++) {
            List<Integer> units = readings.get(k);
            for (int j = 2; j <= units.size(); j++) {
                List<Integer> run = units.subList(0, j);
                List<BigDecimal> weights = layoutWeights(t, run);
                if (k == 0 && signs(weights).equals(signs(runs.printedWeights(run)))) {
                    continue; // the rows as printed: judged already
                }
                Judged judged = runs.judge(t, run, weights);
                if (runs.whole(t, judged) && judged.evidentHolds() >= 1 && (saysTotal || judged.evidentHolds() >= 2)) {
                    return judged;
                }
            }
        }
        return null;
    }

    private static List<Integer> signs(List<BigDecimal> weights) {
        return weights.stream().map(BigDecimal::signum).toList();
    }

    /**
     * The units' weights as the layout signals them in the total t: as printed ({@link Runs#printedWeights}), and
     * besides, taken away,
     * <ul>
     * <li>a "Less ..." row printed as a negative amount, when another "Less ..." row of the run is printed as a
     * positive amount (the issuer prints what it takes away as it stands, so this one takes away a negative
     * amount; alone, the sign of such a row is ambiguous, and it is added);</li>
     * <li>a total found of a section of costs (its label, or the heading over its items, names costs or
     * expenses), printed as positive amounts, in a total whose label names a result (margin, profit, income)
     * and no cost.</li>
     * </ul>
     * Nothing changes where a label could not be named in a formula (it holds "]").
     */
    private List<BigDecimal> layoutWeights(int t, List<Integer> run) {
        List<BigDecimal> out = new ArrayList<>(runs.printedWeights(run));
        if (view.lines.get(t).label().contains("]") || run.stream().anyMatch(u -> view.lines.get(u).label().contains("]"))) {
            return out;
        }
        boolean lessTakenAway = out.stream().anyMatch(w -> w.signum() < 0);
        String label = view.lines.get(t).label();
        boolean result = RESULT.matcher(label).matches() && !COST.matcher(label).matches();
        for (int i = 0; i < run.size(); i++) {
            int u = run.get(i);
            if (lessTakenAway && TableView.less(view.lines.get(u).label()) && runs.sign(u) < 0
                    || result && costSection(u) && runs.sign(u) > 0) {
                out.set(i, BigDecimal.ONE.negate());
            }
        }
        return out;
    }

    /** Whether row u is a total found of a section of costs: its label, or the heading over its items, names them. */
    private boolean costSection(int u) {
        int first = blockStart[u];
        if (first == u) {
            return false;
        }
        TableView.Line line = view.lines.get(u);
        boolean heading = first > 0 && heading(view.lines.get(first - 1)) && COST.matcher(view.lines.get(first - 1).label()).matches();
        return COST.matcher(line.label()).matches() || heading || COST.matcher(view.lines.get(first).row().section()).matches();
    }

    /**
     * A total printed above its parts. Row t is a candidate when the row under it opens a breakdown
     * ("Including: ...", "of which") or when its label says total and it opens its table or section (no row
     * with figures above it under the same heading). It is the total of the shortest run of units below it
     * (rows, totals found above their own parts, totals found going up) that foots in every column where t has
     * a figure, with the evidence a total going up needs; a run that adds up exactly wins over a shorter one
     * that foots within rounding only. A breakdown of one row printing t's figures is t itself: t stands for it.
     * Such a total is confirmed, never a near-miss.
     */
    private void totalAbove(int t, int[] closing) {
        String label = view.lines.get(t).label();
        boolean breakdown = t + 1 < view.lines.size() && view.lines.get(t + 1).hasValue()
                && INCLUDING.matcher(view.lines.get(t + 1).label()).matches();
        boolean labelled = TOTAL.matcher(label).matches();
        if (!breakdown && !(labelled && opens(t))) {
            return;
        }
        List<Integer> below = unitsBelow(t, closing);
        if (breakdown && !below.isEmpty() && below.get(0) == t + 1 && sameFigures(t, t + 1)) {
            blockEnd[t] = blockEnd[t + 1];
            return;
        }
        Judged rounded = null;
        for (int j = 2; j <= below.size(); j++) {
            Judged judged = runs.judge(t, below.subList(0, j));
            int evident = judged.evidentHolds();
            if (runs.whole(t, judged) && evident >= 1 && (labelled || label.isEmpty() || evident >= 2)) {
                if (judged.exact()) {
                    rounded = judged;
                    break;
                }
                rounded = rounded == null ? judged : rounded;
            }
        }
        if (rounded != null) {
            accept(t, rounded, false);
            blockEnd[t] = blockEnd[rounded.units().get(rounded.units().size() - 1)];
        }
    }

    /** Whether row t opens its table or section: above it, a heading, a barrier or the top comes before any row with figures. */
    private boolean opens(int t) {
        String section = view.lines.get(t).row().section();
        for (int i = t - 1; i >= 0; i--) {
            TableView.Line line = view.lines.get(i);
            if (line.barrier() || heading(line) || !line.row().section().equals(section)) {
                return true;
            }
            if (line.hasValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether row t (labelled as a total, unlabelled, or the last of its section) closes a section of one item: the unit just above it is the first row with
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
        return sameFigures(t, u);
    }

    /** Whether rows t and u print the same figures in every column where either has one, not all nil, u not taken away. */
    private boolean sameFigures(int t, int u) {
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
            Judged longer = runs.judge(t, above.subList(0, j));
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
        List<BigDecimal> weights = new ArrayList<>(judged.weights());
        boolean up = items.get(0) < t;
        if (up) {
            Collections.reverse(items); // top first
            Collections.reverse(weights);
        }
        int start = t;
        for (int u : items) {
            start = Math.min(start, blockStart[u]);
        }
        blockStart[t] = start;
        found[t] = true;
        boolean rest = up && items.size() >= 2 && weights.get(0).signum() > 0;
        for (int i = 1; i < weights.size(); i++) {
            rest &= weights.get(i).signum() < 0;
        }
        if (rest) {
            minuend[t] = items.get(0); // t is what is left of its first item once the rows below it are taken away
        }
        List<String> holding = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (int c = 0; c < view.columns.size(); c++) {
            Runs.Column column = judged.columns().get(c);
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
        relations.total(t, items, weights, holding, failing, reason);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
