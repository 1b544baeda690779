package dev.crossfoot.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table of a filing as read from its CSV file: numeric columns in printed order, text columns,
 * and rows. Immutable; rows are indexed by label for lookups.
 */
public final class Table {

    /**
     * What a table may be declared to be in filing.yaml ({@code role:}), so that rules can address tables by role:
     * the primary statements, the note on earnings per share (where the weighted average number of shares is
     * printed), another note, a table of the management discussion, or other.
     */
    public static final List<String> ROLES = List.of("income-statement", "comprehensive-income", "balance-sheet",
            "cash-flows", "changes-in-equity", "earnings-per-share", "note", "mdna", "other");

    private final String id;
    private String role = "";
    private final String title;
    private final String file;
    private final Unit unit;
    private final List<String> columns;
    private final List<String> textColumns;
    private final List<Row> rows;
    private final Map<String, List<Row>> byLabel;
    /**
     * Rows by normalised label, built when a lookup first needs it (most look-ups match a label exactly, and
     * normalising every label of every table was a tenth of building the tables); once built it never changes, so
     * threads that race to build it build equal maps and any one may be kept.
     */
    private volatile Map<String, List<Row>> byNormalizedLabel;
    /** Numeric columns by exact name, and by normalised name (all that share it), so a lookup is one step. */
    private final Set<String> columnSet;
    private final Map<String, List<String>> columnsByNormalized;
    private final Set<String> normalizedTextColumns;

