package dev.crossfoot.extract;

import dev.crossfoot.model.Figure;
import dev.crossfoot.model.FigureFormatException;
import dev.crossfoot.model.FigureParser;
import dev.crossfoot.model.Interval;
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
 * Finds the numeric tables of a results announcement printed as text, where a table is a run of tab-separated
 * lines: header lines (periods, column headings, units), then rows (a label, an optional note reference and
 * figures as printed, with markup such as {@code <u>} and {@code <i>}).
 *
 * <p>What it decides, and how (each decision is documented in the README):
 * <ul>
 *   <li>A table split by a page break (a second run of lines after only blank lines, with its own header and a
 *       different first row) is joined to the first; two runs that start with the same row but for the year
 *       (the 2023 and 2022 matrices) are two tables, told apart by their period.</li>
 *   <li>Columns are named by their period ("2023"), their heading ("Share capital"), or both ("2023 %");
 *       units are read from the header ("RMB'000", "RMB" over "million", "%") or from a heading's end
 *       ("Total RMB'000"); a "Note" column is kept apart from the figures.</li>
 *   <li>A label-only line opens a section for the rows under it. A total (an unlabelled row, or a row
 *       labelled "Total ...", "Net ...", or with underlined figures) closes the innermost section whose rows
 *       it adds up to; when it adds up to none, it closes them all. Dash-prefixed items end at the first row
 *       without a dash.</li>
 *   <li>A label printed on the line after an unlabelled row of figures, at the end of a table, is attached to
 *       that row, with a notice.</li>
 * </ul>
 * Anything that cannot be placed is a {@link Extraction.Notice} with its line number; nothing is dropped silently.
 */
public final class Extractor {

