package dev.crossfoot.extract;

import dev.crossfoot.model.FigureFormatException;
import dev.crossfoot.model.FigureParser;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.MarkerSpec;
import dev.crossfoot.model.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cells stage: makes every table one that {@code check} and {@code foot} read, by reading each cell exactly
 * as they will (the unit of its row, else its column, else its table; the filing's markers) and settling what
 * they would refuse. A figure with a footnote mark keeps the figure, and the mark goes to the row's label; a
 * currency sign beside a figure is dropped; {@code HK cents}, {@code c}, {@code p} and {@code %} become the row's
 * unit; anything else (a range, a date, words) is kept as printed and declared as a marker that is not a number,
 * so that no check uses it. Units that cannot be read are written as {@code number}. Each change is a notice.
 */
final class CellCheck {

    private static final String NOT_A_FIGURE = "printed as text, not a figure";
    private static final Pattern MARK = Pattern.compile("^(.*?[\\d)%])\\s*(\\(\\d{1,2}\\)|\\([a-z]\\)|\\*{1,3}|\\^\\d{1,2}|#|†|‡|[¹²³⁴⁵⁶⁷⁸⁹])$");
    private static final Pattern CURRENCY = Pattern.compile("^(\\(?)\\s*(?:US\\$|HK\\$|S\\$|A\\$|C\\$|RMB|\\$|£|€|¥)\\s*(.*)$");
    private static final Pattern CENTS = Pattern.compile(
            "^(?:(HK|US)\\$?\\s?)?(\\(?-?[\\d,]*\\.?\\d+\\)?)\\s*(?:(HK|US)\\s*)?(cents?|c|pence|p)\\)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CENTS_INSIDE = Pattern.compile("^\\((\\d[\\d,]*\\.?\\d*)\\s*(c|p)\\)$");

    private final Map<String, Extraction.Marker> markers;
    private final List<Extraction.Notice> notices;

    private CellCheck(Map<String, Extraction.Marker> markers, List<Extraction.Notice> notices) {
        this.markers = markers;
        this.notices = notices;
    }

    /** The tables with every cell readable; markers declared and notices given on the way. */
    static List<Extraction.Table> settle(List<Extraction.Table> tables, Map<String, Extraction.Marker> markers,
                                         List<Extraction.Notice> notices) {
        CellCheck c = new CellCheck(markers, notices);
        List<Extraction.Table> out = new ArrayList<>();
        for (Extraction.Table t : tables) {
            out.add(c.table(t));
        }
        return out;
    }

    /** A unit as crossfoot reads it, or null. */
    static Unit unit(String printed) {
        try {
            return Unit.parse(printed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Map<String, MarkerSpec> specs;

    /** The markers as the reader will know them (their ranges do not matter to whether a cell reads). */
    private Map<String, MarkerSpec> specs() {
        if (specs == null) {
            specs = new HashMap<>();
            for (Extraction.Marker m : markers.values()) {
                specs.put(m.text(), new MarkerSpec(m.text(), m.meaning(), null));
            }
        }
        return specs;
    }

    private Extraction.Table table(Extraction.Table t) {
        String unit = t.unit();
        if (unit(unit) == null) {
            notices.add(new Extraction.Notice(t.firstLine(), "table '" + t.id() + "': unit '" + unit
                    + "' is not one crossfoot reads; written as 'number'"));
            unit = "number";
        }
        Map<String, String> columnUnits = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : t.columnUnits().entrySet()) {
            String u = e.getValue();
            columnUnits.put(e.getKey(), u.equals("text") || unit(u) != null ? u : "number");
        }
        List<String> columns = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String c : t.columns()) {
            String base = c.strip().isEmpty() ? "Column " + (columns.size() + 1) : c.strip();
            String name = base.equalsIgnoreCase("label") || base.equalsIgnoreCase("section") ? base + " (column)" : base;
            for (int k = 2; !seen.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + " (" + k + ")";
            }
            if (!name.equals(c) && columnUnits.containsKey(c) && !columns.contains(c)) {
                columnUnits.put(name, columnUnits.remove(c));
            }
            columns.add(name);
        }
        List<Extraction.Row> rows = new ArrayList<>(t.rows());
        Map<String, String> rowUnits = new LinkedHashMap<>();
        t.rowUnits().forEach((k, v) -> {
            if (unit(v) != null) {
                rowUnits.put(k, v);
            }
        });
        texts = 0;
        for (int r = 0; r < rows.size(); r++) {
            rows.set(r, row(rows, r, unit, columns, columnUnits, rowUnits));
        }
        if (texts > 0) {
            notices.add(new Extraction.Notice(t.firstLine(), "table '" + t.id() + "': " + texts + " cell(s) among the "
                    + "figures are not figures (words, dates, ranges); kept as printed and declared as markers"));
        }
        rowUnits.keySet().removeIf(k -> matching(rows, k).size() != 1);
        return new Extraction.Table(t.id(), t.title(), t.role(), t.firstLine(), t.lastLine(), unit, columns,
                columnUnits, rowUnits, rows);
    }

    /** The rows a row-unit key names, as the reader matches it ("Label" or "Section > Label"). */
    private static List<Integer> matching(List<Extraction.Row> rows, String key) {
        int at = key.indexOf(" > ");
        String section = at < 0 ? null : key.substring(0, at);
        String label = at < 0 ? key : key.substring(at + 3);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Extraction.Row r = rows.get(i);
            if (Labels.normalize(r.label()).equals(Labels.normalize(label))
                    && (section == null || Labels.normalize(r.section()).equals(Labels.normalize(section)))) {
                out.add(i);
            }
        }
        return out;
    }

    /** The key that names exactly this row for a row unit, or null when none does. */
    private static String keyOf(List<Extraction.Row> rows, int r) {
        Extraction.Row row = rows.get(r);
        if (row.label().isEmpty()) {
            return null;
        }
        if (matching(rows, row.label()).size() == 1) {
            return row.label();
        }
        String qualified = row.section() + " > " + row.label();
        return !row.section().isEmpty() && matching(rows, qualified).size() == 1 ? qualified : null;
    }

    private String rowUnitOf(List<Extraction.Row> rows, int r, Map<String, String> rowUnits) {
        for (Map.Entry<String, String> e : rowUnits.entrySet()) {
            List<Integer> hits = matching(rows, e.getKey());
            if (hits.size() == 1 && hits.get(0) == r) {
                return e.getValue();
            }
        }
        return null;
    }

    private Extraction.Row row(List<Extraction.Row> rows, int r, String tableUnit, List<String> columns,
                               Map<String, String> columnUnits, Map<String, String> rowUnits) {
        Extraction.Row row = rows.get(r);
        List<String> cells = new ArrayList<>(row.cells());
        String label = row.label();
        Set<String> marks = new LinkedHashSet<>();
        String rowUnit = rowUnitOf(rows, r, rowUnits);
        String newRowUnit = null;
        for (int c = 0; c < cells.size() && c < columns.size(); c++) {
            String column = columns.get(c);
            if ("text".equals(columnUnits.get(column))) {
                continue;
            }
            String u = rowUnit != null ? rowUnit : columnUnits.getOrDefault(column, tableUnit);
            String cell = cells.get(c).strip();
            if (reads(cell, u)) {
                continue;
            }
            String figure = cell;
            Matcher m = MARK.matcher(figure);
            if (m.matches() && !m.group(1).isEmpty()) {
                figure = m.group(1).strip();
                marks.add(m.group(2));
            }
            Matcher cur = CURRENCY.matcher(figure);
            if (cur.matches() && !reads(figure, u)) {
                figure = cur.group(1) + cur.group(2).strip();
            }
            if (reads(figure, u)) {
                cells.set(c, figure);
                continue;
            }
            Matcher cents = CENTS.matcher(figure);
            Matcher inside = CENTS_INSIDE.matcher(figure);
            String centsUnit = null;
            String centsFigure = null;
            if (inside.matches()) {
                centsFigure = "(" + inside.group(1) + ")";
                centsUnit = centsUnit(null, inside.group(2), tableUnit);
            } else if (cents.matches()) {
                centsFigure = cents.group(2);
                centsUnit = centsUnit(cents.group(1) != null ? cents.group(1) : cents.group(3), cents.group(4), tableUnit);
            }
            String percentUnit = figure.endsWith("%") ? "%" : null;
            String wanted = centsUnit != null ? centsUnit : percentUnit;
            String wantedFigure = centsUnit != null ? centsFigure : figure;
            if (wanted != null && reads(wantedFigure, wanted) && (newRowUnit == null || newRowUnit.equals(wanted))
                    && (rowUnit == null || rowUnit.equals(wanted)) && rowFits(row, cells, columns, columnUnits, wanted)) {
                String key = keyOf(rows, r);
                if (key != null) {
                    cells.set(c, wantedFigure);
                    newRowUnit = wanted;
                    continue;
                }
            }
            declare(cell);
            cells.set(c, cell);
        }
        if (newRowUnit != null && rowUnit == null) {
            rowUnits.put(keyOf(rows, r), newRowUnit);
        }
        if (!marks.isEmpty()) {
            label = (label + " " + String.join(" ", marks)).strip();
            notices.add(new Extraction.Notice(row.line(), "footnote mark " + String.join(" ", marks)
                    + " printed beside a figure; moved to the row's label"));
        }
        return new Extraction.Row(row.line(), row.section(), label, cells);
    }

    /** Whether every figure of the row reads in the wanted unit (after its own repair). */
    private boolean rowFits(Extraction.Row row, List<String> cells, List<String> columns, Map<String, String> columnUnits, String wanted) {
        for (int c = 0; c < cells.size() && c < columns.size(); c++) {
            if ("text".equals(columnUnits.get(columns.get(c)))) {
                continue;
            }
            String cell = cells.get(c).strip();
            Matcher inside = CENTS_INSIDE.matcher(cell);
            Matcher cents = CENTS.matcher(cell);
            String figure = inside.matches() ? "(" + inside.group(1) + ")" : cents.matches() ? cents.group(2) : cell;
            if (!reads(figure, wanted) && !reads(cell, wanted)) {
                return false;
            }
        }
        return true;
    }

    private static String centsUnit(String currency, String word, String tableUnit) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("p")) {
            return "pence";
        }
        if (currency != null) {
            return currency.toUpperCase(Locale.ROOT) + " cents";
        }
        Unit t = unit(tableUnit);
        if (t != null && t.dimension().equals("GBP")) {
            return "pence";
        }
        return t != null && t.dimension().equals("HK$") ? "HK cents" : "US cents";
    }

    private boolean reads(String cell, String unitText) {
        Unit u = unit(unitText);
        if (u == null) {
            return false;
        }
        try {
            FigureParser.parse(cell, u, specs());
            return true;
        } catch (FigureFormatException e) {
            return false;
        }
    }

    private void declare(String cell) {
        texts++;
        if (!markers.containsKey(cell)) {
            markers.put(cell, new Extraction.Marker(cell, NOT_A_FIGURE, null, null, null));
            specs = null;
        }
    }

    private int texts;
}
