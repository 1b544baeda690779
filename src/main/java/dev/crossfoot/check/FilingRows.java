package dev.crossfoot.check;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.rules.StandardPack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the standard pack finds in one filing's tables, worked out once per table and kept for every form that asks
 * again: its rows with figures with their labels and sections normalised (the one path by which items' label
 * variants are matched), the one row printed as an item, whether an item is printed at all, the names rules give its
 * rows, which of its rows are deductions, and (for {@link EquityMatrices}) its columns and periods.
 */
class FilingRows {

    /** A row with its label and section as labels are matched (normalised). */
    record Named(Row row, String label, String section) {
        boolean matches(StandardPack.Variant v) {
            return FilingRows.matches(v.label(), label) && (v.section() == null || FilingRows.matches(v.section(), section));
        }
    }

    /**
     * Whether the pattern matches the whole text. Most of the pack's label patterns are a quoted literal
     * ({@code \Q...\E}, as the pack reader makes of a plain label), which matches exactly the text equal to it:
     * that is compared as text, without a matcher.
     */
    static boolean matches(Pattern p, String text) {
        String q = p.pattern();
        int n = q.length();
        if (n >= 4 && p.flags() == 0 && q.startsWith("\\Q") && q.indexOf("\\E", 2) == n - 2) {
            return text.length() == n - 4 && q.regionMatches(2, text, 0, n - 4);
        }
        return p.matcher(text).matches();
    }

    private final Filing filing;
    private final StandardPack pack;
    /** By table id, then item: the row printed as the item, or null. */
    private final Map<String, Map<String, Row>> found = new HashMap<>();
    private final Map<Table, List<Named>> named = new IdentityHashMap<>();
    /** By table: how rules name its rows, by row index, filled in as asked. */
    private final Map<Table, String[]> names = new IdentityHashMap<>();
    /** By table: its rows with figures printed as an item that is a deduction (whose sign the table does not tell). */
    private final Map<Table, List<Row>> deductions = new IdentityHashMap<>();
    /** By table id, then item: whether a row with figures is printed as the item. */
    private final Map<String, Map<String, Boolean>> printed = new HashMap<>();
    private final Map<String, List<Table>> roles = new HashMap<>();
    private EquityTables equity;

    FilingRows(Filing filing, StandardPack pack) {
        this.filing = filing;
        this.pack = pack;
    }

    StandardPack pack() {
        return pack;
    }

    List<Table> byRole(String role) {
        List<Table> tables = roles.get(role);
        if (tables == null) {
            List<Table> out = new ArrayList<>();
            for (Table t : filing.tables().values()) {
                if (role.equals(t.role())) {
                    out.add(t);
                }
            }
            tables = List.copyOf(out);
            roles.put(role, tables);
        }
        return tables;
    }

    /** What {@link EquityMatrices} keeps of this filing's tables for all the forms that read them. */
    EquityTables equity() {
        if (equity == null) {
            equity = new EquityTables(this);
        }
        return equity;
    }

    /** The one row of the table printed as the item, or null. */
    Row row(Table t, String item) {
        Map<String, Row> byItem = found.get(t.id());
        if (byItem == null) {
            byItem = new HashMap<>();
            found.put(t.id(), byItem);
        } else if (byItem.containsKey(item)) {
            return byItem.get(item);
        }
        Row row = null;
        List<Named> named = rows(t);
        for (StandardPack.Variant v : pack.items().get(item).labels()) {
            List<Row> matches = new ArrayList<>();
            for (Named n : named) {
                if (n.matches(v)) {
                    matches.add(n.row());
                }
            }
            if (allSamePrinted(matches)) {
                row = matches.get(0);
                break;
            }
        }
        byItem.put(item, row);
        return row;
    }

    /** Whether some row with figures of the table is printed as the item (by any of its label variants). */
    boolean prints(Table t, String item) {
        Map<String, Boolean> byItem = printed.get(t.id());
        if (byItem == null) {
            byItem = new HashMap<>();
            printed.put(t.id(), byItem);
        }
        Boolean known = byItem.get(item);
        if (known == null) {
            known = matchesAny(rows(t), pack.items().get(item).labels());
            byItem.put(item, known);
        }
        return known;
    }

    /** A table's rows with figures, each with its label and section normalised once (every item's variants are matched against them). */
    List<Named> rows(Table t) {
        List<Named> rows = named.get(t);
        if (rows == null) {
            List<Named> out = new ArrayList<>();
            for (Row r : t.rows()) {
                if (r.hasFigures()) {
                    out.add(new Named(r, Labels.normalize(r.label()), Labels.normalize(r.section())));
                }
            }
            rows = List.copyOf(out);
            named.put(t, rows);
        }
        return rows;
    }

