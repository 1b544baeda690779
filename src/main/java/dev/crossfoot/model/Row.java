package dev.crossfoot.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a table: an optional section (the heading it sits under), its label as printed (empty
 * for an unlabelled subtotal) and its figures by column name.
 */
public record Row(int index, String section, String label, Map<String, Cell> cells, int line) {

    public Row {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(label, "label");
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** "Section > Label", or just the label when there is no section; "(unlabelled)" for an empty label. */
    public String displayName() {
        String l = Labels.display(label);
        return section.isEmpty() ? l : section + " > " + l;
    }

    /** A copy of this row with one cell replaced. */
    public Row withCell(Cell cell) {
        Map<String, Cell> copy = new LinkedHashMap<>(cells);
        copy.put(cell.column(), cell);
        return new Row(index, section, label, copy, line);
    }

    public boolean hasFigures() {
        for (Cell c : cells.values()) { // a loop, not a stream: asked of every row many times
            if (!(c.figure() instanceof Figure.Blank)) {
                return true;
            }
        }
        return false;
    }
}
