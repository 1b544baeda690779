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
 * @param diagnoses  for a failure: the arithmetic explanations that fit the numbers (a sign flipped, digits
 *                   transposed, an item omitted, a unit slip), each one line; empty otherwise
 * @param known      the failure is recorded in the baseline given with --baseline, with the same figures:
 *                   reported, but not counted as failing
 */
public record Finding(String id, String rule, String title, String kind, Severity severity, Status status,
                      String table, String row, String column, String unit,
                      String reported, BigDecimal reportedValue, BigDecimal computed, BigDecimal difference,
                      BigDecimal tolerance, boolean exact, String message, String file, int line,
                      List<CellUse> cells, List<String> diagnoses, boolean known) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        cells = List.copyOf(cells);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /** A finding not in any baseline. */
    public Finding(String id, String rule, String title, String kind, Severity severity, Status status,
                   String table, String row, String column, String unit,
                   String reported, BigDecimal reportedValue, BigDecimal computed, BigDecimal difference,
                   BigDecimal tolerance, boolean exact, String message, String file, int line,
                   List<CellUse> cells, List<String> diagnoses) {
        this(id, rule, title, kind, severity, status, table, row, column, unit, reported, reportedValue, computed,
                difference, tolerance, exact, message, file, line, cells, diagnoses, false);
    }

    public Finding withDiagnoses(List<String> more) {
        List<String> all = new java.util.ArrayList<>(diagnoses);
        all.addAll(more);
        return new Finding(id, rule, title, kind, severity, status, table, row, column, unit, reported, reportedValue,
                computed, difference, tolerance, exact, message, file, line, cells, all, known);
    }

    public Finding asKnown() {
        return new Finding(id, rule, title, kind, severity, status, table, row, column, unit, reported, reportedValue,
                computed, difference, tolerance, exact, message, file, line, cells, diagnoses, true);
    }

    /** Whether this finding counts against the run: not a pass, and not a known (baselined) failure. */
    public boolean isNew() {
        return status != Status.PASS && !known;
    }

    /**
     * A stable fingerprint of what this check is about and the figures it saw: rule, table, row, column
     * and every printed figure it used, but no file line, so it survives unrelated lines moving.
     * Hex SHA-256, 16 characters.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        sb.append(rule).append('\u001F').append(table).append('\u001F').append(row).append('\u001F').append(column);
        for (CellUse c : cells) {
            sb.append('\u001F').append(c.table()).append('|').append(c.row()).append('|').append(c.column()).append('|').append(c.printed());
        }
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint of the check alone (rule, table, row, column), without its figures. */
    public String location() {
        return rule + "@" + table + "[" + row + "][" + column + "]";
    }
}