    private static final Pattern MARKUP = Pattern.compile("</?(?:u|i|b|em|strong|sup|sub)>|<hr\\s*/?>|<br\\s*/?>|\\*\\*");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    private static final Pattern PERIOD_CELL = Pattern.compile(
            "(?i)(?:(?:as\\s+)?at\\s+|(?:for\\s+the\\s+)?years?\\s+ended\\s+)?(?:[A-Z][a-z]+\\s+\\d{1,2},?\\s+)?((?:19|20)\\d\\d)");
    private static final Pattern PERIOD_CONTEXT = Pattern.compile(
            "(?i)(?:(?:as\\s+)?at|(?:for\\s+the\\s+)?years?\\s+ended)(?:\\s+[A-Z][a-z]+\\s+\\d{1,2},?)?");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("^(.*?)\\s+(RMB'000|RMB’000|RMB million|HK\\$'000|HK\\$ million|US\\$'000|US\\$ million|%)$");
    private static final Pattern UNIT_IN_WORDS = Pattern.compile(
            "(?i)\\(?(RMB|HK\\$|US\\$|HKD|USD)\\s+in\\s+(thousands|millions)(?:,[^)]*)?\\)?");
    private static final Pattern TOTAL_LABEL = Pattern.compile("(?i)(?:total|net|sub-?total|gross)\\b.*|.*\\btotal");
    private static final Pattern DASH_ITEM = Pattern.compile("^[\\-\u2010-\u2015\u2212]\\s.*");
    private static final Pattern NOTE_HEADING = Pattern.compile("^(\\d{1,2})(?:\\.)?\\s+([A-Z][A-Z0-9,'’()&\\-–/ ]+)$");
    private static final Pattern SUB_HEADING = Pattern.compile("^(?:-\\s+)?\\(([a-z]{1,4})\\)\\s+(.+)$");
    private static final Pattern PART_HEADING = Pattern.compile("^[A-Z][A-Z0-9,'’&\\-– ]{3,}$");
    private static final Pattern ROW_UNIT = Pattern.compile("^(.*?)\\s*\\((?:expressed\\s+in\\s+)?([^()]*)\\)$");
    private static final Pattern MARKER_FOOTNOTE = Pattern.compile(
            "^(\\*)\\s+(.*?\\bless than\\s+(RMB|HK\\$|US\\$)\\s?([\\d,]+)\\b.*?)\\.?$");
    private static final Pattern TEXT_UNIT = Pattern.compile("(RMB|HK\\$|US\\$)\\s?[\\d,.]+\\s+(million|billion)");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "as", "at", "for", "from",
            "on", "or", "that", "the", "to", "was", "were", "which", "with", "is", "are", "our", "its", "no");
    private static final Set<String> CONNECTORS = Set.of("of", "by", "and", "in");

    private final String source;
    private final List<String> lines;
    private final List<Extraction.Notice> notices = new ArrayList<>();
    private final Map<String, Extraction.Marker> markers = new LinkedHashMap<>();

    private Extractor(String source, List<String> lines) {
        this.source = source;
        this.lines = lines;
    }

    /** Extracts the tables of an announcement given as its lines (line 1 first). */
    public static Extraction extract(String source, List<String> lines) {
        return new Extractor(source, lines).run();
    }

    private static final Pattern ISSUER = Pattern.compile(".{2,80}\\b(?:Inc\\.|Limited|Ltd\\.?|plc|PLC|Corporation|Holdings|Group)");
    private static final Pattern DOCUMENT = Pattern.compile("(?i).*\\bresults\\b.*\\bannouncement\\b.*|.*\\bannouncement\\b.*\\bresults\\b.*");

    /** The issuer: the first short line naming a company, among the announcement's first lines. */
    private String issuer() {
        for (int i = 0; i < Math.min(lines.size(), 40); i++) {
            String t = clean(lines.get(i));
            if (t.length() <= 80 && ISSUER.matcher(t).matches()) {
                return t;
            }
        }
        return source;
    }

    private String document() {
        for (int i = 0; i < Math.min(lines.size(), 60); i++) {
            String t = clean(lines.get(i));
            if (t.length() <= 160 && DOCUMENT.matcher(t).matches()) {
                return titleCase(t);
            }
        }
        return "announcement " + source;
    }

    private final Map<String, Integer> periodCounts = new LinkedHashMap<>();

    /** The periods the tables' columns are headed with, latest first. */
    private List<String> filingPeriods() {
        List<String> out = new ArrayList<>(periodCounts.keySet());
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    // ------------------------------------------------------------------------------------------------ blocks

    /** A run of tab-separated lines. */
    private record Block(int first, int last, List<Line> lines, Context context, boolean adjacentToPrevious) {
    }

    /** One tab-separated line: its number, its cells (markup removed) and whether its figures were underlined. */
    private record Line(int number, List<String> cells, boolean underlined) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        boolean blankExceptLabel() {
            for (int i = 1; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** Where in the document a block stands: its headings, and the text since the last table. */
    private record Context(String part, String note, String noteTitle, String sub, String subTitle, String heading,
                           List<String> textSince) {
    }

    private Extraction run() {
        List<Block> blocks = new ArrayList<>();
        String part = "";
        String note = "";
        String noteTitle = "";
        String sub = "";
        String subTitle = "";
        String upper = "";
        Boolean upperRoman = null;
        String heading = "";
        int paragraphsSinceSub = 0;
        boolean inNotes = false;
        List<String> textSince = new ArrayList<>();
        boolean onlyBlankSinceBlock = false;
        int i = 0;
        while (i < lines.size()) {
            String raw = lines.get(i);
            if (raw.indexOf('\t') >= 0) {
                int start = i;
                List<Line> run = new ArrayList<>();
                while (i < lines.size() && lines.get(i).indexOf('\t') >= 0) {
                    run.add(line(i + 1, lines.get(i)));
                    i++;
                }
                String useSub = paragraphsSinceSub <= 2 ? sub : "";
                String useSubTitle = paragraphsSinceSub <= 2 ? subTitle : "";
                blocks.add(new Block(start + 1, i, run,
                        new Context(part, note, noteTitle, useSub, useSubTitle, heading, List.copyOf(textSince)),
                        onlyBlankSinceBlock));
                textSince.clear();
                onlyBlankSinceBlock = true;
                continue;
            }
            String text = clean(raw);
            i++;
            if (text.isEmpty()) {
                continue;
            }
            onlyBlankSinceBlock = false;
            textSince.add(text);
            Matcher m;
            if (text.startsWith("NOTES TO THE")) {
                inNotes = true;
                part = "notes";
                note = "";
                sub = "";
                heading = "";
            } else if (inNotes && (m = NOTE_HEADING.matcher(text)).matches()) {
                note = m.group(1);
                noteTitle = m.group(2).strip();
                sub = "";
                subTitle = "";
                heading = "";
                upper = "";
                upperRoman = null;
                paragraphsSinceSub = 0;
            } else if (inNotes && (m = SUB_HEADING.matcher(text)).matches()) {
                String e = m.group(1);
                boolean roman = ROMAN.matcher(e).matches() && !(e.equals("i") && "h".equals(upper));
                if (upperRoman == null) {
                    upperRoman = roman;
                }
                if (roman != upperRoman && !upper.isEmpty() && text.startsWith("-")) {
                    sub = upper + "-" + e;
                } else {
                    upper = e;
                    upperRoman = roman;
                    sub = e;
                }
                subTitle = LEAD_IN_END.matcher(m.group(2)).replaceAll("").replaceAll("^\\*(.*)\\*$", "$1");
                paragraphsSinceSub = 0;
            } else if (isPeriodSubtitle(text)) {
                continue;
            } else if (!inNotes && PART_HEADING.matcher(text).matches()) {
                part = text;
                heading = "";
            } else if (isHeading(text)) {
                heading = text;
                if (inNotes) {
                    sub = "";
                    subTitle = text;
                    paragraphsSinceSub = 0;
                }
            } else {
                if (!text.endsWith(":")) {
                    paragraphsSinceSub++;
                }
                marker(i, text);
            }
        }
        List<Extraction.Table> tables = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Pending previousTable = null;
        for (Block b : blocks) {
            Parsed p = parse(b);
            if (p == null) {
                notices.add(new Extraction.Notice(b.first(), "lines " + b.first() + "-" + b.last()
                        + ": tab-separated lines without figures (not a numeric table); not extracted"));
                previousTable = null;
                continue;
            }
            if (previousTable != null && b.adjacentToPrevious() && continues(previousTable.parsed, p)) {
                previousTable.parsed = join(previousTable.parsed, p);
                previousTable.last = b.last();
            } else {
                previousTable = new Pending(b, p);
                pending.add(previousTable);
            }
        }
        for (Pending t : pending) {
            tables.add(build(t));
        }
        disambiguate(tables);
        notices.sort(java.util.Comparator.comparingInt(Extraction.Notice::line));
        return new Extraction(source, issuer(), document(), filingPeriods(), tables, markers, notices);
    }

    private static final class Pending {
        final Block block;
        Parsed parsed;
        int last;

        Pending(Block block, Parsed parsed) {
            this.block = block;
            this.parsed = parsed;
            this.last = block.last();
        }
    }

    private Line line(int number, String raw) {
        String[] parts = raw.split("\t", -1);
        List<String> cells = new ArrayList<>(parts.length);
        boolean underlined = false;
        for (String part : parts) {
            if (part.contains("<u>")) {
                underlined = true;
            }
            cells.add(clean(part));
        }
        return new Line(number, cells, underlined);
    }

    /** Removes markup and normalises blanks: the text as a reader sees it. */
    static String clean(String raw) {
        String t = raw;
        if (t.indexOf('<') >= 0 || t.indexOf('*') >= 0) {
            t = MARKUP.matcher(t).replaceAll(" ");
        }
        t = t.replace("\\$", "$").replace('\u00A0', ' ');
        if (needsSpacing(t)) {
            t = BLANKS.matcher(t).replaceAll(" ").strip();
            t = OPEN_SPACE.matcher(t).replaceAll("(");
            t = SPACE_CLOSE.matcher(t).replaceAll(")");
        }
        return t.strip();
    }

    private static final Pattern PERIOD_LINE = Pattern.compile("(?i)(?:for\\s+the\\s+)?(?:years?\\s+ended|as\\s+(?:at|of)|at)\\s.*\\d{4}.*");

    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern OPEN_SPACE = Pattern.compile("\\(\\s+");
    private static final Pattern SPACE_CLOSE = Pattern.compile("\\s+\\)");
    private static final Pattern HYPHENATED = Pattern.compile("([A-Za-z])- ([a-z])");

    /** Whether a text has blanks to collapse: a run of two, a tab or newline, or a blank inside parentheses. */
    private static boolean needsSpacing(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' && i + 1 < t.length() && (Character.isWhitespace(t.charAt(i + 1)) || t.charAt(i + 1) == ')')
                    || c != ' ' && Character.isWhitespace(c) || c == '(' && i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern LEAD_IN_END = Pattern.compile("(?:\\s+(?:is|are)\\s+(?:as\\s+follows|analysed\\s+below))?\\s*:$");
    private static final Pattern ROMAN = Pattern.compile("i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv");

    /** A line that only states the period of what follows ("FOR THE YEAR ENDED DECEMBER 31, 2023"): not a sentence. */
    private static boolean isPeriodSubtitle(String text) {
        return text.length() <= 100 && !text.endsWith(".") && !text.endsWith(":") && PERIOD_LINE.matcher(text).matches();
    }

    private static boolean isHeading(String text) {
        if (PERIOD_LINE.matcher(text).matches()) {
            return false;
        }
        if (text.length() > 100 || text.endsWith(".") || text.endsWith(":") || text.endsWith(";")) {
            return false;
        }
        return Character.isUpperCase(text.charAt(0)) || text.startsWith("(");
    }

    private void marker(int lineNumber, String text) {
        Matcher m = MARKER_FOOTNOTE.matcher(text);
        if (m.matches() && !markers.containsKey(m.group(1))) {
            String currency = m.group(3);
            markers.put(m.group(1), new Extraction.Marker(m.group(1), m.group(2).strip(), "0",
                    m.group(4).replace(",", ""), currency));
            notices.add(new Extraction.Notice(lineNumber, "footnote '" + m.group(1) + "' read as a range: "
                    + "0 to less than " + currency + m.group(4)));
        }
    }

    // ------------------------------------------------------------------------------------------------ parsing a block

    /** A block split into header lines and data lines, with its columns. */
    private record Parsed(Block block, List<Line> header, List<Line> data, int width) {
    }

    private Parsed parse(Block b) {
        List<Line> all = new ArrayList<>();
        for (Line l : b.lines()) {
            if (!l.blank()) {
                all.add(l);
            }
        }
        int h = 0;
        while (h < all.size() && isHeaderLine(all.get(h), h == 0)) {
            h++;
        }
        List<Line> header = all.subList(0, h);
        List<Line> data = all.subList(h, all.size());
        boolean figures = false;
        int width = 0;
        for (Line l : all) {
            width = Math.max(width, l.cells().size());
        }
        for (Line l : data) {
            for (int c = 1; c < l.cells().size() && !figures; c++) {
                Figure f = figure(l.cell(c));
                figures = f instanceof Figure.Amount || looksLikePercentRange(l.cell(c));
            }
        }
        if (!figures || data.isEmpty()) {
            return null;
        }
        return new Parsed(b, List.copyOf(header), List.copyOf(data), width);
    }

    private static boolean looksLikePercentRange(String cell) {
        return cell.matches("\\d+(?:\\.\\d+)?%\\s*(?:to|-|–)\\s*\\d+(?:\\.\\d+)?%");
    }

    private static boolean isHeaderLine(Line l, boolean first) {
        if (l.cell(0).isEmpty()) {
            for (int c = 1; c < l.cells().size(); c++) {
                String cell = l.cell(c);
                Figure f = figure(cell);
                if ((f instanceof Figure.Amount && !YEAR.matcher(cell).matches()) || f instanceof Figure.Nil) {
                    return false;
                }
            }
            return true;
        }
        if (!first || l.cells().size() < 2) {
            return false;
        }
        for (int c = 1; c < l.cells().size(); c++) {
            String cell = l.cell(c);
            if (cell.isEmpty() || !(figure(cell) instanceof Figure.Blank) && !isText(cell)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(String cell) {
        return !cell.isEmpty() && figure(cell) == null;
    }

    /** The figure a cell holds, or null when it is text. Percent signs are accepted. */
    static Figure figure(String cell) {
        if (hasLetter(cell) && !FigureParser.DEFAULT_MARKERS.contains(cell.strip())) {
            return null;
        }
        try {
            return FigureParser.parse(cell, Unit.PERCENT, Map.of());
        } catch (FigureFormatException e) {
            return null;
        }
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the second run continues the first across a page break. */
    private static boolean continues(Parsed first, Parsed second) {
        if (second.header().isEmpty() || first.data().isEmpty() || second.data().isEmpty()) {
            return false;
        }
        String a = first.data().get(0).cell(0).replaceAll("\\d", "#");
        String b = second.data().get(0).cell(0).replaceAll("\\d", "#");
        if (a.equalsIgnoreCase(b)) {
            return false;
        }
        return periods(first).equals(periods(second));
    }

    private static List<String> periods(Parsed p) {
        List<String> out = new ArrayList<>();
        for (Line l : p.header()) {
            for (int c = 1; c < l.cells().size(); c++) {
                Matcher m = PERIOD_CELL.matcher(l.cell(c));
                if (m.matches() && !out.contains(m.group(1))) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    private static Parsed join(Parsed first, Parsed second) {
        List<String> a = columnNames(first).names;
        List<String> b = columnNames(second).names;
        List<Line> data = new ArrayList<>(first.data());
        for (Line l : second.data()) {
            List<String> cells = new ArrayList<>();
            cells.add(l.cell(0));
            for (int c = 1; c < first.width(); c++) {
                cells.add("");
            }
            for (int c = 1; c < second.width(); c++) {
                int at = a.indexOf(b.get(c));
                if (at < 0) {
                    at = c;
                }
                if (at < cells.size()) {
                    cells.set(at, l.cell(c));
                }
            }
            data.add(new Line(l.number(), cells, l.underlined()));
        }
        return new Parsed(first.block(), first.header(), data, first.width());
    }

    // ------------------------------------------------------------------------------------------------ columns

    private record Columns(List<String> names, List<String> units, int noteColumn, List<String> periods,
                           String labelHeading) {
    }

    private static Columns columnNames(Parsed p) {
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
                String cell = fixHyphenation(l.cell(c));
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
        // Columns that share a period but differ in unit, or share a heading: qualify them.
        List<String> periods = new ArrayList<>();
        for (int c = 1; c < width; c++) {
            if (!periodOf.get(c).isEmpty() && !periods.contains(periodOf.get(c))) {
                periods.add(periodOf.get(c));
            }
        }
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
                        names.set(d, periods.get(k) + (unit.equals("%") && name.isEmpty() ? " %" : unit.equals("%") ? " %" : " " + name));
                    } else if (k > 0) {
                        names.set(d, name + " (" + (k + 1) + ")");
                    }
                }
            }
        }
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

    private static String fixHyphenation(String cell) {
        return cell.indexOf("- ") < 0 ? cell : HYPHENATED.matcher(cell).replaceAll("$1-$2");
    }

    /** The unit a header cell states, or null when it is not a unit. */
    private static String unitOf(String cell) {
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

    // ------------------------------------------------------------------------------------------------ building a table

    private Extraction.Table build(Pending pending) {
        Parsed p = pending.parsed;
        Columns cols = columnNames(p);
        cols.periods().forEach(period -> periodCounts.merge(period, 1, Integer::sum));
        int width = p.width();
        // Table unit: the most common currency unit among the columns; else from the row labels; else the text.
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 1; c < width; c++) {
            String u = cols.units().get(c);
            if (!u.isEmpty() && !u.startsWith("%") && c != cols.noteColumn()) {
                counts.merge(u, 1, Integer::sum);
            }
        }
        Map<String, String> rowUnits = new LinkedHashMap<>();
        Set<Integer> percentRows = new java.util.HashSet<>();
        for (Line l : p.data()) {
            String u = rowUnit(l.cell(0));
            if (u != null) {
                rowUnits.put(l.cell(0), u);
            }
        }
        if (p.data().size() > 1) {
            for (Line l : p.data()) {
                int amounts = 0;
                int percents = 0;
                for (int c = 1; c < width; c++) {
                    if (figure(l.cell(c)) instanceof Figure.Amount) {
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
        }
        String unit = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (unit == null) {
            Map<String, Integer> rc = new LinkedHashMap<>();
            rowUnits.values().stream().filter(u -> !u.equals("%") && !u.contains("share")).forEach(u -> rc.merge(u, 1, Integer::sum));
            unit = rc.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (unit == null && !rowUnits.isEmpty() && rowUnits.size() == p.data().size()
                    && rowUnits.values().stream().allMatch("%"::equals)) {
                unit = "%";
            }
        }
        if (unit == null) {
            unit = unitFromText(pending.block.context().textSince());
            if (unit != null) {
                notices.add(new Extraction.Notice(pending.block.first(), "no unit printed with the table; "
                        + unit + " taken from the text before it"));
            }
        }
        boolean allPercent = counts.isEmpty() && cols.units().stream().skip(1).anyMatch(u -> u.equals("%"));
        if (unit == null && allPercent) {
            unit = "%";
        }
        if (unit == null) {
            unit = "number";
            notices.add(new Extraction.Notice(pending.block.first(), "no unit found for the table; written as 'number'"));
        }
        // Column units that differ from the table's; text columns.
        Map<String, String> columnUnits = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(cols.names());
        for (int c = 1; c < width; c++) {
            String name = columns.get(c);
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
                Figure f = figure(cell);
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
        List<Extraction.Row> rows = sections(p, cols, columnUnits);
        List<String> header = new ArrayList<>();
        for (int c = 1; c < width; c++) {
            header.add(columns.get(c));
        }
        Context ctx = pending.block.context();
        Named named = name(ctx, p);
        String period = tablePeriod(p, cols);
        if (period.isEmpty()) {
            List<String> text = ctx.textSince();
            Matcher y = YEAR.matcher(text.isEmpty() ? "" : text.get(text.size() - 1));
            period = y.find() ? y.group() : "";
        }
        String firstLabel = p.data().isEmpty() ? "" : p.data().get(0).cell(0);
        String labelHeading = LABEL_HEADING_DATE.matcher(cols.labelHeading()).replaceAll("").strip();
        qualifiers.put(pending.block.first(), new Qualifiers(period, labelHeading, firstLabel));
        return new Extraction.Table(named.id(), named.title(), pending.block.first(), pending.last, unit, header,
                columnUnits, rowUnits, rows);
    }

    private static String unitFromText(List<String> text) {
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
    private static String rowUnit(String label) {
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

    // ------------------------------------------------------------------------------------------------ sections

    /** A section being read: its heading, and the rows (or sub-totals) that a total of it would add up. */
    private static final class Section {
        final String label;
        final List<Interval[]> members = new ArrayList<>();
        /** Whether any row was read in it; whether the last was a row of its own (not a sub-section's total). */
        boolean hasRows;
        boolean lastOwnRow;
        int ownRows;
        boolean dashOnly = true;
        /** At top level: the last total (a cascade continues from it) and the totals of the blocks so far. */
        Interval[] carried;
        final List<Interval[]> blockTotals = new ArrayList<>();

        Section(String label) {
            this.label = label;
        }

        void own(Interval[] values) {
            members.add(values);
            hasRows = true;
            lastOwnRow = true;
            ownRows++;
        }

        void childTotal(Interval[] values) {
            members.add(values);
            hasRows = true;
            lastOwnRow = false;
        }
    }

    private List<Extraction.Row> sections(Parsed p, Columns cols, Map<String, String> columnUnits) {
        int width = p.width();
        List<Extraction.Row> out = new ArrayList<>();
        List<Boolean> rootTotal = new ArrayList<>();
        List<Boolean> heading = new ArrayList<>();
        List<Section> stack = new ArrayList<>();
        stack.add(new Section(""));
        List<Line> data = p.data();
        for (int r = 0; r < data.size(); r++) {
            Line l = data.get(r);
            String label = fixHyphenation(l.cell(0));
            List<String> cells = new ArrayList<>();
            for (int c = 1; c < width; c++) {
                cells.add(l.cell(c));
            }
            if (l.blankExceptLabel()) {
                if (r == data.size() - 1 && r > 0 && !out.isEmpty() && out.get(out.size() - 1).label().isEmpty()
                        && data.get(r - 1).cell(0).isEmpty()) {
                    Extraction.Row prev = out.remove(out.size() - 1);
                    out.add(new Extraction.Row(prev.line(), prev.section(), label, prev.cells()));
                    notices.add(new Extraction.Notice(l.number(), "label '" + label + "' printed on the line after its "
                            + "figures (line " + prev.line() + "); attached to that row"));
                    continue;
                }
                Section top = stack.get(stack.size() - 1);
                if (stack.size() > 1 && top.lastOwnRow) {
                    popInto(stack);
                }
                Section parent = stack.get(stack.size() - 1);
                out.add(new Extraction.Row(l.number(), parent.label, label, cells));
                rootTotal.add(false);
                heading.add(true);
                parent.hasRows = true;
                stack.add(new Section(label));
                continue;
            }
            heading.add(false);
            Interval[] values = values(l, width, cols, columnUnits);
            int prefixed = prefixedBy(stack, label);
            boolean strong = label.isEmpty() || TOTAL_LABEL.matcher(label).matches() || prefixed > 0;
            boolean candidate = strong || l.underlined() || r > 0 && data.get(r - 1).underlined();
            Section top = stack.get(stack.size() - 1);
            if (stack.size() > 1 && top.dashOnly && top.ownRows > 0 && !DASH_ITEM.matcher(label).matches() && !strong) {
                popInto(stack);
            }
            if (candidate) {
                int[] how = new int[1];
                int level = prefixed > 0 ? prefixed : matchingLevel(stack, values, how);
                if (level >= 0) {
                    while (stack.size() - 1 > level) {
                        popInto(stack);
                    }
                    Section s = stack.get(level);
                    out.add(new Extraction.Row(l.number(), s.label, label, cells));
                    rootTotal.add(level == 0 && label.isEmpty());
                    if (level > 0) {
                        stack.remove(level);
                        stack.get(level - 1).childTotal(values);
                    } else {
                        rootTotal(s, values, how[0]);
                    }
                    continue;
                }
                if (label.isEmpty()) {
                    while (stack.size() > 1) {
                        popInto(stack);
                    }
                    Section root = stack.get(0);
                    out.add(new Extraction.Row(l.number(), "", label, cells));
                    rootTotal.add(false);
                    rootTotal(root, values, 1);
                    continue;
                }
            }
            top = stack.get(stack.size() - 1);
            out.add(new Extraction.Row(l.number(), top.label, label, cells));
            rootTotal.add(false);
            top.own(values);
            top.dashOnly &= DASH_ITEM.matcher(label).matches();
        }
        return implicitSections(out, rootTotal, heading);
    }

    /**
     * At top level, a run of rows closed by an unlabelled total that adds them up is a block of its own when it
     * starts with a label-only heading (the only one in the run), or when more rows follow it: its first row
     * then names the section of the rest ("Current assets", "Loss allowance", total).
     */
    private static List<Extraction.Row> implicitSections(List<Extraction.Row> rows, List<Boolean> rootTotal,
                                                         List<Boolean> heading) {
        List<Extraction.Row> out = new ArrayList<>(rows);
        int runStart = 0;
        for (int i = 0; i < out.size(); i++) {
            if (!out.get(i).section().isEmpty()) {
                continue;
            }
            if (rootTotal.get(i)) {
                List<Integer> run = new ArrayList<>();
                for (int k = runStart; k < i; k++) {
                    if (out.get(k).section().isEmpty()) {
                        run.add(k);
                    }
                }
                boolean followed = false;
                for (int k = i + 1; k < out.size(); k++) {
                    followed |= rootTotal.get(k);
                }
                if (run.size() >= 2) {
                    int first = run.get(0);
                    long headings = run.stream().filter(heading::get).count();
                    boolean byHeading = heading.get(first) && headings == 1;
                    boolean byFirstRow = !heading.get(first) && headings == 0 && followed;
                    if (byHeading || byFirstRow) {
                        String section = out.get(first).label();
                        for (int k : run.subList(1, run.size())) {
                            Extraction.Row x = out.get(k);
                            out.set(k, new Extraction.Row(x.line(), section, x.label(), x.cells()));
                        }
                        Extraction.Row t = out.get(i);
                        out.set(i, new Extraction.Row(t.line(), section, t.label(), t.cells()));
                    }
                }
                runStart = i + 1;
            } else if (out.get(i).section().isEmpty() && i > 0 && !heading.get(i) && isTotalRow(out.get(i))) {
                runStart = i + 1;
            }
        }
        return out;
    }

    private static boolean isTotalRow(Extraction.Row r) {
        return r.label().isEmpty() || TOTAL_LABEL.matcher(r.label()).matches();
    }

    /** The level of the innermost open section whose heading starts the label ("Other comprehensive income ..."). */
    private static int prefixedBy(List<Section> stack, String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        for (int level = stack.size() - 1; level >= 1; level--) {
            String h = stack.get(level).label.toLowerCase(Locale.ROOT).replaceAll(":$", "");
            if (h.length() >= 8 && lower.startsWith(h) && lower.length() > h.length()) {
                return level;
            }
        }
        return -1;
    }

    /** Pops the innermost section; its rows count toward its parent's total (it had no total of its own). */
    private static void popInto(List<Section> stack) {
        Section s = stack.remove(stack.size() - 1);
        Section parent = stack.get(stack.size() - 1);
        parent.members.addAll(s.members);
        parent.hasRows = true;
        parent.lastOwnRow = true;
    }

    /**
     * The innermost level of the stack whose rows (with those of the sections above it) add up to the values,
     * in at least half the columns where both are printed (so that one misprinted figure does not move a total
     * out of its section); -1 when none does.
     */
    private static int matchingLevel(List<Section> stack, Interval[] values, int[] how) {
        List<Interval[]> members = new ArrayList<>();
        for (int level = stack.size() - 1; level >= 0; level--) {
            members.addAll(0, stack.get(level).members);
            if (members.size() >= 2 && adds(members, values)) {
                how[0] = 0;
                return level;
            }
            Section root = stack.get(0);
            if (level == 0 && root.carried != null && !members.isEmpty()) {
                List<Interval[]> cascade = new ArrayList<>(members);
                cascade.add(0, root.carried);
                if (adds(cascade, values)) {
                    how[0] = 1;
                    return 0;
                }
            }
            if (level == 0 && root.blockTotals.size() >= 2 || level == 0 && root.blockTotals.size() == 1 && !members.isEmpty()) {
                List<Interval[]> blocks = new ArrayList<>(root.blockTotals);
                blocks.addAll(members);
                if (adds(blocks, values)) {
                    how[0] = 2;
                    return 0;
                }
            }
        }
        return -1;
    }

    /** A total at top level: a block's (0), a cascade's next step (1) or the total of the blocks (2). */
    private static void rootTotal(Section root, Interval[] values, int how) {
        if (how != 0) {
            root.blockTotals.clear();
        }
        root.blockTotals.add(values);
        root.carried = values;
        root.members.clear();
        root.hasRows = true;
        root.lastOwnRow = true;
    }

    private static boolean adds(List<Interval[]> members, Interval[] total) {
        int compared = 0;
        int agree = 0;
        for (int c = 0; c < total.length; c++) {
            if (total[c] == null || total[c].mid().signum() == 0) {
                continue;
            }
            Interval sum = Interval.ZERO;
            int n = 0;
            for (Interval[] m : members) {
                if (m[c] != null) {
                    sum = sum.plus(m[c]);
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            compared++;
            if (sum.overlaps(total[c])) {
                agree++;
            }
        }
        return compared > 0 && agree * 2 >= compared;
    }

    private static Interval[] values(Line l, int width, Columns cols, Map<String, String> columnUnits) {
        Interval[] out = new Interval[width - 1];
        for (int c = 1; c < width; c++) {
            if (c == cols.noteColumn() || cols.units().get(c).startsWith("%") || l.cell(c).endsWith("%")
                    || "text".equals(columnUnits.get(cols.names().get(c)))) {
                continue;
            }
            Figure f = figure(l.cell(c));
            if (f instanceof Figure.Amount a) {
                out[c - 1] = a.interval();
            } else if (f instanceof Figure.Nil) {
                out[c - 1] = Interval.ZERO;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ ids and titles

    /** A table's id and title, before tables that share them are told apart. */
    private record Named(String id, String title) {
    }

    private static Named name(Context ctx, Parsed p) {
        String prefix;
        String title;
        String words;
        if (!ctx.note().isEmpty()) {
            prefix = "note-" + ctx.note() + ctx.sub();
            String t = ctx.subTitle().isEmpty() ? titleCase(ctx.noteTitle()) : ctx.subTitle();
            title = "Note " + ctx.note() + (ctx.sub().isEmpty() ? "" : "(" + ctx.sub().replace("-", ")(") + ")") + " – " + t;
            words = t;
        } else {
            String h = !ctx.heading().isEmpty() ? ctx.heading() : ctx.part();
            prefix = "";
            title = ctx.part().isEmpty() || h.equals(ctx.part()) ? titleCase(h) : titleCase(ctx.part()) + " – " + h;
            words = statementWords(h);
        }
        String slug = slug(words);
        String id = prefix.isEmpty() ? slug : slug.isEmpty() ? prefix : prefix + "-" + slug;
        if (id.isEmpty()) {
            id = "table-" + p.block().first();
        } else if (!Character.isLetter(id.charAt(0))) {
            id = "table-" + id;
        }
        return new Named(id, title);
    }

    private static String statementWords(String heading) {
        String h = heading.replaceFirst("(?i)^consolidated\\s+", "").replaceFirst("(?i)^statements?\\s+of\\s+", "");
        return h;
    }

    private static String slug(String words) {
        return slug(words, 4);
    }

    /** Lower-case words joined by hyphens: at most {@code max} words that say something, and the connectors between them. */
    private static String slug(String words, int max) {
        List<String> kept = new ArrayList<>();
        for (String w : words.toLowerCase(Locale.ROOT).replaceAll("[“”\"'’(),.:;*]", " ").split("[\\s/–—\\-]+")) {
            if (w.isEmpty() || STOP_WORDS.contains(w)) {
                continue;
            }
            kept.add(w.replaceAll("[^a-z0-9&]", "").replace("&", "and"));
            if (kept.stream().filter(k -> !CONNECTORS.contains(k)).count() == max) {
                break;
            }
        }
        kept.removeIf(String::isEmpty);
        while (!kept.isEmpty() && CONNECTORS.contains(kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        return String.join("-", kept);
    }

    private static final Pattern MONTH = Pattern.compile(
            "\\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b");

    private static String titleCase(String text) {
        if (text.isEmpty() || !text.equals(text.toUpperCase(Locale.ROOT))) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = MONTH.matcher(lower);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Character.toUpperCase(m.group().charAt(0)) + m.group().substring(1));
        }
        m.appendTail(b);
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    /** The period a table is about, to tell apart two tables with the same title: from its header or first row. */
    private static String tablePeriod(Parsed p, Columns cols) {
        Matcher m = YEAR.matcher(cols.labelHeading());
        if (m.find()) {
            return m.group();
        }
        if (cols.periods().size() == 1) {
            return cols.periods().get(0);
        }
        for (Line l : p.data()) {
            Matcher y = YEAR.matcher(l.cell(0));
            if (y.find()) {
                return y.group();
            }
            if (!l.blankExceptLabel()) {
                break;
            }
        }
        return "";
    }

    /**
     * Gives tables that share an id a qualifier: their period where that tells them apart ("-2023"), else the
     * heading of their label column with the period, else the first row's label; the first keeps the plain id
     * only when nothing else tells them apart.
     */
    private void disambiguate(List<Extraction.Table> tables) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            byId.computeIfAbsent(tables.get(i).id(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : byId.entrySet()) {
            List<Integer> at = e.getValue();
            if (at.size() < 2) {
                continue;
            }
            List<String> chosen = null;
            List<String> shown = null;
            boolean byFirstRow = false;
            for (int kind = 0; kind < 3 && chosen == null; kind++) {
                byFirstRow = kind == 2;
                List<String> q = new ArrayList<>();
                for (int i : at) {
                    q.add(qualifiers.get(tables.get(i).firstLine()).slug(kind));
                }
                if (!q.contains("") && new LinkedHashSet<>(q).size() == q.size()) {
                    chosen = q;
                    shown = new ArrayList<>();
                    for (int i : at) {
                        shown.add(qualifiers.get(tables.get(i).firstLine()).shown(kind));
                    }
                }
            }
            for (int k = 0; k < at.size(); k++) {
                Extraction.Table t = tables.get(at.get(k));
                boolean plain = k == 0 && (chosen == null || byFirstRow);
                String id = plain ? t.id() : chosen != null ? t.id() + "-" + chosen.get(k) : t.id() + "-" + (k + 1);
                String title = plain || shown == null ? t.title() : t.title() + " (" + shown.get(k) + ")";
                tables.set(at.get(k), new Extraction.Table(id, title, t.firstLine(), t.lastLine(), t.unit(),
                        t.columns(), t.columnUnits(), t.rowUnits(), t.rows()));
            }
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "-" + b;
    }

    private static final Pattern LABEL_HEADING_DATE = Pattern.compile("(?i)(?:as\\s+)?at\\s+\\S+\\s+\\d+,?\\s+\\d{4}");

    /** Per table (by first line): what can tell it apart from tables under the same heading. */
    private final Map<Integer, Qualifiers> qualifiers = new HashMap<>();

    /** What can tell apart tables under one heading: kind 0 the period, 1 the label column's heading and the period, 2 the first row. */
    private record Qualifiers(String period, String labelHeading, String firstLabel) {
        String slug(int kind) {
            return kind == 0 ? period : kind == 1 ? join(Extractor.slug(labelHeading), period) : Extractor.slug(firstLabel, 3);
        }

        String shown(int kind) {
            return kind == 0 ? period : kind == 1 ? (labelHeading + " " + period).strip() : firstLabel;
        }
    }
}
