package dev.crossfoot.extract;

import dev.crossfoot.model.NarrativeFigure;
import java.util.List;
import java.util.Map;

/**
 * What {@link Extractor} found in an announcement: its numeric tables, the markers its footnotes define, and
 * notices about lines it could not place or placed by judgement (each with its line in the announcement), and the
 * figures of its prose ({@link dev.crossfoot.extract.narrative.NarrativeReader}).
 */
public record Extraction(String source, String issuer, String document, List<String> periods, List<Table> tables,
                         Map<String, Marker> markers, List<Notice> notices, List<Integer> pageStarts,
                         List<NarrativeFigure> narrative) {

    /** An extraction without narrative figures. */
    public Extraction(String source, String issuer, String document, List<String> periods, List<Table> tables,
                      Map<String, Marker> markers, List<Notice> notices, List<Integer> pageStarts) {
        this(source, issuer, document, periods, tables, markers, notices, pageStarts, List.of());
    }

    public Extraction {
        narrative = List.copyOf(narrative);
        pageStarts = List.copyOf(pageStarts);
        periods = List.copyOf(periods);
        tables = List.copyOf(tables);
        markers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(markers));
        notices = List.copyOf(notices);
    }

    /** Whether the announcement was a PDF (its lines are then counted per page, see {@link #at}). */
    public boolean paged() {
        return !pageStarts.isEmpty();
    }

    /** The page a line of the document is on (1 for a text). */
    public int page(int line) {
        int p = 1;
        for (int i = 0; i < pageStarts.size(); i++) {
            if (pageStarts.get(i) <= line) {
                p = i + 1;
            }
        }
        return p;
    }

    /** Where a line of the document is, as a reader finds it: "12" in a text, "page 3, line 12" in a PDF. */
    public String at(int line) {
        if (!paged()) {
            return String.valueOf(line);
        }
        int p = page(line);
        return "page " + p + ", line " + (line - pageStarts.get(p - 1) + 1);
    }

    /**
     * One extracted table, cells as printed (markup removed).
     *
     * @param role what the table is: {@code income-statement}, {@code comprehensive-income}, {@code balance-sheet},
     *             {@code cash-flows}, {@code changes-in-equity}, {@code note}, {@code mdna} or {@code other}
     */
    public record Table(String id, String title, String role, int firstLine, int lastLine, String unit,
                        List<String> columns, Map<String, String> columnUnits, Map<String, String> rowUnits,
                        List<Row> rows) {
        public Table {
            columns = List.copyOf(columns);
            columnUnits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnUnits));
            rowUnits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowUnits));
            rows = List.copyOf(rows);
        }

        /** Whether any row sits in a section (the CSV then has a section column). */
        public boolean hasSections() {
            return rows.stream().anyMatch(r -> !r.section().isEmpty());
        }

        /** The CSV file name. */
        public String file() {
            return id + ".csv";
        }
    }

    /** One row: the line it was printed on, its section ("" at top level), its label and one cell per column. */
    public record Row(int line, String section, String label, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A marker with the range it stands for, in {@code unit} (min, max and unit are null for a marker of text). */
    public record Marker(String text, String meaning, String min, String max, String unit) {
    }

    /** Something the user should know, at a line of the announcement. */
    public record Notice(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }
}
