package dev.crossfoot.check;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;

/** A rule's reference resolved to one cell of one table. */
record Resolved(Table table, Row row, String column, Cell cell) {

    String name() {
        return table.id() + "[" + row.displayName() + "][" + column + "]";
    }
}
