package dev.crossfoot.extract;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.model.Unit;
import dev.crossfoot.parse.CsvHeader;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first {@code filing.yaml} for a directory of CSV tables, as {@code crossfoot init} writes it. Each table is read
 * as {@code crossfoot foot} reads a table without a filing.yaml, and keeps the id foot gives it (its file name), so
 * rules that foot emitted before still find it. The periods are the columns whose header names a year, newest
 * first. Units are guessed from what the table prints (a unit in a header, a currency sign in the figures, a
 * {@code %}), and every guess is listed at the top of the file for review; a table whose unit it cannot tell is
 * {@code unknown}, which checks each figure at the precision of its digits alone.
 *
 * @param yaml    the text of filing.yaml
 * @param guesses what was guessed, one line each, as the file lists them
 * @param periods the filing's periods
 */
public record FilingDraft(String yaml, List<String> guesses, List<String> periods) {

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])");
    private static final Pattern CURRENCY = Pattern.compile("US\\$|HK\\$|A\\$|C\\$|S\\$|RMB|\\$|£|€|¥");
    private static final Pattern THOUSANDS = Pattern.compile("(?i)thousands?|['’]000|\\b000s\\b");
    private static final Pattern MILLIONS = Pattern.compile("(?i)\\bmillions?\\b|\\bmn\\b");
    private static final Pattern BILLIONS = Pattern.compile("(?i)\\bbillions?\\b|\\bbn\\b");

    /**
     * @param dir      the directory, as the user named it
     * @param csvs     its CSV files, in the order the tables are to be listed
     * @param issuer   the issuer, or empty
     * @param document what the document is, or empty
     * @throws dev.crossfoot.model.InputException for a file that cannot be read as a CSV table at all
     */
    public static FilingDraft of(Path dir, List<Path> csvs, String issuer, String document) {
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> guesses = new ArrayList<>();
        for (Path csv : csvs) {
            Table t = FilingReader.readTable(csv).tables().values().iterator().next();
            String id = t.id();
            for (int k = 2; !ids.add(id); k++) {
                id = t.id() + "-" + k;
            }
            entries.add(entry(id, csv.getFileName().toString(), t, CsvHeader.of(csv), guesses));
        }
        List<String> periods = periods(entries);
        return new FilingDraft(yaml(dir, csvs.size(), issuer, document, periods, entries, guesses), List.copyOf(guesses), periods);
    }

    /** What filing.yaml says of one table. */
    private record Entry(String id, String file, String unit, Map<String, String> columns, Map<String, String> rows,
                         List<String> numericColumns) {
    }

    private static Entry entry(String id, String file, Table t, List<String> header, List<String> guesses) {
        List<String> texts = new ArrayList<>(header);
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> numeric = new ArrayList<>();
        for (String c : t.columns()) {
            List<Figure> figures = t.rows().stream().map(r -> r.cells().get(c)).filter(x -> x != null)
                    .map(Cell::figure).toList();
            boolean anyFigure = figures.stream().anyMatch(f -> f instanceof Figure.Amount || f instanceof Figure.Nil);
            boolean anyText = figures.stream().anyMatch(f -> f instanceof Figure.Marker m && m.printed().matches(".*[A-Za-z]{3,}.*"));
            if (!anyFigure && anyText) {
                columns.put(c, "text");
                guesses.add(id + ": column '" + c + "' is text: it holds no figure");
                continue;
            }
            numeric.add(c);
            if (c.contains("%") || c.toLowerCase(Locale.ROOT).contains("percent")) {
                columns.put(c, "%");
                guesses.add(id + ": column '" + c + "' is %: its header says so");
            } else if (anyFigure && figures.stream().filter(f -> f instanceof Figure.Amount).allMatch(FilingDraft::percent)) {
                columns.put(c, "%");
                guesses.add(id + ": column '" + c + "' is %: every figure in it ends in %");
            }
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (Row r : t.rows()) {
            List<Figure> amounts = r.cells().entrySet().stream().filter(e -> !columns.containsKey(e.getKey()))
                    .map(e -> e.getValue().figure()).filter(f -> f instanceof Figure.Amount).toList();
            if (!amounts.isEmpty() && amounts.stream().allMatch(FilingDraft::percent) && !r.label().isEmpty()) {
                rows.put(r.displayName(), "%");
                guesses.add(id + ": row '" + r.displayName() + "' is %: every figure in it ends in %");
            }
            for (Cell c : r.cells().values()) {
                texts.add(c.figure().printed());
            }
        }
        String unit = unit(header, texts);
        if (unit == null) {
            String seen = currency(texts);
            guesses.add(id + ": unit unknown: " + (seen == null ? "the table prints none" : "its figures carry '" + seen
                    + "' but no scale") + "; write the unit as the document prints it (such as RMB'000 or US$ million)");
            unit = Unit.UNKNOWN.printed();
        } else {
            guesses.add(id + ": unit " + unit + ", from what the table prints");
        }
        return new Entry(id, file, unit, columns, rows, numeric);
    }

    private static boolean percent(Figure f) {
        return f.printed().strip().endsWith("%") || f.printed().strip().endsWith("%)");
    }

    /** A currency and a scale the table prints, as a unit crossfoot reads ("US$ million"), or null. */
    private static String unit(List<String> header, List<String> texts) {
        String currency = currency(texts);
        String scale = null;
        for (String h : header) {
            if (THOUSANDS.matcher(h).find()) {
                scale = "'000";
            } else if (MILLIONS.matcher(h).find()) {
                scale = " million";
            } else if (BILLIONS.matcher(h).find()) {
                scale = " billion";
            }
            if (scale != null) {
                break;
            }
        }
        if (currency == null || scale == null) {
            return null;
        }
        String unit = currency + scale;
        try {
            Unit.parse(unit);
            return unit;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The one currency sign the texts carry ("$", "RMB", "HK$"), or null for none or several. */
    private static String currency(List<String> texts) {
        Set<String> seen = new LinkedHashSet<>();
        for (String t : texts) {
            Matcher m = CURRENCY.matcher(t);
            while (m.find()) {
                seen.add(m.group());
            }
        }
        return seen.size() == 1 ? seen.iterator().next() : null;
    }

    /** The columns whose header names a year (not a % column), newest first, then in the order first printed. */
    private static List<String> periods(List<Entry> entries) {
        List<String> found = new ArrayList<>();
        for (Entry e : entries) {
            for (String c : e.numericColumns()) {
                if (YEAR.matcher(c).find() && !"%".equals(e.columns().get(c)) && !found.contains(c)) {
                    found.add(c);
                }
            }
        }
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(FilingDraft::year).reversed().thenComparing(found::indexOf));
        return sorted;
    }

    private static int year(String column) {
        Matcher m = YEAR.matcher(column);
        int y = 0;
        while (m.find()) {
            y = Math.max(y, Integer.parseInt(m.group()));
        }
        return y;
    }

    private static String yaml(Path dir, int count, String issuer, String document, List<String> periods, List<Entry> entries,
                               List<String> guesses) {
        List<String> comments = new ArrayList<>();
        comments.add("Written by crossfoot init from the " + count + (count == 1 ? " CSV table in " : " CSV tables in ")
                + oneLine(dir.toString()) + ".");
        comments.add("What it guessed (check each against the document, and correct the units below):");
        for (String g : guesses) {
            comments.add("  " + oneLine(g));
        }
        return Yaml.write(comments, y -> {
            y.text("issuer", issuer).text("document", document).texts("periods", periods);
            y.list("tables");
            for (Entry e : entries) {
                y.item().text("id", e.id()).text("file", e.file()).text("unit", e.unit());
                FilingWriter.map(y, "columns", e.columns());
                FilingWriter.map(y, "rows", e.rows());
                y.end();
            }
            y.endList();
        });
    }

    /** Text for a YAML comment: one line, no control characters. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }
}
