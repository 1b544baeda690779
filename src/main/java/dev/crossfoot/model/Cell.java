package dev.crossfoot.model;

import java.util.Objects;

/** One figure of a table, with the unit it is printed in and where it was read. */
public record Cell(String column, Figure figure, Unit unit, SourceLocation location) {
    public Cell {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(location, "location");
    }

    public String printed() {
        return figure.printed();
    }
}
