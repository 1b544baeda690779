package dev.crossfoot.result;

import java.util.Objects;

/**
 * Where a figure sits in a filing: a table (by id), a row (by its index in the table, from 0, in printed
 * order) and a column (by name). Two rows may print the same label, even the same section and label (two
 * unlabelled subtotals); their keys still differ. Renderers join figures to checks by this key, never by
 * the text they display.
 */
public record CellKey(String table, int row, String column) {

    public CellKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        if (row < 0) {
            throw new IllegalArgumentException("row index must be >= 0");
        }
    }

    // equals and hashCode as a record's generated ones (the same hash, so maps iterate in the same order), written
    // out: the generated ones are bootstrapped at their first call, which a one-filing run pays for.
    @Override
    public boolean equals(Object o) {
        return o instanceof CellKey k && row == k.row && table.equals(k.table) && column.equals(k.column);
    }

    @Override
    public int hashCode() {
        return (table.hashCode() * 31 + Integer.hashCode(row)) * 31 + column.hashCode();
    }
}
