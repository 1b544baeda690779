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

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    private static final String DAY = "\\d{1,2}(?:st|nd|rd|th)?";
    private static final String DATE = "(?:" + MONTH + "\\s+" + DAY + "|" + DAY + "\\s+" + MONTH + ")";
    private static final String LEAD = "(?:(?:as\\s+)?(?:at|of)|(?:for\\s+the\\s+)?(?:(?:financial\\s+)?years?|periods?|(?:three|six|nine|twelve)"
            + "\\s+months|\\d{1,2}\\s+(?:weeks|months))\\s+ended|year\\s+to|(?:fiscal\\s+)?year)";
    /** A column's period as printed: "2023", "As at December 31, 2023", "Year ended 30th September, 2021". */
    static final Pattern PERIOD_CELL = Pattern.compile(
            "(?i)(?:" + LEAD + "\\s+)?(?:(" + DATE + "),?\\s+)?((?:19|20)\\d\\d)");
    /** What a heading over the periods says without a year: "Year ended December 31,", "AS AT 30TH SEPTEMBER,". */
    private static final Pattern PERIOD_CONTEXT = Pattern.compile(
            "(?i)(?:" + LEAD + "(?:\\s+" + DATE + ")?|" + DATE + ")\\s*,?");
    private static final Pattern RESTATED = Pattern.compile("(?i)\\s*\\(?\\s*\\b(?:restated|re-presented|as\\s+restated)\\b\\s*\\)?\\s*");
    private static final Pattern YEAR_AND_UNIT = Pattern.compile("^((?:19|20)\\d\\d)\\s+(\\S.*)$|^(\\S.*?)\\s+((?:19|20)\\d\\d)$");
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
        List<String> dates = new ArrayList<>();
        List<Boolean> restated = new ArrayList<>();
        names.add("label");
        units.add("");
        periodOf.add("");
        dates.add("");
        restated.add(false);
        int note = -1;
        for (int c = 1; c < width; c++) {
            Column col = new Column();
            for (Line l : p.header()) {
                String cell = Cells.fixHyphenation(l.cell(c));
                if (cell.isEmpty()) {
                    String left = spanning(l, c);
                    Matcher m = PERIOD_CELL.matcher(left);
                    if (m.matches()) {
                        col.period(m);
                    }
                    continue;
                }
                if (cell.equalsIgnoreCase("Note") || cell.equalsIgnoreCase("Notes")) {
                    note = c;
                    continue;
                }
                col.read(cell);
            }
            names.add(col.descriptive.isEmpty() ? col.period : col.descriptive);
            units.add(normaliseUnit(col.unit.toString()));
            periodOf.add(col.period);
            dates.add(col.date);
            restated.add(col.restated);
        }
        distinctPeriods(names, periodOf, dates, restated, width);
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

    /** What the header lines say of one column, read top to bottom (the line nearest the figures wins). */
    private static final class Column {
        String period = "";
        String date = "";
        boolean restated;
        String descriptive = "";
        final StringBuilder unit = new StringBuilder();

        void period(Matcher m) {
            period = m.group(2);
            if (m.group(1) != null) {
                date = m.group(1);
            }
        }

        void read(String printed) {
            String cell = printed;
            Matcher r = RESTATED.matcher(cell);
            if (r.find() && (r.start() > 0 || r.end() < cell.length() || cell.matches("(?i)\\(?restated\\)?"))) {
                restated = true;
                cell = (cell.substring(0, r.start()) + " " + cell.substring(r.end())).strip();
                if (cell.isEmpty()) {
                    return;
                }
            }
            Matcher m = PERIOD_CELL.matcher(cell);
            if (m.matches()) {
                period(m);
                return;
            }
            if (PERIOD_CONTEXT.matcher(cell).matches()) {
                return;
            }
            Matcher yu = YEAR_AND_UNIT.matcher(cell);
            if (yu.matches()) {
                String year = yu.group(1) != null ? yu.group(1) : yu.group(4);
                String rest = yu.group(1) != null ? yu.group(2) : yu.group(3);
                String u = unitOf(rest);
                if (u != null) {
                    period = year;
                    unit.setLength(0);
                    unit.append(u);
                    return;
                }
            }
            String u = unitOf(cell);
            if (u != null) {
                unit.append(unit.length() == 0 ? "" : " ").append(u);
                return;
            }
            Matcher s = UNIT_SUFFIX.matcher(cell);
            if (s.matches()) {
                descriptive = s.group(1);
                unit.setLength(0);
                unit.append(s.group(2).replace('’', '\''));
                return;
            }
            if (cell.matches("(?i)amounts?")) {
                return;
            }
            if (cell.toLowerCase(Locale.ROOT).matches(".*\\b(percentage|proportion)\\b.*")) {
                unit.setLength(0);
                unit.append('%');
            }
            descriptive = cell;
        }
    }

    /**
     * Period columns that would share a name are told apart by what they print: a restated column is
     * "2018 (Restated)", and a column at another date than the others ("As at 1 January 2018") keeps its date.
     */
    private static void distinctPeriods(List<String> names, List<String> periodOf, List<String> dates,
                                        List<Boolean> restated, int width) {
        java.util.Map<String, Integer> dateCounts = new java.util.HashMap<>();
        for (int c = 1; c < width; c++) {
            if (!periodOf.get(c).isEmpty()) {
                dateCounts.merge(normalDate(dates.get(c)), 1, Integer::sum);
            }
        }
        String main = dateCounts.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse("");
        for (int c = 1; c < width; c++) {
            String period = periodOf.get(c);
            if (period.isEmpty()) {
                continue;
            }
            String name = period;
            String d = normalDate(dates.get(c));
            if (!d.isEmpty() && !d.equals(main)) {
                name = dates.get(c).replaceAll(",$", "") + " " + period;
            }
            if (restated.get(c)) {
                name = name + " (Restated)";
            }
            if (!name.equals(period)) {
                if (names.get(c).equals(period)) {
                    names.set(c, name);
                }
                periodOf.set(c, name);
            }
        }
    }

    private static String normalDate(String date) {
        return date.toLowerCase(Locale.ROOT).replaceAll("(\\d)(st|nd|rd|th)", "$1").replaceAll("[^a-z0-9]+", " ").strip();
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
                        names.set(d, periods.get(k) + (unit.equals("%") ? " %" : name.isEmpty() ? "" : " " + name));
                    } else if (k > 0) {
                        names.set(d, name.isEmpty() ? "Column " + d : name + " (" + (k + 1) + ")");
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
        String t = cell.replace('’', '\'').replace('‘', '\'').replaceAll("\\s*'\\s*(000s?)", "'$1").replaceAll("'000s\\b", "'000");
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
            return t.matches(".*[A-Za-z$%£€¥].*") ? t : null;
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
