package dev.crossfoot.result;

import dev.crossfoot.model.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of one check: one rule applied to one column (and, for rules over several rows, one row).
 * Figures are in the reported figure's unit, as exact decimals.
 *
 * @param id        a stable identifier: rule id, column and (where the rule spans rows) row
 * @param check     the rule checked: id, title, kind, severity
 * @param column    the column the check is for
 * @param figures   reported, computed, difference, tolerance and whether the figures cast exactly
 * @param message   a one-line explanation: why a check failed, warned or could not run; empty on a pass
 * @param cells     every figure the check used, the reported figure first
 * @param diagnoses for a failure: the arithmetic explanations that fit the numbers; empty otherwise
 * @param known     the failure is recorded in the baseline given with --baseline, with the same figures:
 *                  reported, but not counted as failing
 * @param narrated  for a narrative check, the sentence that printed the reported figure; else null
 */
public record Finding(String id, CheckedRule check, String column, Status status, Figures figures, String message,
                      List<CellUse> cells, List<Diagnosis> diagnoses, boolean known, Narrated narrated) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(figures, "figures");
        message = message == null ? "" : message;
        cells = List.copyOf(cells);
        if (cells.isEmpty() || cells.get(0).role() != CellUse.Role.REPORTED) {
            throw new IllegalArgumentException("a finding's first cell is its reported figure");
        }
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /** A finding of a rule (not a narrative check). */
    public Finding(String id, CheckedRule check, String column, Status status, Figures figures, String message,
                   List<CellUse> cells, List<Diagnosis> diagnoses, boolean known) {
        this(id, check, column, status, figures, message, cells, diagnoses, known, null);
    }

    /** A finding not in any baseline, without diagnoses (they are added once all findings are known). */
    public Finding(String id, CheckedRule check, String column, Status status, Figures figures, String message,
                   List<CellUse> cells) {
        this(id, check, column, status, figures, message, cells, List.of(), false);
    }

    public Finding withDiagnoses(List<Diagnosis> more) {
        List<Diagnosis> all = new ArrayList<>(diagnoses);
        all.addAll(more);
        return new Finding(id, check, column, status, figures, message, cells, all, known, narrated);
    }

    /** This finding with a note added to its message (a pass that agrees only in a way worth saying). */
    public Finding withNote(String note) {
        return new Finding(id, check, column, status, figures, message.isEmpty() ? note : message + "; " + note, cells,
                diagnoses, known, narrated);
    }

    public Finding asKnown() {
        return new Finding(id, check, column, status, figures, message, cells, diagnoses, true, narrated);
    }

    /** The reported figure: the cell the check is about. */
    public CellUse reportedCell() {
        return cells.get(0);
    }

    /** The rule's id. */
    public String rule() {
        return check.id();
    }

    /** Where the check's rule came from: "standard", "inferred" or its rules file. */
    public String origin() {
        return check.origin();
    }

    public String title() {
        return check.title();
    }

    public CheckKind kind() {
        return check.kind();
    }

    public Severity severity() {
        return check.severity();
    }

    /** The table of the reported figure. */
    public String table() {
        return reportedCell().table();
    }

    /** The row of the reported figure, as references name it. */
    public String row() {
        return reportedCell().row();
    }

    /** The unit of the reported figure, which every figure of the finding is in. */
    public Unit unit() {
        return reportedCell().unit();
    }

    /** The reported figure as printed. */
    public String reported() {
        return reportedCell().printed();
    }

    public BigDecimal reportedValue() {
        return figures.reported();
    }

    public BigDecimal computed() {
        return figures.computed();
    }

    public BigDecimal difference() {
        return figures.difference();
    }

    public BigDecimal tolerance() {
        return figures.tolerance();
    }

    public boolean exact() {
        return figures.exact();
    }

    /** The CSV file of the reported figure. */
    public String file() {
        return reportedCell().file();
    }

    /** The line of the reported figure in its file. */
    public int line() {
        return reportedCell().line();
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
        sb.append(rule()).append('\u001F').append(table()).append('\u001F').append(row()).append('\u001F').append(column);
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
        return rule() + "@" + table() + "[" + row() + "][" + column + "]";
    }
}
