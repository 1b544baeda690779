package dev.crossfoot.infer;

import dev.crossfoot.check.Judgement;
import dev.crossfoot.model.Interval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * In a matrix, finds a column that is, in every row where it and its items have figures, the sum of the
 * columns just left of it (or a first column headed Total that is the sum of those right of it): a
 * cross-foot. It needs evidence in two rows (a column named as a total) or three, and a row that misses
 * by at most {@link Inferrer#NEAR_OTHER_COLUMN} while at least four times as many foot is a near-miss. A row
 * that misses by more ends the cross-foot, except one row of a column named as a total when every other row
 * foots and {@link #FAR_EVIDENCE} of them are evidence: that row is a near-miss too (a misprinted figure).
 */
final class CrossFoots {

    /**
     * Rows with evidence a column named as a total needs, when every other row cross-foots exactly, for one row
     * that misses by more than a near-miss to be reported (a misprint) rather than to end the cross-foot.
     */
    static final int FAR_EVIDENCE = 3;

    private final TableView view;
    private final Relations relations;
    private final BigDecimal extraTolerance;

    CrossFoots(TableView view, Relations relations, BigDecimal extraTolerance) {
        this.view = view;
        this.relations = relations;
        this.extraTolerance = extraTolerance;
    }

    void run() {
        int k = view.columns.size();
        if (k < 3) {
            return;
        }
        if (view.columns.get(0).strip().equalsIgnoreCase("total")) {
            crossFoot(1, k, 0, true);
        }
        for (int total = 2; total < k; total++) {
            boolean named = view.columns.get(total).toLowerCase(Locale.ROOT).contains("total");
            if (!named && total != k - 1) {
                continue;
            }
            for (int start = 0; start <= total - 2; start++) {
                if (crossFoot(start, total, total, named)) {
                    break;
                }
            }
        }
    }

    /** Whether columns [start, end) add up to column total in every row where all have figures (recorded if so). */
    private boolean crossFoot(int start, int end, int total, boolean named) {
        List<Integer> holding = new ArrayList<>();
        List<Integer> failing = new ArrayList<>();
        int far = -1;
        int evident = 0;
        for (TableView.Line line : view.lines) {
            TableView.Amount reported = line.value(total);
            List<TableView.Amount> items = reported == null ? null : items(line, start, end);
            if (items == null) {
                continue;
            }
            Interval sum = Interval.ZERO;
            BigDecimal mid = BigDecimal.ZERO;
            int nonzero = 0;
            for (TableView.Amount a : items) {
                sum = sum.plus(a.interval());
                mid = mid.add(a.base());
                nonzero += a.base().signum() != 0 ? 1 : 0;
            }
            Judgement j = new Judgement(sum, reported.interval(), Judgement.widening(reported.cell(), extraTolerance));
            if (j.holds()) {
                holding.add(line.index());
                evident += nonzero >= 2 && reported.base().signum() != 0 && j.significant(reported.base(), Inferrer.SIGNIFICANCE) ? 1 : 0;
            } else if (Runs.relative(mid, reported.base()).compareTo(Inferrer.NEAR_OTHER_COLUMN) > 0) {
                if (!named || far >= 0) {
                    return false;
                }
                far = line.index(); // one row far off a column named as a total: a misprint if every other row foots
            } else {
                failing.add(line.index());
            }
        }
        int needed = named ? 2 : 3;
        if (far >= 0) {
            if (!failing.isEmpty() || evident < FAR_EVIDENCE) {
                return false;
            }
            failing.add(far);
        }
        if (evident < needed || failing.size() * 4 > holding.size()) {
            return false;
        }
        relations.crossFoot(List.copyOf(view.columns.subList(start, end)), view.columns.get(total), holding, failing);
        return true;
    }

    /** The row's amounts in columns [start, end), or null when one of them has none. */
    private static List<TableView.Amount> items(TableView.Line line, int start, int end) {
        List<TableView.Amount> out = new ArrayList<>(end - start);
        for (int c = start; c < end; c++) {
            TableView.Amount a = line.value(c);
            if (a == null) {
                return null;
            }
            out.add(a);
        }
        return out;
    }
}
