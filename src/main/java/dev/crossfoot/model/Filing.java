package dev.crossfoot.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A filing: the tables of one announcement, as described by its filing.yaml.
 *
 * @param path    the filing directory as the user named it
 * @param periods the period column names, newest first (e.g. "2023", "2022")
 */
public record Filing(String path, String issuer, String document, List<String> periods, Map<String, Table> tables) {

    public Filing {
        Objects.requireNonNull(path, "path");
        periods = List.copyOf(periods);
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** A copy of this filing with one table replaced. */
    public Filing withTable(Table table) {
        Map<String, Table> copy = new LinkedHashMap<>(tables);
        copy.put(table.id(), table);
        return new Filing(path, issuer, document, periods, copy);
    }

    public Table table(String id) throws LookupException {
        Table t = tables.get(id);
        if (t == null) {
            List<String> near = Labels.nearest(id, List.copyOf(tables.keySet()), 3);
            throw new LookupException("filing.yaml declares no table '" + id + "'"
                    + (near.isEmpty() ? "" : "; nearest: " + String.join(", ", near)));
        }
        return t;
    }
}
