package dev.crossfoot.check;

import dev.crossfoot.model.Labels;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.rules.StandardPack;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every form asks of a filing's tables again, worked out once per filing: each matrix's periods, and each
 * column's normalised header, the item it is printed as, and its identity.
 */
final class EquityTables {

    /** What a column is: an item printed as a column, else its header (normalised). */
    record Identity(String item, String header) {
        String slug() {
            return item != null ? item : header.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
    }

    private final FilingRows resolver;
    private final StandardPack pack;
    private final Map<Table, List<EquityMatrices.Period>> periods = new IdentityHashMap<>();
    private final Map<Table, List<String>> headers = new IdentityHashMap<>();
    /** By table, then item: its one column, or null. */
    private final Map<Table, Map<String, String>> itemColumns = new IdentityHashMap<>();
    /** By table, then column. */
    private final Map<Table, Map<String, Identity>> identities = new IdentityHashMap<>();

    EquityTables(FilingRows resolver) {
        this.resolver = resolver;
        this.pack = resolver.pack();
    }

    /** The table's columns' headers, normalised, in the order of its columns. */
    List<String> headers(Table t) {
        List<String> h = headers.get(t);
        if (h == null) {
            List<String> out = new ArrayList<>();
            for (String c : t.columns()) {
                out.add(Labels.normalize(c));
            }
            h = List.copyOf(out);
            headers.put(t, h);
        }
        return h;
    }

    /** The periods of a matrix: consecutive dated balance rows a year apart. */
    List<EquityMatrices.Period> periods(Table t) {
        List<EquityMatrices.Period> p = periods.get(t);
        if (p == null) {
            p = List.copyOf(findPeriods(t));
            periods.put(t, p);
        }
        return p;
    }

    private List<EquityMatrices.Period> findPeriods(Table t) {
        StandardPack.Item balance = pack.items().get(StandardPack.BALANCE);
        if (balance == null) {
            return List.of();
        }
        List<FilingRows.Named> named = resolver.rows(t);
        List<Row> rows = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (FilingRows.Named n : named) {
            LocalDate d = FilingRows.matchesAny(List.of(n), balance.labels()) ? EquityMatrices.date(n.row().label()) : null;
            if (d != null) {
                rows.add(n.row());
                dates.add(d);
            }
        }
        List<EquityMatrices.Period> out = new ArrayList<>();
        for (int i = 0; i + 1 < rows.size(); i++) {
            long days = ChronoUnit.DAYS.between(dates.get(i), dates.get(i + 1));
            if (days >= 300 && days <= 400) {
                Row open = rows.get(i);
                Row close = rows.get(i + 1);
                List<FilingRows.Named> between = new ArrayList<>();
                for (FilingRows.Named n : named) {
                    if (n.row().index() > open.index() && n.row().index() < close.index()) {
                        between.add(n);
                    }
                }
                out.add(new EquityMatrices.Period(t, open, close, dates.get(i), dates.get(i + 1), List.copyOf(between)));
            }
        }
        return out;
    }

    /** The one column of the matrix printed as the item, by its first column variant that matches exactly one column. */
    String itemColumn(Table t, String item) {
        Map<String, String> byItem = itemColumns.get(t);
        if (byItem == null) {
            byItem = new HashMap<>();
            itemColumns.put(t, byItem);
        } else if (byItem.containsKey(item)) {
            return byItem.get(item);
        }
        String found = findItemColumn(t, item);
        byItem.put(item, found);
        return found;
    }

    private String findItemColumn(Table t, String item) {
        List<String> cols = t.columns();
        List<String> norm = headers(t);
        for (StandardPack.ColumnVariant v : pack.items().get(item).columns()) {
            String one = null;
            int found = 0;
            for (int i = 0; i < cols.size(); i++) {
                if (!FilingRows.matches(v.label(), norm.get(i))) {
                    continue;
                }
                boolean last = i == cols.size() - 1;
                if (v.last() && !last || v.next() != null && (last || !FilingRows.matches(v.next(), norm.get(i + 1)))) {
                    continue;
                }
                one = cols.get(i);
                found++;
            }
            if (found == 1) {
                return one;
            }
        }
        return null;
    }

    /** What a column is: the item printed as it, else its header (normalised). */
    Identity identity(Table t, String column) {
        Map<String, Identity> byColumn = identities.get(t);
        if (byColumn == null) {
            byColumn = new HashMap<>();
            identities.put(t, byColumn);
        }
        Identity id = byColumn.get(column);
        if (id == null) {
            id = findIdentity(t, column);
            byColumn.put(column, id);
        }
        return id;
    }

    private Identity findIdentity(Table t, String column) {
        for (StandardPack.Item item : pack.items().values()) {
            if (!item.columns().isEmpty() && column.equals(itemColumn(t, item.id()))) {
                return new Identity(item.id(), null);
            }
        }
        return new Identity(null, Labels.normalize(column));
    }

    /** Whether a column of the table is headed as the item (by any of its column variants). */
    boolean printsColumn(Table t, String item) {
        List<StandardPack.ColumnVariant> variants = pack.items().get(item).columns();
        for (String h : headers(t)) {
            for (StandardPack.ColumnVariant v : variants) {
                if (FilingRows.matches(v.label(), h)) {
                    return true;
                }
            }
        }
        return false;
    }
}
