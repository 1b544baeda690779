package dev.crossfoot.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A table of a filing as read from its CSV file: numeric columns in printed order, text columns,
 * and rows.
 */
public record Table(String id, String title, String file, Unit unit, List<String> columns,
                    List<String> textColumns, List<Row> rows) {

    public Table {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        columns = List.copyOf(columns);
        textColumns = List.copyOf(textColumns);
        rows = List.copyOf(rows);
    }

    /**
     * Finds the one row with this label (and section, when given), matching as {@link Labels} says.
     *
     * @param section the section, or null to match any section
     * @param label   the label; "(unlabelled)" means the empty label
     */
    public Row row(String section, String label) throws LookupException {
        String wanted = Labels.UNLABELLED.equalsIgnoreCase(label.strip()) ? "" : label;
        List<Row> exact = match(section, wanted, false);
        List<Row> found = exact.isEmpty() ? match(section, wanted, true) : exact;
        if (found.size() == 1) {
            return found.get(0);
        }
        String shown = (section == null ? "" : section + " > ") + Labels.display(wanted);
        if (found.isEmpty()) {
            String w = Labels.normalize(shown);
            String wl = Labels.normalize(Labels.display(wanted));
            List<String> near = rows.stream().filter(Row::hasFigures)
                    .sorted(java.util.Comparator.comparingInt((Row r) -> Math.min(
                            Labels.distance(w, Labels.normalize(r.displayName())),
                            Labels.distance(wl, Labels.normalize(Labels.display(r.label()))))))
                    .map(Row::displayName).distinct().limit(3).toList();
            throw new LookupException("table '" + id + "' (" + file + ") has no row '" + shown + "'"
                    + (near.isEmpty() ? "" : "; nearest: " + quoteAll(near)));
        }
        throw new LookupException("table '" + id + "' (" + file + ") has " + found.size() + " rows '" + shown
                + "' (lines " + found.stream().map(r -> String.valueOf(r.line())).collect(Collectors.joining(", "))
                + "); qualify the label with its section, e.g. '" + found.get(0).displayName() + "'");
    }

    private List<Row> match(String section, String label, boolean normalized) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (same(r.label(), label, normalized) && (section == null || same(r.section(), section, normalized))) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean same(String a, String b, boolean normalized) {
        return normalized ? Labels.normalize(a).equals(Labels.normalize(b)) : a.equals(b);
    }

    /** The numeric column with this name (exact, else normalised match). */
    public String column(String name) throws LookupException {
        for (String c : columns) {
            if (c.equals(name)) {
                return c;
            }
        }
        List<String> found = columns.stream().filter(c -> Labels.normalize(c).equals(Labels.normalize(name))).toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        if (textColumns.stream().anyMatch(c -> Labels.normalize(c).equals(Labels.normalize(name)))) {
            throw new LookupException("column '" + name + "' of table '" + id + "' is declared as text, not figures");
        }
        throw new LookupException("table '" + id + "' (" + file + ") has no column '" + name + "'; its columns: "
                + quoteAll(columns));
    }

    private static String quoteAll(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
