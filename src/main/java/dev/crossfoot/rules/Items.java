package dev.crossfoot.rules;

import java.util.List;

/** The rows a sum adds: listed one by one, or every row from one label to another (inclusive). */
public sealed interface Items permits Items.Listed, Items.Range {

    record Listed(List<RowRef> rows) implements Items {
        public Listed {
            rows = List.copyOf(rows);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no items listed");
            }
        }
    }

    /** Every row with figures from {@code from} to {@code to}, in printed order, both included. */
    record Range(RowRef from, RowRef to) implements Items {
    }
}
