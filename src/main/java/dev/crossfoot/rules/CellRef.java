package dev.crossfoot.rules;

import java.util.Objects;

/**
 * A cell named in an expression: {@code table[Section > Label][Column]}.
 *
 * @param table  the table id, or null for the rule's own table
 * @param row    the row
 * @param column the column, or null for the column the rule is being checked for
 */
public record CellRef(String table, RowRef row, String column) {

    public CellRef {
        Objects.requireNonNull(row, "row");
    }

    @Override
    public String toString() {
        return (table == null ? "" : table) + "[" + row + "]" + (column == null ? "" : "[" + column + "]");
    }
}
