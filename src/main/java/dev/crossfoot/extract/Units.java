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
        if (unit == null && p.block().headerLines() >= 0) {
            List<String> lines = new java.util.ArrayList<>(p.block().context().textSince());
            lines.add(cols.labelHeading());
            unit = inWords(lines, p.block().context().currency());
        }
        if (unit == null && p.block().headerLines() < 0) {
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

    private static final Pattern PER_SHARE = Pattern.compile("(?i).*\\b(?:per\\s+(?:ordinary\\s+)?share|(?:earnings|loss|income)\\s+per)\\b.*");
    private static final Pattern SHARES = Pattern.compile("(?i).*\\b(?:number\\s+of\\s+(?:ordinary\\s+)?shares|weighted[- ]average\\s+(?:number\\s+of\\s+)?"
            + "(?:ordinary\\s+)?shares|shares\\s+(?:used|outstanding|in\\s+issue))\\b.*");
    private static final Pattern SHARES_IN_THOUSANDS = Pattern.compile("(?i).*(?:share\\s+amounts[^.]*\\bin\\s+thousands|\\(thousands?\\)|shares\\s*\\('000\\)).*");
    private static final Pattern DECIMALS = Pattern.compile("\\(?-?\\d[\\d,]*\\.\\d{1,2}\\)?");

    /**
     * In a laid-out table in a currency, the rows of a per-share amount (under "Net loss per share", "Basic")
     * are in that currency per share, and the rows of a number of shares in shares (in thousands when the table
     * says so), so that they are not read as amounts in the table's unit.
     */
    static Map<String, String> perShare(Parsed p, List<Extraction.Row> rows, String tableUnit, Map<String, String> rowUnits) {
        Unit u = CellCheck.unit(tableUnit);
        if (p.block().headerLines() < 0 || u == null || u.powerOfTen() < 3 || u.dimension().equals("1") || u.dimension().equals("shares")) {
            return rowUnits;
        }
        String currency = tableUnit.replaceAll("(?i)\\s*(?:'000s?|’000s?|million|millions|mn|m|billion|bn|thousands?)$", "").strip();
        boolean thousands = p.block().context().textSince().stream().anyMatch(t -> SHARES_IN_THOUSANDS.matcher(t).matches())
                || SHARES_IN_THOUSANDS.matcher(Header.read(p).labelHeading()).matches();
        Map<String, String> out = new LinkedHashMap<>(rowUnits);
        for (int r = 0; r < rows.size(); r++) {
            Extraction.Row row = rows.get(r);
            String both = row.section() + " " + row.label();
            String unit = null;
            String heading = rowUnits.get(row.section());
            if (heading != null && !row.section().isEmpty() && !rowUnits.containsKey(row.label())) {
                unit = heading;
            } else if (PER_SHARE.matcher(both).matches() && row.cells().stream().anyMatch(c -> DECIMALS.matcher(c).matches())) {
                unit = currency + " per share";
            } else if (SHARES.matcher(both).matches()) {
                unit = thousands || SHARES_IN_THOUSANDS.matcher(both).matches() ? "thousand shares" : "shares";
            }
            if (unit == null || CellCheck.unit(unit) == null) {
                continue;
            }
            String key = uniqueKey(rows, r);
            if (key != null && !out.containsKey(key) && !out.containsKey(row.label())) {
                out.put(key, unit);
            }
        }
        return out;
    }

    /** The label, or "Section > Label", that names this row alone; null when neither does. */
    private static String uniqueKey(List<Extraction.Row> rows, int r) {
        Extraction.Row row = rows.get(r);
        if (row.label().isEmpty()) {
            return null;
        }
        long same = rows.stream().filter(x -> x.label().equals(row.label())).count();
        if (same == 1) {
            return row.label();
        }
        long sameInSection = rows.stream().filter(x -> x.label().equals(row.label()) && x.section().equals(row.section())).count();
        return sameInSection == 1 && !row.section().isEmpty() ? row.section() + " > " + row.label() : null;
    }

    /** Cents and pence: the unit of a per-share row, never a table's. */
    private static boolean isSubunit(String unit) {
        Unit u = CellCheck.unit(unit);
        return u != null && u.powerOfTen() < 0;
    }

    private static final Pattern IN_WORDS = Pattern.compile(
            "(?i)(?:^|\\()\\s*(?:amounts\\s+)?(?:in|expressed\\s+in)\\s+(?:(US\\$|HK\\$|RMB|£|€|\\$)\\s*)?(millions|thousands|billions)\\b"
                    + "|(?:^|\\()\\s*(US\\$|HK\\$|RMB|£|€|\\$)\\s*(m|mn|million|'000|’000|bn)\\s*(?:\\)|$)");

    /**
     * The unit a line before a laid-out table states in words: "(In millions, except per share amounts)" in the
     * document's currency, "(£m)".
     */
    private static String inWords(List<String> lines, String currency) {
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 4); i--) {
            Matcher m = IN_WORDS.matcher(lines.get(i).strip());
            if (m.find()) {
                String cur = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : currency;
                String scale = (m.group(2) != null ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
                if (cur == null || cur.isEmpty()) {
                    continue;
                }
                cur = cur.equals("$") ? "US$" : cur;
                String unit = cur + (scale.startsWith("th") || scale.contains("000") ? "'000" : scale.startsWith("b") ? " billion" : " million");
                return CellCheck.unit(unit) != null ? unit : null;
            }
        }
        return null;
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
