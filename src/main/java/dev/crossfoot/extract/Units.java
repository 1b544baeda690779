package dev.crossfoot.extract;

import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Unit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of a table: the table's (its columns' most common currency unit, else its rows', else the nearest
 * amount in the text before it), the columns' that differ from it (% columns, text columns), and the rows' that
 * state their own ("(thousand)", "(expressed in RMB per share)", a row of percentages).
 *
 * @param table   the table's unit, as printed
 * @param columns column name to unit (or "text"), for the columns whose unit is not the table's
 * @param rows    row label to unit, for the rows whose unit is not the table's
 * @param notice  what the user should know about how the unit was found, or null
 */
record Units(String table, Map<String, String> columns, Map<String, String> rows, String notice) {

    private static final Pattern ROW_UNIT = Pattern.compile("^(.*?)\\s*\\((?:expressed\\s+in\\s+)?([^()]*)\\)$");
    private static final Pattern TEXT_UNIT = Pattern.compile("(RMB|HK\\$|US\\$)\\s?[\\d,.]+\\s+(million|billion)");

    static Units of(Parsed p, Header.Columns cols) {
        int width = p.width();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 1; c < width; c++) {
            String u = cols.units().get(c);
            if (!u.isEmpty() && !u.startsWith("%") && c != cols.noteColumn()) {
                counts.merge(u, 1, Integer::sum);
            }
        }
        Map<String, String> rowUnits = new LinkedHashMap<>();
        for (Line l : p.data()) {
            String u = rowUnit(l.cell(0));
            if (u != null) {
                rowUnits.put(l.cell(0), u);
            }
        }
        Set<Integer> percentRows = percentRows(p, rowUnits);
        String notice = null;
        String unit = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (unit == null) {
            Map<String, Integer> rc = new LinkedHashMap<>();
            rowUnits.values().stream().filter(u -> !u.equals("%") && !u.contains("share") && !isSubunit(u)).forEach(u -> rc.merge(u, 1, Integer::sum));
            unit = rc.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (unit == null && !rowUnits.isEmpty() && rowUnits.size() == p.data().size()
                    && rowUnits.values().stream().allMatch("%"::equals)) {
                unit = "%";
            }
        }
        if (unit == null) {
            unit = fromText(p.block().context().textSince());
            if (unit != null) {
                notice = "no unit printed with the table; " + unit + " taken from the text before it";
            }
        }
        boolean allPercent = counts.isEmpty() && cols.units().stream().skip(1).anyMatch(u -> u.equals("%"));
        if (unit == null && allPercent) {
            unit = "%";
        }
        if (unit == null) {
            unit = "number";
            notice = "no unit found for the table; written as 'number'";
        }
        return new Units(unit, columnUnits(p, cols, unit, percentRows), rowUnits, notice);
    }

    /** Rows whose figures all carry a % sign (at least two), unless every row does. */
    private static Set<Integer> percentRows(Parsed p, Map<String, String> rowUnits) {
        Set<Integer> percentRows = new HashSet<>();
        if (p.data().size() <= 1) {
            return percentRows;
        }
        for (Line l : p.data()) {
            int amounts = 0;
            int percents = 0;
            for (int c = 1; c < p.width(); c++) {
                if (Cells.isAmount(l.cell(c))) {
                    amounts++;
                    percents += l.cell(c).endsWith("%") ? 1 : 0;
                }
            }
            if (amounts >= 2 && percents == amounts) {
                percentRows.add(l.number());
                rowUnits.putIfAbsent(l.cell(0), "%");
            }
        }
        if (percentRows.size() == p.data().size()) {
            percentRows.clear();
            for (Line l : p.data()) {
                rowUnits.remove(l.cell(0), "%");
            }
        }
        return percentRows;
    }

    /** Column units that differ from the table's; columns of words are text. */
    private static Map<String, String> columnUnits(Parsed p, Header.Columns cols, String unit, Set<Integer> percentRows) {
        Map<String, String> columnUnits = new LinkedHashMap<>();
        List<String> names = cols.names();
        for (int c = 1; c < p.width(); c++) {
            String name = names.get(c);
            if (c == cols.noteColumn()) {
                columnUnits.put(name, "text");
                continue;
            }
            boolean text = false;
            boolean percentSign = false;
            boolean any = false;
            for (Line l : p.data()) {
                String cell = l.cell(c);
                if (cell.isEmpty() || percentRows.contains(l.number())) {
                    continue;
                }
                Figure f = Cells.figure(cell);
                if (f == null) {
                    text = true;
                } else if (f instanceof Figure.Amount) {
                    any = true;
                    percentSign |= cell.endsWith("%");
                }
            }
            String u = cols.units().get(c);
            if (text && (!any || u.startsWith("%"))) {
                columnUnits.put(name, "text");
            } else if (percentSign || u.equals("%")) {
                if (!unit.equals("%")) {
                    columnUnits.put(name, "%");
                }
            } else if (!u.isEmpty() && !u.equals(unit) && !u.startsWith("%")) {
                columnUnits.put(name, u);
            }
        }
        return columnUnits;
    }

    /** Cents and pence: the unit of a per-share row, never a table's. */
    private static boolean isSubunit(String unit) {
        Unit u = CellCheck.unit(unit);
        return u != null && u.powerOfTen() < 0;
    }

    private static String fromText(List<String> text) {
        for (int i = text.size() - 1; i >= 0; i--) {
            Matcher m = TEXT_UNIT.matcher(text.get(i));
            String last = null;
            while (m.find()) {
                last = m.group(1) + " " + m.group(2);
            }
            if (last != null) {
                return last;
            }
        }
        return null;
    }

    /** The unit a row label states at its end ("(RMB'000)", "(thousand)", "(expressed in RMB per share)"). */
    static String rowUnit(String label) {
        Matcher m = ROW_UNIT.matcher(label);
        if (!m.matches()) {
            return null;
        }
        String inside = m.group(2).strip().replace('’', '\'');
        String lower = label.toLowerCase(Locale.ROOT);
        if (inside.equals("%")) {
            return "%";
        }
        if (inside.equalsIgnoreCase("thousand") || inside.equalsIgnoreCase("'000")) {
            return lower.contains("share") ? "thousand shares" : null;
        }
        if (inside.matches("(?i)(RMB|HK\\$|US\\$)") && lower.contains("per share")) {
            return inside + " per share";
        }
        try {
            Unit u = Unit.parse(inside);
            return u.dimension().equals("1") && !inside.equals("%") ? null : inside;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
