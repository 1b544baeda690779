package dev.crossfoot.result;

import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Unit;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A figure a check used: where it is, what was printed, and how it entered the check.
 *
 * @param key     the cell: table, row index, column
 * @param row     the row as references name it ("Section > Label", "(unlabelled)"), for display
 * @param value   the figure as a decimal in its own unit, or null when it is not a number
 * @param unit    the unit the figure is printed in
 * @param source  the CSV file and line of the figure
 * @param weight  the factor the figure was multiplied by (1, -1, ...); null for the reported figure
 */
public record CellUse(CellKey key, String row, String printed, BigDecimal value, Unit unit, SourceLocation source,
                      Role role, BigDecimal weight) {

    /** How a figure entered a check. */
    public enum Role {
        REPORTED, TERM, NUMERATOR, DENOMINATOR;

        /** The name used in JSON. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CellUse {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(role, "role");
    }

    public String table() {
        return key.table();
    }

    public String column() {
        return key.column();
    }

    public String file() {
        return source.file();
    }

    public int line() {
        return source.line();
    }

    /** "table[row][column]", as messages name a figure. */
    public String name() {
        return key.table() + "[" + row + "][" + key.column() + "]";
    }
}
