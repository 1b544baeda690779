package dev.crossfoot.infer;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Interval;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.LookupException;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.rules.RowRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A table as footing sees it: the columns that may add up (not notes, not percentages), and each row with
 * its additive amounts and what it is (skipped, a barrier, a row taken away).
 */
final class TableView {

    private static final Pattern NOT_ADDITIVE = Pattern.compile(
            "(?i).*((^|[\\s(])%|%\\s*\\)?$|percent|per (\\w+ )?(\\w+ )?share|\\beps\\b|per unit|per employee|\\bratio\\b|\\byield\\b|\\bbps\\b|basis points?|\\(in years\\)|\\bin years\\b|\\bdays\\b|\\bheadcount\\b|number of employees|weighted[- ]average (number|shares|fair value|price|exercise|remaining|grant)|average price|\\bmultiple\\b).*");
    private static final Pattern LESS = Pattern.compile("(?i)\\s*less\\b(?!\\s+than)[\\s:].*");
    private static final Pattern NOTE_COLUMN = Pattern.compile("(?i)\\s*notes?\\s*(\\(.*\\))?\\s*");
    private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");

    /**
     * An additive amount: a figure or nil in its column's main dimension.
     *
     * @param interval what the printed figure stands for, in base units
     * @param base     the printed figure in base units (zero for nil)
     */
    record Amount(Cell cell, Interval interval, BigDecimal base) {
    }

    /**
     * One row.
     *
     * @param amounts  one entry per footing column: the row's amount there, or null
     * @param skip     a percentage row, or one whose label says it is not an amount: never an item or a total
     * @param barrier  a row of years, of text only, or one no reference can name: it ends every run
     * @param years    a row whose amounts all look like years (a barrier)
     * @param weight   -1 for a "Less ..." row printed as a positive amount (it is taken away), else 1
     * @param name     the shortest reference that names this row alone, or null when none does
     */
    record Line(int index, Row row, List<Amount> amounts, boolean skip, boolean barrier, boolean years,
                BigDecimal weight, RowRef name) {

        /** The amount in column c that can be an item or a total, or null (none, or the row is skipped or a barrier). */
        Amount value(int c) {
            return skip || barrier ? null : amounts.get(c);
        }

        /** The amount in column c as read, whatever the row is. */
        Amount read(int c) {
            return amounts.get(c);
        }

        boolean hasValue() {
            if (skip || barrier) {
                return false;
            }
            for (Amount a : amounts) {
                if (a != null) {
                    return true;
                }
            }
            return false;
        }

        String label() {
            return row.label();
        }
    }

    final Table table;
    /** The columns that may add up, in printed order. */
    final List<String> columns;
    final List<Line> lines;

    private TableView(Table table, List<String> columns, List<Line> lines) {
        this.table = table;
        this.columns = columns;
        this.lines = lines;
    }

    static TableView of(Table table) {
        List<String> columns = new ArrayList<>();
        for (String c : table.columns()) {
            if (!NOTE_COLUMN.matcher(c).matches() && !c.contains("%") && !NOT_ADDITIVE.matcher(c).matches()
                    && !percentages(table, c)) {
                columns.add(c);
            }
        }
        List<String> dimension = new ArrayList<>();
        for (String c : columns) {
            dimension.add(mainDimension(table, c));
        }
        List<Line> lines = new ArrayList<>();
        for (Row row : table.rows()) {
            lines.add(line(table, row, columns, dimension));
        }
        return new TableView(table, List.copyOf(columns), List.copyOf(lines));
    }

    private static Line line(Table table, Row row, List<String> columns, List<String> dimension) {
        boolean percent = false;
        boolean anyNumber = false;
        boolean allYears = true;
        int amounts = 0;
        boolean text = false;
        List<Amount> out = new ArrayList<>(Collections.nCopies(columns.size(), null));
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = row.cells().get(columns.get(c));
            if (cell == null) {
                continue;
            }
            Figure f = cell.figure();
            if (f instanceof Figure.Marker m && m.bounds() == null && !"marker".equals(m.meaning())) {
                text = true;
            }
            boolean bounded = f instanceof Figure.Marker m && m.bounds() != null;
            if (!(f instanceof Figure.Amount) && !(f instanceof Figure.Nil) && !bounded) {
                continue;
            }
            anyNumber = true;
            if (cell.unit().isPercent()) {
                percent = true;
                continue;
            }
            amounts++;
            allYears &= f instanceof Figure.Amount a && YEAR.matcher(a.printed().strip()).matches();
            if (cell.unit().dimension().equals(dimension.get(c))) {
                // a marker the filing bounds ("*": less than RMB1,000) counts with its range, never as evidence
                BigDecimal base = f instanceof Figure.Amount a ? a.unit().toBase(a.value()) : BigDecimal.ZERO;
                out.set(c, new Amount(cell, f.interval(), base));
            }
        }
        boolean skip = percent || NOT_ADDITIVE.matcher(row.label()).matches()
                || NOT_ADDITIVE.matcher(row.section()).matches() && row.label().isEmpty();
        boolean years = amounts > 0 && allYears;
        RowRef name = name(table, row);
        // a row no reference can name (a label printed as "(unlabelled)", say) can be in no rule: it ends every run
        boolean barrier = years || (text && !anyNumber) || name == null;
        BigDecimal weight = subtracted(row, out) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        return new Line(row.index(), row, Collections.unmodifiableList(out), skip, barrier, years, weight, name);
    }

    /** Whether a label says "Less ..." (not "less than"), and can be named in a formula (no "]"). */
    static boolean less(String label) {
        return LESS.matcher(label).matches() && !label.contains("]");
    }

    /** A row labelled "Less ..." (not "less than") whose amounts are all positive or nil, some positive. */
    private static boolean subtracted(Row row, List<Amount> amounts) {
        if (!less(row.label())) {
            return false;
        }
        boolean positive = false;
        for (Amount a : amounts) {
            if (a != null && a.base().signum() < 0) {
                return false;
            }
            positive |= a != null && a.base().signum() > 0;
        }
        return positive;
    }

    /**
     * Whether a column holds more percentages than other figures, whatever its header says (a {@code Change}
     * or {@code Constant} column of 2%, 4%): such a column is not additive, and its percentages must not make
     * every row look like a percentage row.
     */
    private static boolean percentages(Table table, String column) {
        int percent = 0;
        int other = 0;
        for (Row r : table.rows()) {
            Cell cell = r.cells().get(column);
            if (cell != null && (cell.figure() instanceof Figure.Amount || cell.figure() instanceof Figure.Nil)) {
                if (cell.unit().isPercent()) {
                    percent++;
                } else if (cell.figure() instanceof Figure.Amount) {
                    other++;
                }
            }
        }
        return percent > other;
    }

    /** The dimension most amounts of a column are in (a column of RMB with one row of shares is in RMB). */
    private static String mainDimension(Table table, String column) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Row r : table.rows()) {
            Cell cell = r.cells().get(column);
            if (cell != null && cell.figure() instanceof Figure.Amount && !cell.unit().isPercent()) {
                counts.merge(cell.unit().dimension(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** The shortest reference that names this row alone, and reads back the same from YAML, or null when none does. */
    private static RowRef name(Table table, Row row) {
        String label = Labels.display(row.label());
        int any = 1;
        int inSection = 1;
        for (Row r : table.rows().subList(0, row.index())) {
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
