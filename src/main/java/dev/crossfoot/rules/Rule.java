package dev.crossfoot.rules;

import java.util.List;
import java.util.Map;

/**
 * A rule of a rule set: an arithmetic promise the statements make. Rules are data, read from YAML;
 * each kind is one record. A rule is checked for every column it applies to, and for rules over
 * several rows, for every row; each check is reported on its own.
 */
public sealed interface Rule {

    /** Written {@code columns: all}: every numeric column of the rule's table. */
    String ALL_COLUMNS = "*";

    RuleInfo info();

    /** The YAML name of the rule's kind. */
    String kind();

    /** The same rule with other information (id, title, severity, reason, location). */
    Rule withInfo(RuleInfo info);

    /** The ids of the tables the rule reads: its own table and those its expressions name. */
    default java.util.Set<String> tables() {
        java.util.Set<String> out = new java.util.TreeSet<>(java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()));
        java.util.List<LinearExpr> exprs = new java.util.ArrayList<>();
        if (this instanceof Sum s) {
            out.add(s.table());
        } else if (this instanceof Formula f) {
            out.add(f.table());
            out.add(f.result().table());
            exprs.add(f.expression());
        } else if (this instanceof RollForward r) {
            out.add(r.table());
        } else if (this instanceof CrossFoot c) {
            out.add(c.table());
        } else if (this instanceof Tie t) {
            out.add(t.table());
            out.add(t.figure().table());
            exprs.add(t.agreesWith());
        } else if (this instanceof Ratio r) {
            out.add(r.table());
            if (r.figure() != null) {
                out.add(r.figure().table());
            }
            exprs.add(r.numerator());
            exprs.add(r.denominator());
        }
        for (LinearExpr e : exprs) {
            if (e != null) {
                e.terms().forEach(term -> out.add(term.ref().table()));
            }
        }
        out.remove(null);
        return out;
    }

    /**
     * Items add up to a total, with signs as printed, in every listed column (default: every numeric
     * column of the table).
     */
    record Sum(RuleInfo info, String table, Items items, RowRef total, List<String> columns) implements Rule {
        public Sum {
            columns = List.copyOf(columns);
        }

        @Override
        public String kind() {
            return "sum";
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Sum(i, table, items, total, columns);
        }
    }

    /**
     * Any linear relation {@code cell = expression}, across tables and units, checked in every listed
     * column (default: the filing's periods) unless every cell names its column.
     */
    record Formula(RuleInfo info, String table, CellRef result, LinearExpr expression, List<String> columns) implements Rule {
        public Formula {
            columns = List.copyOf(columns);
        }

        @Override
        public String kind() {
            return "formula";
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Formula(i, table, result, expression, columns);
        }
    }

    /**
     * Opening + movements = closing in every listed column (default: every numeric column, i.e. every
     * column of a matrix). With {@code carryForward}, also: the opening of each column equals the
     * closing of the next one (the columns being periods, newest first).
     */
    record RollForward(RuleInfo info, String table, RowRef opening, Items movements, RowRef closing,
                       List<String> columns, boolean carryForward) implements Rule {
        public RollForward {
            columns = List.copyOf(columns);
        }

        @Override
        public String kind() {
            return "roll-forward";
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new RollForward(i, table, opening, movements, closing, columns, carryForward);
        }
    }

    /** Across each row, the item columns add up to the total column (default rows: every row with figures). */
    record CrossFoot(RuleInfo info, String table, List<String> items, String total, List<RowRef> rows) implements Rule {
        public CrossFoot {
            items = List.copyOf(items);
            rows = List.copyOf(rows);
        }

        @Override
        public String kind() {
            return "cross-foot";
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new CrossFoot(i, table, items, total, rows);
        }
    }

    /** The same amount in two places, in the same or different units and tables. */
    record Tie(RuleInfo info, String table, CellRef figure, LinearExpr agreesWith, List<String> columns) implements Rule {
        public Tie {
            columns = List.copyOf(columns);
        }

        @Override
        public String kind() {
            return "tie";
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Tie(i, table, figure, agreesWith, columns);
        }
    }

    /**
     * A printed ratio (usually a percentage) equals what its amounts give.
     * <ul>
     *   <li>share: for each row, {@code [row][ratio column] = [row][amount column] / [base][amount column]};</li>
     *   <li>change: for each row, {@code [row][ratio column] = [row][current] / [row][prior] - 1};</li>
     *   <li>quotient: {@code figure = numerator / denominator} in every listed column.</li>
     * </ul>
     *
     * @param columnMap share: ratio column to amount column; change: ratio column to [current, prior]
     */
    record Ratio(RuleInfo info, String table, Measure measure, List<RowRef> rows, RowRef base,
                 Map<String, List<String>> columnMap, CellRef figure, LinearExpr numerator,
                 LinearExpr denominator, List<String> columns) implements Rule {
        public Ratio {
            rows = rows == null ? List.of() : List.copyOf(rows);
            columnMap = columnMap == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnMap));
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        @Override
        public String kind() {
            return "ratio";
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Ratio(i, table, measure, rows, base, columnMap, figure, numerator, denominator, columns);
        }
    }

    /** What a ratio rule measures. */
    enum Measure {
        SHARE, CHANGE, QUOTIENT;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
