package dev.crossfoot.extract;

import dev.crossfoot.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header stage: from a table's header lines, each column's name (its period, its heading, or both), its
 * unit, the Notes column, and the periods the table is about.
 */
final class Header {

    static final Pattern PERIOD_CELL = Pattern.compile(
            "(?i)(?:(?:as\\s+)?at\\s+|(?:for\\s+the\\s+)?years?\\s+ended\\s+)?(?:[A-Z][a-z]+\\s+\\d{1,2},?\\s+)?((?:19|20)\\d\\d)");
    private static final Pattern PERIOD_CONTEXT = Pattern.compile(
            "(?i)(?:(?:as\\s+)?at|(?:for\\s+the\\s+)?years?\\s+ended)(?:\\s+[A-Z][a-z]+\\s+\\d{1,2},?)?");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("^(.*?)\\s+(RMB'000|RMB’000|RMB million|HK\\$'000|HK\\$ million|US\\$'000|US\\$ million|%)$");
    private static final Pattern UNIT_IN_WORDS = Pattern.compile(
            "(?i)\\(?(RMB|HK\\$|US\\$|HKD|USD)\\s+in\\s+(thousands|millions)(?:,[^)]*)?\\)?");

    /**
     * The columns of a table, index 0 being the label column.
     *
     * @param names        each column's name ("label" first)
     * @param units        each column's unit as printed, "" when none
     * @param noteColumn   the index of the Notes column, or -1
     * @param periods      the periods the columns are headed with, in printed order
     * @param labelHeading the heading printed over the label column, or ""
     */
    record Columns(List<String> names, List<String> units, int noteColumn, List<String> periods, String labelHeading) {
    }

    private Header() {
    }

    static Columns read(Parsed p) {
        int width = p.width();
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<String> periodOf = new ArrayList<>();
        names.add("label");
        units.add("");
        periodOf.add("");
        int note = -1;
        for (int c = 1; c < width; c++) {
            String period = "";
            String descriptive = "";
            StringBuilder unit = new StringBuilder();
            for (Line l : p.header()) {
                String cell = Cells.fixHyphenation(l.cell(c));
                if (cell.isEmpty()) {
                    String left = spanning(l, c);
                    Matcher m = PERIOD_CELL.matcher(left);
                    if (m.matches()) {
                        period = m.group(1);
                    }
                    continue;
                }
                if (cell.equalsIgnoreCase("Note") || cell.equalsIgnoreCase("Notes")) {
                    note = c;
                    continue;
                }
                Matcher m = PERIOD_CELL.matcher(cell);
                if (m.matches()) {
                    period = m.group(1);
                    continue;
                }
                if (PERIOD_CONTEXT.matcher(cell).matches()) {
                    continue;
                }
                String u = unitOf(cell);
                if (u != null) {
                    unit.append(unit.length() == 0 ? "" : " ").append(u);
                    continue;
                }
                Matcher s = UNIT_SUFFIX.matcher(cell);
                if (s.matches()) {
                    descriptive = s.group(1);
                    unit.setLength(0);
                    unit.append(s.group(2).replace('’', '\''));
                    continue;
                }
                if (cell.matches("(?i)amounts?")) {
                    continue;
                }
                if (cell.toLowerCase(Locale.ROOT).matches(".*\\b(percentage|proportion)\\b.*")) {
                    unit.setLength(0);
                    unit.append('%');
                }
                descriptive = cell;
            }
            String u = normaliseUnit(unit.toString());
            names.add(descriptive.isEmpty() ? period : descriptive);
            units.add(u);
            periodOf.add(period);
        }
        List<String> periods = new ArrayList<>();
        for (int c = 1; c < width; c++) {
            if (!periodOf.get(c).isEmpty() && !periods.contains(periodOf.get(c))) {
                periods.add(periodOf.get(c));
            }
        }
        qualify(names, units, periodOf, periods, width);
        for (int c = 1; c < width; c++) {
            if (names.get(c).isEmpty()) {
                names.set(c, c == note ? "Note" : "Column " + c);
            }
        }
        if (note > 0) {
            names.set(note, "Note");
        }
        String labelHeading = "";
        for (Line l : p.header()) {
            if (!l.cell(0).isEmpty()) {
                labelHeading = l.cell(0);
            }
        }
        return new Columns(names, units, note, periods, labelHeading);
    }

    /** Columns that share a period but differ in unit, or share a heading, are qualified until every name is its own. */
    private static void qualify(List<String> names, List<String> units, List<String> periodOf, List<String> periods, int width) {
        for (int c = 1; c < width; c++) {
            String name = names.get(c);
            String period = periodOf.get(c);
            if (!period.isEmpty() && !name.equals(period)) {
                names.set(c, period + " " + name);
            } else if (!period.isEmpty() && units.get(c).equals("%") && sharedPeriod(periodOf, units, c)) {
                names.set(c, period + " %");
            }
        }
        for (int c = 1; c < width; c++) {
            String name = names.get(c);
            List<Integer> same = new ArrayList<>();
            for (int d = 1; d < width; d++) {
                if (names.get(d).equals(name)) {
                    same.add(d);
                }
            }
            if (same.size() > 1 && same.get(0) == c) {
                boolean byPeriod = same.size() == periods.size() && periodOf.get(c).isEmpty();
                for (int k = 0; k < same.size(); k++) {
                    int d = same.get(k);
                    String unit = units.get(d);
                    if (byPeriod) {
                        names.set(d, periods.get(k) + (unit.equals("%") ? " %" : " " + name));
                    } else if (k > 0) {
                        names.set(d, name + " (" + (k + 1) + ")");
                    }
                }
            }
        }
    }

    private static boolean sharedPeriod(List<String> periodOf, List<String> units, int c) {
        for (int d = 1; d < periodOf.size(); d++) {
            if (d != c && periodOf.get(d).equals(periodOf.get(c)) && !units.get(d).equals(units.get(c))) {
                return true;
            }
        }
        return false;
    }

    /** The non-empty cell to the left of column c in a header line, when c lies under it (a spanning heading). */
    private static String spanning(Line l, int c) {
        for (int d = c - 1; d >= 1; d--) {
            if (!l.cell(d).isEmpty()) {
                return l.cell(d);
            }
        }
        return "";
    }

    /** The unit a header cell states, or null when it is not a unit. */
    static String unitOf(String cell) {
        String t = cell.replace('’', '\'');
        if (t.equals("%") || t.equalsIgnoreCase("million") || t.equalsIgnoreCase("thousand")
                || t.equalsIgnoreCase("per annum")) {
            return t;
        }
        Matcher w = UNIT_IN_WORDS.matcher(t);
        if (w.matches()) {
            return w.group(1) + (w.group(2).toLowerCase(Locale.ROOT).startsWith("thousand") ? "'000" : " million");
        }
        if (t.matches("(?i)(RMB|HK\\$|US\\$|HKD|USD)")) {
            return t;
        }
        try {
            Unit.parse(t);
            return t.matches(".*[A-Za-z$%].*") ? t : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String normaliseUnit(String unit) {
        String u = unit.strip();
        if (u.equalsIgnoreCase("per annum") || u.toLowerCase(Locale.ROOT).endsWith("per annum")) {
            return "% per annum";
        }
        if (u.contains("%")) {
            return "%";
        }
        return u.replaceAll("\\s+", " ");
    }
}
