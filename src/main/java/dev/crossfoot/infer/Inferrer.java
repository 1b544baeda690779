package dev.crossfoot.infer;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Interval;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.LookupException;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.result.Severity;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Items;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.rules.Term;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the totals of a table from its figures alone, and states each as an ordinary rule.
 *
 * <p>Going down each table, a row is a total when, in every numeric column where it and its items have
 * figures, it equals (within the rounding of the printed figures, as a check would judge it) the sum of
 * the run of rows just above it. A total already found stands for its own items, so totals of totals and
 * totals spanning several sections are found the same way. Heading rows are looked through; percentage
 * rows and rows whose labels say they are not amounts (per share, ratios, yields) are skipped; a row of
 * years or of column headings ends the run. A total whose first item opens (beginning, opening, at 1
 * January) and which closes (end, closing) is a roll-forward, with carry-forward when each column opens
 * where the next one closes. In a matrix, a column that is, in every row, the sum of the columns to its
 * left is a cross-foot.
 *
 * <p>A relation is accepted only with evidence: at least two items, and a column where it holds with two
 * items and the total not nil and the total at least {@link #SIGNIFICANCE} times its rounding tolerance
 * (small whole numbers add up by chance); and either a label that says total (which may then stand on
 * one item that is not nil, the total still large against its tolerance), no label (an unlabelled
 * subtotal), or such evidence in two columns. The
 * shortest run that foots is taken. A run that foots with evidence in at least as many columns as it
 * misses, and misses by more than {@link #NEAR_OTHER_COLUMN} (a column that is not additive, such as an
 * average price), is confirmed in the columns where it foots; the others are left alone. A "Less ..."
 * row printed as a positive amount is taken away, and the relation is then written as a formula.
 *
 * <p>Near-misses are rows that look like totals but do not foot, by a small relative amount: rows whose
 * run foots in some columns and not in another (within {@link #NEAR_OTHER_COLUMN} of the total), and rows
 * labelled as totals whose nearest run misses in every column by at most {@link #NEAR_ALL_COLUMNS}. They
 * become rules of severity warning. A row that is the sum of every row above it (running cumulations)
 * is never a near-miss. Everything else stays silent.
 */
public final class Inferrer {

    /** The prefix of every inferred rule's id. */
    public static final String PREFIX = "INFER-";
    /** How far off, relative to the total, a column may be and still be a near-miss when other columns foot. */
    static final BigDecimal NEAR_OTHER_COLUMN = new BigDecimal("0.02");
    /** How far off, relative to the total, a labelled total may be in every column and still be a near-miss. */
    static final BigDecimal NEAR_ALL_COLUMNS = new BigDecimal("0.002");
    /** How many times its rounding tolerance a total must be, for a column to count as evidence. */
    static final BigDecimal SIGNIFICANCE = BigDecimal.valueOf(5);
    /** Longest run of items looked at above a row. */
    static final int MAX_ITEMS = 60;

    private static final Pattern TOTAL = Pattern.compile(
            "(?i).*(\\btotal|\\bsub-?total|^net\\b|\\bnet$|[,–-] ?net\\b|\\bnet (income|loss|sales|revenues?|assets|liabilities|cash|increase|decrease|change|profit|earnings|book|debt|amount|carrying|periodic)"
                    + "|gross (profit|margin)|operating (income|profit|loss)|(income|profit|loss|earnings) (before|for the|from)"
                    + "|\\bebitda\\b|balance,? (at )?end|end of (the )?(year|period)|closing|ending balance|\\bbalance$|at (31|30|28|29) |as at|as of).*");
    private static final Pattern OPENING = Pattern.compile(
            "(?i).*(beginning|\\bopening|brought forward|start of|\\bat (1|january 1|1st)\\b|as (at|of) (1|january 1)\\b|balance,? (at )?begin).*");
    private static final Pattern CLOSING = Pattern.compile(
            "(?i).*(\\bend of|\\bending|\\bclosing|carried forward|balance,? (at )?end|\\bat (31|30|28|29)\\b|as (at|of) (december|june|march|september) (31|30)|\\bat (december|june|march|september) (31|30)).*");
    private static final Pattern NOT_ADDITIVE = Pattern.compile(
            "(?i).*((^|[\\s(])%|%\\s*\\)?$|percent|per (\\w+ )?(\\w+ )?share|\\beps\\b|per unit|per employee|\\bratio\\b|\\byield\\b|\\bbps\\b|basis points?|\\(in years\\)|\\bin years\\b|\\bdays\\b|\\bheadcount\\b|number of employees|weighted[- ]average (number|shares|fair value|price|exercise|remaining|grant)|average price|\\bmultiple\\b).*");
    private static final Pattern LESS = Pattern.compile("(?i)\\s*less\\b(?!\\s+than)[\\s:].*");
    private static final Pattern NOTE_COLUMN = Pattern.compile("(?i)\\s*notes?\\s*(\\(.*\\))?\\s*");
    private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");

    private final BigDecimal extraTolerance;

    /** @param extraTolerance printed units of the total's last digit added to every tolerance (--tolerance) */
    public Inferrer(BigDecimal extraTolerance) {
        this.extraTolerance = extraTolerance;
    }

    /** What footing a filing found. */
    public record Inference(List<Rule> confirmed, List<Rule> nearMisses) {
        public Inference {
            confirmed = List.copyOf(confirmed);
            nearMisses = List.copyOf(nearMisses);
        }

        /** The confirmed relations, then the near-misses. */
        public List<Rule> all() {
            List<Rule> out = new ArrayList<>(confirmed);
            out.addAll(nearMisses);
            return out;
        }
    }

    public Inference infer(Filing filing) {
        List<Rule> confirmed = new ArrayList<>();
        List<Rule> near = new ArrayList<>();
        for (Table t : filing.tables().values()) {
            TableFooting f = new TableFooting(t);
            f.run();
            confirmed.addAll(f.confirmed);
            near.addAll(f.near);
        }
        return new Inference(confirmed, near);
    }

    /** The status of a candidate relation in one column. */
    private enum ColumnStatus { UNAVAILABLE, HOLDS, FAILS }

    /** A candidate relation (a total and its items) judged column by column. */
    private record Judged(List<Integer> units, ColumnStatus[] status, BigDecimal[] relative, int[] nonzeroItems,
                          boolean[] nonzeroTotal, boolean[] significant) {

        int count(ColumnStatus s) {
            int n = 0;
            for (ColumnStatus x : status) {
                n += x == s ? 1 : 0;
            }
            return n;
        }

        /**
         * Columns that hold with at least two items that are not nil, and a total that is not nil and large
         * against the rounding tolerance (small whole numbers add up to each other by chance).
         */
        int evidentHolds() {
            int n = 0;
            for (int c = 0; c < status.length; c++) {
                n += status[c] == ColumnStatus.HOLDS && nonzeroItems[c] >= 2 && nonzeroTotal[c] && significant[c] ? 1 : 0;
            }
            return n;
        }

        boolean failsWithin(BigDecimal limit) {
            for (int c = 0; c < status.length; c++) {
                if (status[c] == ColumnStatus.FAILS && relative[c].compareTo(limit) > 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The footing of one table. */
    private final class TableFooting {
        private final Table table;
        private final List<Row> rows;
        private final List<String> columns = new ArrayList<>();
        /** The interval of each amount, by row and column; null for anything that is not an additive amount. */
        private final Interval[][] value;
        private final BigDecimal[][] printed;
        private final Figure[][] figure;
        private final boolean[] skip;
        private final boolean[] barrier;
        /** A row whose amounts all look like years (a barrier, but figures all the same). */
        private final boolean[] years;
        /** The interval of each amount as read, before skipped rows and barriers are taken out. */
        private final Interval[][] read;
        private final int[] blockStart;
        /** -1 for a "Less ..." row printed as a positive amount (it is taken away), else 1. */
        private final BigDecimal[] weight;
        private final List<Rule> confirmed = new ArrayList<>();
        private final List<Rule> near = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();

        TableFooting(Table table) {
            this.table = table;
            this.rows = table.rows();
            for (String c : table.columns()) {
                if (!NOTE_COLUMN.matcher(c).matches() && !c.contains("%") && !NOT_ADDITIVE.matcher(c).matches()) {
                    columns.add(c);
                }
            }
            int n = rows.size();
            int k = columns.size();
            value = new Interval[n][k];
            printed = new BigDecimal[n][k];
            figure = new Figure[n][k];
            skip = new boolean[n];
            barrier = new boolean[n];
            years = new boolean[n];
            read = new Interval[n][k];
            blockStart = new int[n];
            weight = new BigDecimal[n];
            String[] dimension = new String[k];
            for (int c = 0; c < k; c++) {
                dimension[c] = mainDimension(columns.get(c));
            }
            for (int r = 0; r < n; r++) {
                Row row = rows.get(r);
                blockStart[r] = r;
                boolean percent = false;
                boolean anyNumber = false;
                boolean allYears = true;
                int amounts = 0;
                boolean text = false;
                for (int c = 0; c < k; c++) {
                    Cell cell = row.cells().get(columns.get(c));
                    if (cell == null) {
                        continue;
                    }
                    Figure f = cell.figure();
                    figure[r][c] = f;
                    if (f instanceof Figure.Marker m && m.bounds() == null && !"marker".equals(m.meaning())) {
                        text = true;
                    }
                    if (!(f instanceof Figure.Amount) && !(f instanceof Figure.Nil)) {
                        continue;
                    }
                    anyNumber = true;
                    if (cell.unit().isPercent()) {
                        percent = true;
                        continue;
                    }
                    amounts++;
                    allYears &= f instanceof Figure.Amount a && YEAR.matcher(a.printed().strip()).matches();
                    if (!cell.unit().dimension().equals(dimension[c])) {
                        continue;
                    }
                    value[r][c] = f.interval();
                    printed[r][c] = f instanceof Figure.Amount a ? a.unit().toBase(a.value()) : BigDecimal.ZERO;
                }
                skip[r] = percent || NOT_ADDITIVE.matcher(row.label()).matches() || NOT_ADDITIVE.matcher(row.section()).matches()
                        && row.label().isEmpty();
                // a row no reference can name (a label printed as "(unlabelled)", say) can be in no rule: it ends every run
                years[r] = amounts > 0 && allYears;
                barrier[r] = years[r] || (text && !anyNumber) || name(row) == null;
                if (skip[r] || barrier[r]) {
                    for (int c = 0; c < k; c++) {
                        read[r][c] = value[r][c];
                        value[r][c] = null;
                    }
                }
                weight[r] = subtracted(r) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            }
        }

        /** A row labelled "Less ..." (not "less than") whose amounts are all positive or nil, some positive. */
        private boolean subtracted(int r) {
            if (!LESS.matcher(rows.get(r).label()).matches() || rows.get(r).label().contains("]")) {
                return false;
            }
            boolean positive = false;
            for (BigDecimal v : printed[r]) {
                if (v != null && v.signum() < 0) {
                    return false;
                }
                positive |= v != null && v.signum() > 0;
            }
            return positive;
        }

        private String mainDimension(String column) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Row r : rows) {
                Cell cell = r.cells().get(column);
                if (cell != null && cell.figure() instanceof Figure.Amount && !cell.unit().isPercent()) {
                    counts.merge(cell.unit().dimension(), 1, Integer::sum);
                }
            }
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }

        void run() {
            for (int t = 0; t < rows.size(); t++) {
                if (hasValue(t)) {
                    total(t);
                }
            }
            crossFoots();
        }

        private boolean hasValue(int r) {
            for (Interval v : value[r]) {
                if (v != null) {
                    return true;
                }
            }
            return false;
        }

        /** The units above row t, nearest first: rows, or totals already found standing for their items. */
        private List<Integer> unitsAbove(int t) {
            List<Integer> out = new ArrayList<>();
            int i = t - 1;
            while (i >= 0 && out.size() < MAX_ITEMS) {
                if (barrier[i]) {
                    break;
                }
                if (skip[i] || !hasValue(i)) {
                    i--;
                    continue;
                }
                out.add(i);
                i = blockStart[i] - 1;
            }
            return out;
        }

        private Judged judge(int t, List<Integer> units) {
            int k = columns.size();
            ColumnStatus[] status = new ColumnStatus[k];
            BigDecimal[] relative = new BigDecimal[k];
            int[] nonzero = new int[k];
            boolean[] nonzeroTotal = new boolean[k];
            boolean[] significant = new boolean[k];
            for (int c = 0; c < k; c++) {
                status[c] = ColumnStatus.UNAVAILABLE;
                if (value[t][c] == null) {
                    continue;
                }
                Interval sum = Interval.ZERO;
                BigDecimal mid = BigDecimal.ZERO;
                boolean all = true;
                for (int u : units) {
                    if (value[u][c] == null) {
                        all = false;
                        break;
                    }
                    sum = sum.plus(value[u][c].times(weight[u]));
                    mid = mid.add(printed[u][c].multiply(weight[u]));
                    nonzero[c] += printed[u][c].signum() != 0 ? 1 : 0;
                }
                if (!all) {
                    continue;
                }
                nonzeroTotal[c] = printed[t][c].signum() != 0;
                Interval reported = value[t][c].widen(widening(t, c));
                significant[c] = significant(printed[t][c], sum, reported);
                if (sum.overlaps(reported)) {
                    status[c] = ColumnStatus.HOLDS;
                } else {
                    status[c] = ColumnStatus.FAILS;
                    BigDecimal diff = mid.subtract(printed[t][c]).abs();
                    BigDecimal base = printed[t][c].abs().max(mid.abs());
                    relative[c] = base.signum() == 0 ? BigDecimal.ONE : diff.divide(base, MathContext.DECIMAL64);
                }
            }
            return new Judged(units, status, relative, nonzero, nonzeroTotal, significant);
        }

        private boolean significant(BigDecimal total, Interval sum, Interval reported) {
            BigDecimal tolerance = sum.halfWidth().add(reported.halfWidth());
            return total.abs().compareTo(tolerance.multiply(SIGNIFICANCE)) >= 0;
        }

        private BigDecimal widening(int r, int c) {
            if (extraTolerance.signum() == 0 || !(figure[r][c] instanceof Figure.Amount a)) {
                return BigDecimal.ZERO;
            }
            return a.unit().toBase(Decimals.ulp(a.value().scale()).multiply(extraTolerance));
        }

        private void total(int t) {
            List<Integer> above = unitsAbove(t);
            Row row = rows.get(t);
            boolean labelled = TOTAL.matcher(row.label()).matches();
            boolean unlabelled = row.label().isEmpty();
            Judged near = null;
            Judged partial = null;
            Judged close = null;
            for (int j = 2; j <= above.size(); j++) {
                Judged judged = judge(t, above.subList(0, j));
                int holds = judged.count(ColumnStatus.HOLDS);
                int fails = judged.count(ColumnStatus.FAILS);
                int evident = judged.evidentHolds();
                boolean evidence = labelled || unlabelled || evident >= 2;
                boolean enough = evident >= 1 || labelled && holds > 0 && significantHolds(judged) >= 1;
                if (holds > 0 && fails == 0 && enough && evidence) {
                    accept(t, judged, false);
                    return;
                }
                if (fails > 0 && evident >= 1 && evidence) {
                    if (near == null && judged.failsWithin(NEAR_OTHER_COLUMN)) {
                        near = judged;
                    } else if (partial == null && holds >= fails) {
                        partial = judged;
                    }
                }
                if (close == null && labelled && holds == 0 && fails > 0 && maxNonzero(judged) >= 2
                        && judged.failsWithin(NEAR_ALL_COLUMNS)) {
                    close = judged;
                }
            }
            if ((near != null || close != null) && cumulative(t)) {
                near = null;
                close = null;
            }
            if (near != null) {
                accept(t, near, true);
            } else if (partial != null) {
                accept(t, partial, false);
            } else if (close != null) {
                accept(t, close, true);
            }
        }

        /**
         * Columns that hold with a total that is not nil and at least {@link #SIGNIFICANCE} times its rounding
         * tolerance: what a labelled total standing on one item needs (the evidence rule, with one item).
         */
        private int significantHolds(Judged j) {
            int n = 0;
            for (int c = 0; c < j.status().length; c++) {
                n += j.status()[c] == ColumnStatus.HOLDS && j.nonzeroTotal()[c] && j.significant()[c] ? 1 : 0;
            }
            return n;
        }

        /**
         * Whether row t is, in every column where it has a figure, the sum of every row above it up to the
         * nearest barrier (looking through rows whose figures look like years, such as 2048), totals and their
         * items alike: a column of running cumulations (1, 1, 2, 4, 8, ...), which no total found in it can
         * explain. Such a row is never a near-miss.
         */
        private boolean cumulative(int t) {
            int checked = 0;
            for (int c = 0; c < columns.size(); c++) {
                if (value[t][c] == null) {
                    continue;
                }
                Interval sum = Interval.ZERO;
                for (int i = t - 1; i >= 0 && (!barrier[i] || years[i]); i--) {
                    Interval v = skip[i] ? null : value[i][c] != null ? value[i][c] : read[i][c];
                    if (v != null) {
                        sum = sum.plus(v.times(weight[i]));
                    }
                }
                if (!sum.overlaps(value[t][c].widen(widening(t, c)))) {
                    return false;
                }
                checked++;
            }
            return checked > 0;
        }

        private int maxNonzero(Judged j) {
            int m = 0;
            for (int c = 0; c < j.nonzeroItems().length; c++) {
                if (j.status()[c] != ColumnStatus.UNAVAILABLE) {
                    m = Math.max(m, j.nonzeroItems()[c]);
                }
            }
            return m;
        }

        /** Records a total: a confirmed rule for the columns that hold, a near-miss rule for those that fail. */
        private void accept(int t, Judged judged, boolean nearMiss) {
            List<Integer> items = new ArrayList<>(judged.units());
            java.util.Collections.reverse(items);
            int start = t;
            for (int u : items) {
                start = Math.min(start, blockStart[u]);
            }
            blockStart[t] = start;
            List<String> holding = new ArrayList<>();
            List<String> failing = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (judged.status()[c] == ColumnStatus.HOLDS) {
                    holding.add(columns.get(c));
                } else if (judged.status()[c] == ColumnStatus.FAILS) {
                    failing.add(columns.get(c));
                }
            }
            String id = id("L" + rows.get(t).line());
            if (!holding.isEmpty()) {
                confirmed.add(relation(id, t, items, holding, null));
            }
            if (nearMiss && !failing.isEmpty()) {
                String why = holding.isEmpty()
                        ? "inferred: the row looks like a total, and the rows above it come within "
                        + percent(NEAR_ALL_COLUMNS) + " of it, but do not foot"
                        : "inferred: the same rows foot in " + String.join(", ", holding) + " but not here";
                near.add(relation(holding.isEmpty() ? id : id + "-NEAR", t, items, failing, why));
            }
        }

        private Rule relation(String id, int t, List<Integer> items, List<String> cols, String nearMissReason) {
            Row total = rows.get(t);
            int opening = -1;
            for (int u : items) {
                if (opening < 0 && OPENING.matcher(rows.get(u).label()).matches()) {
                    opening = u;
                }
            }
            long closings = items.stream().filter(u -> CLOSING.matcher(rows.get(u).label()).matches()).count();
            if (opening < 0 && closings == 1 && CLOSING.matcher(rows.get(items.get(0)).label()).matches()) {
                opening = items.get(0); // the prior period's closing opens this one
            }
            boolean roll = CLOSING.matcher(total.label()).matches() && items.size() >= 2 && opening >= 0
                    && items.stream().allMatch(u -> weight[u].signum() > 0);
            Row first = rows.get(opening >= 0 ? opening : items.get(0));
            String title = "Inferred " + (roll ? "roll-forward: " : "total: ") + Labels.display(total.label())
                    + (total.label().isEmpty() ? " (line " + total.line() + ")" : "") + " = "
                    + describe(items);
            Severity severity = nearMissReason == null ? Severity.ERROR : Severity.WARNING;
            RuleInfo info = new RuleInfo(id, title, severity, nearMissReason, SourceLocation.of(table.file(), total.line()));
            if (roll) {
                List<RowRef> movements = new ArrayList<>();
                for (int u : items) {
                    if (u != opening) {
                        movements.add(ref(rows.get(u)));
                    }
                }
                boolean carry = nearMissReason == null && carriesForward(opening, t, cols);
                return new Rule.RollForward(info, table.id(), ref(first), new Items.Listed(movements), ref(total), cols, carry);
            }
            List<RowRef> refs = new ArrayList<>();
            List<Term> terms = new ArrayList<>();
            boolean signed = false;
            for (int u : items) {
                refs.add(ref(rows.get(u)));
                terms.add(new Term(weight[u], new CellRef(null, refs.get(refs.size() - 1), null)));
                signed |= weight[u].signum() < 0;
            }
            if (signed && !total.label().contains("]")) {
                return new Rule.Formula(info, table.id(), new CellRef(null, ref(total), null),
                        new LinearExpr(terms, BigDecimal.ZERO), cols);
            }
            return new Rule.Sum(info, table.id(), new Items.Listed(refs), ref(total), cols);
        }

        /** Whether each column opens where the next one closes (the columns being periods, newest first). */
        private boolean carriesForward(int opening, int closing, List<String> cols) {
            if (cols.size() < 2) {
                return false;
            }
            boolean nonzero = false;
            for (int i = 0; i + 1 < cols.size(); i++) {
                int c = columns.indexOf(cols.get(i));
                int prior = columns.indexOf(cols.get(i + 1));
                if (prior != c + 1 || value[opening][c] == null || value[closing][prior] == null
                        || !value[opening][c].overlaps(value[closing][prior])) {
                    return false;
                }
                nonzero |= printed[opening][c].signum() != 0;
            }
            return nonzero;
        }

        private String describe(List<Integer> items) {
            List<String> names = new ArrayList<>();
            for (int u : items) {
                names.add((names.isEmpty() ? "" : weight[u].signum() < 0 ? " - " : " + ") + Labels.display(rows.get(u).label()));
            }
            if (names.size() <= 4) {
                return String.join("", names);
            }
            return names.get(0) + names.get(1) + " + …" + names.get(names.size() - 1) + " (" + names.size() + " items)";
        }

        /** Matrices: a column that, in every row with figures, is the sum of the columns just left of it. */
        private void crossFoots() {
            int k = columns.size();
            if (k < 3) {
                return;
            }
            if (columns.get(0).strip().equalsIgnoreCase("total")) {
                crossFoot(1, k, 0, true);
            }
            for (int total = 2; total < k; total++) {
                boolean named = columns.get(total).toLowerCase(Locale.ROOT).contains("total");
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
            int evident = 0;
            for (int r = 0; r < rows.size(); r++) {
                if (value[r][total] == null) {
                    continue;
                }
                Interval sum = Interval.ZERO;
                BigDecimal mid = BigDecimal.ZERO;
                int nonzero = 0;
                boolean all = true;
                for (int c = start; c < end; c++) {
                    if (value[r][c] == null) {
                        all = false;
                        break;
                    }
                    sum = sum.plus(value[r][c]);
                    mid = mid.add(printed[r][c]);
                    nonzero += printed[r][c].signum() != 0 ? 1 : 0;
                }
                if (!all) {
                    continue;
                }
                Interval reported = value[r][total].widen(widening(r, total));
                if (sum.overlaps(reported)) {
                    holding.add(r);
                    evident += nonzero >= 2 && printed[r][total].signum() != 0 && significant(printed[r][total], sum, reported) ? 1 : 0;
                } else {
                    BigDecimal base = printed[r][total].abs().max(mid.abs());
                    BigDecimal rel = base.signum() == 0 ? BigDecimal.ONE
                            : mid.subtract(printed[r][total]).abs().divide(base, MathContext.DECIMAL64);
                    if (rel.compareTo(NEAR_OTHER_COLUMN) > 0) {
                        return false;
                    }
                    failing.add(r);
                }
            }
            int needed = named ? 2 : 3;
            if (evident < needed || failing.size() * 4 > holding.size()) {
                return false;
            }
            List<String> items = columns.subList(start, end);
            String totalColumn = columns.get(total);
            String id = id("XF-" + totalColumn);
            String title = "Inferred cross-foot: across each row, " + items.get(0) + " to " + items.get(items.size() - 1)
                    + " add up to " + totalColumn;
            SourceLocation at = SourceLocation.of(table.file(), 1);
            confirmed.add(new Rule.CrossFoot(new RuleInfo(id, title, Severity.ERROR, "", at), table.id(), items, totalColumn,
                    holding.stream().map(r -> ref(rows.get(r))).toList()));
            if (!failing.isEmpty()) {
                near.add(new Rule.CrossFoot(new RuleInfo(id + "-NEAR", title, Severity.WARNING,
                        "inferred: the other " + holding.size() + " rows cross-foot, but not this one", at),
                        table.id(), items, totalColumn, failing.stream().map(r -> ref(rows.get(r))).toList()));
            }
            return true;
        }

        private String id(String what) {
            String base = PREFIX + table.id() + "-" + what;
            base = base.replaceAll("[^A-Za-z0-9_.:-]", "_");
            int n = ids.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + ":" + n;
        }

        /** The shortest reference that names this row alone, and reads back the same from YAML. */
        private RowRef ref(Row row) {
            RowRef ref = name(row);
            if (ref == null) {
                throw new IllegalStateException("no reference names row " + row.line() + " of " + table.file());
            }
            return ref;
        }

        /** The shortest reference that names this row alone, or null when none does. */
        private RowRef name(Row row) {
            String label = Labels.display(row.label());
            int any = 1;
            int inSection = 1;
            for (Row r : rows.subList(0, row.index())) {
                if (r.label().equals(row.label())) {
                    any++;
                    inSection += r.section().equals(row.section()) ? 1 : 0;
                }
            }
            List<RowRef> tries = List.of(new RowRef(null, label), new RowRef(row.section(), label),
                    new RowRef(null, label + " #" + any), new RowRef(row.section(), label + " #" + inSection));
            for (RowRef ref : tries) {
                try {
                    if (RowRef.parse(ref.toString()).equals(ref) && table.row(ref.section(), ref.label()).equals(row)) {
                        return ref;
                    }
                } catch (LookupException | IllegalArgumentException e) {
                    // not this one
                }
            }
            return null;
        }
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Whether a rule was inferred (by its id). */
    public static boolean isInferred(Rule rule) {
        return rule.info().id().startsWith(PREFIX);
    }
}