    public Table(String id, String title, String file, Unit unit, List<String> columns, List<String> textColumns,
                 List<Row> rows) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = title;
        this.file = Objects.requireNonNull(file, "file");
        this.unit = unit;
        this.columns = List.copyOf(columns);
        this.textColumns = List.copyOf(textColumns);
        this.rows = List.copyOf(rows);
        this.columnSet = new HashSet<>(this.columns);
        this.byLabel = new HashMap<>();
        this.columnsByNormalized = new HashMap<>();
        this.normalizedTextColumns = new HashSet<>();
        for (String c : this.columns) {
            columnsByNormalized.computeIfAbsent(Labels.normalize(c), k -> new ArrayList<>()).add(c);
        }
        for (String c : this.textColumns) {
            normalizedTextColumns.add(Labels.normalize(c));
        }
        for (Row r : this.rows) {
            byLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r);
        }
    }

    private Table(Table from) {
        this.id = from.id;
        this.title = from.title;
        this.file = from.file;
        this.unit = from.unit;
        this.columns = from.columns;
        this.textColumns = from.textColumns;
        this.rows = from.rows;
        this.columnSet = from.columnSet;
        this.byLabel = from.byLabel;
        this.byNormalizedLabel = from.byNormalizedLabel; // the same rows: the same map, or null until needed
        this.columnsByNormalized = from.columnsByNormalized;
        this.normalizedTextColumns = from.normalizedTextColumns;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The table's role (one of {@link #ROLES}), or "" when the filing does not say. */
    public String role() {
        return role;
    }

    /** A copy of this table with the given role (sharing its rows and indexes, which nothing changes). */
    public Table withRole(String role) {
        Table t = new Table(this);
        t.role = Objects.requireNonNull(role, "role");
        return t;
    }

    /** The CSV file, relative to the filing directory. */
    public String file() {
        return file;
    }

    public Unit unit() {
        return unit;
    }

    /** The numeric columns, in printed order. */
    public List<String> columns() {
        return columns;
    }

    public List<String> textColumns() {
        return textColumns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** A copy of this table with one row replaced (same index). */
    public Table withRow(Row row) {
        List<Row> copy = new ArrayList<>(rows);
        copy.set(row.index(), row);
        Table t = new Table(id, title, file, unit, columns, textColumns, copy);
        t.role = role;
        return t;
    }

    /**
     * Finds the one row with this label (and section, when given), matching as {@link Labels} says.
     *
     * @param section the section, or null to match any section
     * @param label   the label; "(unlabelled)" means the empty label
     */
    public Row row(String section, String label) throws LookupException {
        String wanted = Labels.UNLABELLED.equalsIgnoreCase(label.strip()) ? "" : label;
        List<Row> exact = filter(byLabel.getOrDefault(wanted, List.of()), section, false);
        List<Row> found = exact.isEmpty()
                ? filter(byNormalizedLabel().getOrDefault(Labels.normalize(wanted), List.of()), section, true) : exact;
        if (found.size() == 1) {
            return found.get(0);
        }
        String shown = (section == null ? "" : section + " > ") + Labels.display(wanted);
        java.util.regex.Matcher occurrence = OCCURRENCE.matcher(label);
        if (found.isEmpty() && occurrence.matches()) {
            List<Row> same = occurrences(section, occurrence.group(1));
            int k = Integer.parseInt(occurrence.group(2));
            if (k >= 1 && k <= same.size()) {
                return same.get(k - 1);
            }
        }
        if (found.isEmpty()) {
            String w = Labels.normalize(shown);
            String wl = Labels.normalize(Labels.display(wanted));
            List<String> near = rows.stream().filter(Row::hasFigures)
                    .sorted(Comparator.comparingInt((Row r) -> Math.min(
                            Labels.distance(w, Labels.normalize(r.displayName())),
                            Labels.distance(wl, Labels.normalize(Labels.display(r.label()))))))
                    .map(Row::displayName).distinct().limit(3).toList();
            throw new LookupException("table '" + id + "' (" + file + ") has no row " + Printable.quoted(shown)
                    + (near.isEmpty() ? "" : "; nearest: " + quoteAll(near)));
        }
        throw new LookupException("table '" + id + "' (" + file + ") has " + found.size() + " rows " + Printable.quoted(shown)
                + " (lines " + found.stream().map(r -> String.valueOf(r.line())).collect(Collectors.joining(", "))
                + "); qualify the label with its section, e.g. " + Printable.quoted(found.get(0).displayName()) + ", or name one by "
                + "its occurrence, e.g. '" + Labels.display(wanted) + " #2'");
    }

    private Map<String, List<Row>> byNormalizedLabel() {
        Map<String, List<Row>> m = byNormalizedLabel;
        if (m == null) {
            m = new HashMap<>();
            for (Row r : rows) {
                m.computeIfAbsent(Labels.normalize(r.label()), k -> new ArrayList<>()).add(r);
            }
            byNormalizedLabel = m;
        }
        return m;
    }

    /** "Label #2": the second row of that label (after the label's own exact and normalised match found none). */
    private static final java.util.regex.Pattern OCCURRENCE = java.util.regex.Pattern.compile("(.*\\S)\\s+#([0-9]{1,6})");

    /** The rows a plain lookup of this label (and section) finds, in printed order. */
    private List<Row> occurrences(String section, String label) {
        String wanted = Labels.UNLABELLED.equalsIgnoreCase(label.strip()) ? "" : label;
        List<Row> exact = filter(byLabel.getOrDefault(wanted, List.of()), section, false);
        List<Row> found = exact.isEmpty()
                ? filter(byNormalizedLabel().getOrDefault(Labels.normalize(wanted), List.of()), section, true) : exact;
        return found.stream().sorted(Comparator.comparingInt(Row::index)).toList();
    }

    private static List<Row> filter(List<Row> candidates, String section, boolean normalized) {
        if (section == null) {
            return candidates;
        }
        String want = normalized ? Labels.normalize(section) : section;
        List<Row> out = new ArrayList<>();
        for (Row r : candidates) {
            String s = normalized ? Labels.normalize(r.section()) : r.section();
            if (s.equals(want)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The numeric column with this name (exact, else normalised match). */
    public String column(String name) throws LookupException {
        if (columnSet.contains(name)) {
            return name;
        }
        String normalized = Labels.normalize(name);
        List<String> found = columnsByNormalized.getOrDefault(normalized, List.of());
        if (found.size() == 1) {
            return found.get(0);
        }
        if (normalizedTextColumns.contains(normalized)) {
            throw new LookupException("column '" + name + "' of table '" + id + "' is declared as text, not figures");
        }
        throw new LookupException("table '" + id + "' (" + file + ") has no column " + Printable.quoted(name) + "; its columns: "
                + quoteAll(columns));
    }

    private static String quoteAll(List<String> names) {
        return names.stream().map(Printable::quoted).collect(Collectors.joining(", "));
    }
}
