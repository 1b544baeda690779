package dev.crossfoot.infer;

import dev.crossfoot.check.Judgement;
import dev.crossfoot.model.Interval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a candidate relation of a table, column by column: a total and a run of units (rows, or totals standing
 * for their items), each with its weight, within the rounding of the printed figures, as every check is judged.
 */
final class Runs {

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

    /** A candidate relation (a total and its items, nearest first, each with its weight) judged column by column. */
    record Judged(List<Integer> units, List<BigDecimal> weights, List<Column> columns) {

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
    private final BigDecimal extraTolerance;

    Runs(TableView view, BigDecimal extraTolerance) {
        this.view = view;
        this.extraTolerance = extraTolerance;
    }

    Judged judge(int t, List<Integer> units) {
        return judge(t, units, printedWeights(units));
    }

    Judged judge(int t, List<Integer> units, List<BigDecimal> weights) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < view.columns.size(); c++) {
            columns.add(judge(t, units, weights, c));
        }
        return new Judged(units, weights, columns);
    }

    /** Each unit's weight as its row reads alone: -1 for a "Less ..." row printed as a positive amount, else 1. */
    List<BigDecimal> printedWeights(List<Integer> units) {
        List<BigDecimal> out = new ArrayList<>(units.size());
        for (int u : units) {
            out.add(view.lines.get(u).weight());
        }
        return out;
    }

    private Column judge(int t, List<Integer> units, List<BigDecimal> weights, int c) {
        TableView.Amount total = view.lines.get(t).value(c);
        if (total == null) {
            return Column.UNAVAILABLE;
        }
        Interval sum = Interval.ZERO;
        BigDecimal mid = BigDecimal.ZERO;
        int nonzero = 0;
        for (int i = 0; i < units.size(); i++) {
            TableView.Amount item = view.lines.get(units.get(i)).value(c);
            if (item == null) {
                return Column.UNAVAILABLE;
            }
            BigDecimal w = weights.get(i);
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

    /** 1 when row u's amounts are all positive or nil, some positive; -1 when all negative or nil, some negative; else 0. */
    int sign(int u) {
        boolean positive = false;
        boolean negative = false;
        for (int c = 0; c < view.columns.size(); c++) {
            TableView.Amount a = view.lines.get(u).value(c);
            positive |= a != null && a.base().signum() > 0;
            negative |= a != null && a.base().signum() < 0;
        }
        return positive == negative ? 0 : positive ? 1 : -1;
    }

    /** Whether a candidate holds, exactly or with a significant total, in every column where row t has a figure. */
    boolean whole(int t, Judged judged) {
        int claimed = 0;
        for (int c = 0; c < view.columns.size(); c++) {
            if (view.lines.get(t).value(c) != null) {
                if (!judged.columns().get(c).confirmable()) {
                    return false;
                }
                claimed++;
            }
        }
        return claimed > 0;
    }
}