    /** How a rule names the row: its label, or "Label #k" when other rows of its section share the label. */
    String name(Table t, Row r) {
        String[] known = names.get(t);
        if (known == null) {
            known = namesOf(t);
            names.put(t, known);
        }
        int i = r.index();
        return i >= 0 && i < known.length && t.rows().get(i) == r ? known[i] : nameOf(t, r);
    }

    /** {@link #name} of every row of the table, by position, each label normalised once. */
    private static String[] namesOf(Table t) {
        List<Row> rows = t.rows();
        String[] out = new String[rows.size()];
        for (int i = 1; i < out.length; i++) {
            if (rows.get(i).index() <= rows.get(i - 1).index()) { // not in printed order: one by one
                for (int j = 0; j < out.length; j++) {
                    out[j] = nameOf(t, rows.get(j));
                }
                return out;
            }
        }
        String[] norm = new String[out.length];
        Map<String, Map<String, int[]>> same = new HashMap<>(); // by section and label: {rows, rows met so far}
        for (int i = 0; i < out.length; i++) {
            Row r = rows.get(i);
            norm[i] = Labels.normalize(r.label());
            counter(same, r.section(), norm[i])[0]++;
        }
        // in printed order, the k-th row of its section and label is the k-th met
        for (int i = 0; i < out.length; i++) {
            Row r = rows.get(i);
            String label = r.label().isEmpty() ? Labels.UNLABELLED : r.label();
            int[] count = counter(same, r.section(), norm[i]);
            int k = ++count[1];
            out[i] = count[0] == 1 ? label : label + " #" + k;
        }
        return out;
    }

    private static int[] counter(Map<String, Map<String, int[]>> counts, String section, String label) {
        Map<String, int[]> bySection = counts.get(section);
        if (bySection == null) {
            bySection = new HashMap<>();
            counts.put(section, bySection);
        }
        int[] count = bySection.get(label);
        if (count == null) {
            count = new int[2];
            bySection.put(label, count);
        }
        return count;
    }

    /** Whether two rows print the same figures in every column (a line printed twice, as profit for the year often is). */
    static boolean samePrinted(Row a, Row b) {
        for (Map.Entry<String, Cell> e : a.cells().entrySet()) {
            Cell other = b.cells().get(e.getKey());
            if (other == null || !other.printed().equals(e.getValue().printed())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the rows are one, or several that print the same figures; false for none. */
    static boolean allSamePrinted(List<Row> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        for (Row r : rows) {
            if (!samePrinted(r, rows.get(0))) {
                return false;
            }
        }
        return true;
    }

    /** Whether one of the rows matches one of the variants. */
    static boolean matchesAny(List<Named> rows, List<StandardPack.Variant> variants) {
        for (Named n : rows) {
            for (StandardPack.Variant v : variants) {
                if (n.matches(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first of the tables that prints every one of the items, or null. */
    Table firstPrintingAll(List<Table> tables, List<String> items) {
        for (Table t : tables) {
            if (firstMissing(t, items) == null) {
                return t;
            }
        }
        return null;
    }

    /** The first of the items the table does not print, or null when it prints them all. */
    String firstMissing(Table t, List<String> items) {
        for (String i : items) {
            if (row(t, i) == null) {
                return i;
            }
        }
        return null;
    }

    private static String nameOf(Table t, Row r) {
        String label = r.label().isEmpty() ? Labels.UNLABELLED : r.label();
        String norm = Labels.normalize(r.label());
        int k = 0;
        int same = 0;
        for (Row o : t.rows()) {
            if (o.section().equals(r.section()) && Labels.normalize(o.label()).equals(norm)) {
                same++;
                if (o.index() <= r.index()) {
                    k++;
                }
            }
        }
        return same == 1 ? label : label + " #" + k;
    }

    /** The table's rows with figures printed as an item that is a deduction and whose sign the table does not tell. */
    List<Row> deductions(Table t) {
        List<Row> rows = deductions.get(t);
        if (rows == null) {
            rows = new ArrayList<>();
            for (Named n : rows(t)) {
                for (StandardPack.Item i : pack.items().values()) {
                    if (i.deduction() && !i.byTable() && matchesAny(List.of(n), i.labels())) {
                        rows.add(n.row());
                        break;
                    }
                }
            }
            deductions.put(t, rows);
        }
        return rows;
    }
}
