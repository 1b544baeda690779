package dev.crossfoot.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The result of one check: one rule applied to one column (and, for rules over several rows, one row).
 * Figures are in the reported figure's unit, as exact decimals.
 *
 * @param id         a stable identifier: rule id, column and (where the rule spans rows) row
 * @param reported   the reported figure as printed
 * @param computed   what the other side of the rule gives, or null when it could not be evaluated
 * @param difference computed minus reported value
 * @param tolerance  how far apart the two may be given how they were rounded (plus any widening asked for)
 * @param exact      whether the computed figure, rounded to the reported figure's printed precision, equals it
 * @param message    a one-line explanation: why a check failed, warned or could not run; empty on a pass
 */
public record Finding(String id, String rule, String title, String kind, Severity severity, Status status,
                      String table, String row, String column, String unit,
                      String reported, BigDecimal reportedValue, BigDecimal computed, BigDecimal difference,
                      BigDecimal tolerance, boolean exact, String message, String file, int line,
                      List<CellUse> cells) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        cells = List.copyOf(cells);
    }
}
