package dev.crossfoot.rules;

import dev.crossfoot.model.NarrativeFigure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule of a rule set: an arithmetic promise the statements make. Rules are data, read from YAML;
 * each kind is one record. A rule is checked for every column it applies to, and for rules over
 * several rows, for every row; each check is reported on its own.
 *
 * <p>What differs by kind is written once per kind: on the records (their tables, what they vouch for)
 * or in a {@link Visitor}, whose one method per kind the compiler requires of every implementation
 * (the planner, the YAML writer). Nothing dispatches on a rule's class anywhere else.
 */
public sealed interface Rule {

    /** Written {@code columns: all}: every numeric column of the rule's table. */
    String ALL_COLUMNS = "*";

    RuleInfo info();

    RuleKind kind();

    /** The same rule with other information (id, title, severity, reason, location). */
    Rule withInfo(RuleInfo info);

    /** The ids of the tables the rule reads: its own table and those its cells name. */
    Set<String> tables();

    /**
     * The figure the rule vouches for, where one figure (or column) is the total of others: a sum's
     * total, a roll-forward's closing, a formula's result (a row), a cross-foot's total (a column); empty
     * for ties and ratios, which compare a figure with another.
     */
    Optional<Target> target();

    /** Calls the visitor's method for this rule's kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of rule: every implementation handles every kind, or does not compile. */
    interface Visitor<R> {
        R sum(Sum rule);

        R formula(Formula rule);

        R rollForward(RollForward rule);

        R crossFoot(CrossFoot rule);

        R tie(Tie rule);

        R ratio(Ratio rule);

        R text(Text rule);
    }

    /**
     * Where a rule's total sits: a row of a table, or (for a cross-foot) a column.
     *
     * @param row    the total's row, or null for a column
     * @param column the total's column, or null for a row
     */
    record Target(String table, RowRef row, String column) {
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
        public RuleKind kind() {
            return RuleKind.SUM;
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Sum(i, table, items, total, columns);
        }

        @Override
        public Set<String> tables() {
            return Rule.tables(table, List.of());
        }

        @Override
        public Optional<Target> target() {
            return Optional.of(new Target(table, total, null));
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.sum(this);
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
        public RuleKind kind() {
            return RuleKind.FORMULA;
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Formula(i, table, result, expression, columns);
        }

        @Override
        public Set<String> tables() {
            Set<String> out = Rule.tables(table, List.of(expression));
            if (result.table() != null) {
                out.add(result.table());
            }
            return out;
        }

        @Override
        public Optional<Target> target() {
            String t = result.table() != null ? result.table() : table;
            return t == null ? Optional.empty() : Optional.of(new Target(t, result.row(), null));
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.formula(this);
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
        public RuleKind kind() {
            return RuleKind.ROLL_FORWARD;
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new RollForward(i, table, opening, movements, closing, columns, carryForward);
        }

        @Override
        public Set<String> tables() {
            return Rule.tables(table, List.of());
        }

        @Override
        public Optional<Target> target() {
            return Optional.of(new Target(table, closing, null));
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.rollForward(this);
        }
    }

    /** Across each row, the item columns add up to the total column (default rows: every row with figures). */
    record CrossFoot(RuleInfo info, String table, List<String> items, String total, List<RowRef> rows) implements Rule {
        public CrossFoot {
            items = List.copyOf(items);
            rows = List.copyOf(rows);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.CROSS_FOOT;
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new CrossFoot(i, table, items, total, rows);
        }

        @Override
        public Set<String> tables() {
            return Rule.tables(table, List.of());
        }

        @Override
        public Optional<Target> target() {
            return Optional.of(new Target(table, null, total));
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.crossFoot(this);
        }
    }

    /** The same amount in two places, in the same or different units and tables. */
    record Tie(RuleInfo info, String table, CellRef figure, LinearExpr agreesWith, List<String> columns) implements Rule {
        public Tie {
            columns = List.copyOf(columns);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.TIE;
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Tie(i, table, figure, agreesWith, columns);
        }

        @Override
        public Set<String> tables() {
            Set<String> out = Rule.tables(table, List.of(agreesWith));
            if (figure.table() != null) {
                out.add(figure.table());
            }
            return out;
        }

        @Override
        public Optional<Target> target() {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tie(this);
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
            columnMap = columnMap == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columnMap));
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.RATIO;
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Ratio(i, table, measure, rows, base, columnMap, figure, numerator, denominator, columns);
        }

        @Override
        public Set<String> tables() {
            List<LinearExpr> exprs = new ArrayList<>();
            if (numerator != null) {
                exprs.add(numerator);
            }
            if (denominator != null) {
                exprs.add(denominator);
            }
            Set<String> out = Rule.tables(table, exprs);
            if (figure != null && figure.table() != null) {
                out.add(figure.table());
            }
            return out;
        }

        @Override
        public Optional<Target> target() {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ratio(this);
        }
    }

    /**
     * A figure of the announcement's prose that the narrative reader cannot attach by itself, tied by hand: the figure
     * printed {@code figure} on narrative.csv's line {@code line} restates the cell {@code is} (an amount), or is its
     * change from the cell {@code from}, or its share or margin of the cell {@code of}. Judged as the narrative checks
     * judge an attached figure; a warning by default.
     *
     * @param line    where the figure is printed, as narrative.csv gives it ("191", "page 3, line 12")
     * @param figure  the figure as printed ("RMB3,885 million", "48.5%")
     * @param measure what the figure is of the cells: an amount, a change, a share or a margin
     * @param is      the cell the figure restates (an amount), or whose change, share or margin it is
     * @param other   for a change the prior cell ({@code from}); for a share or margin the whole ({@code of}); else null
     */
    record Text(RuleInfo info, String line, String figure, NarrativeFigure.Kind measure, CellRef is, CellRef other)
            implements Rule {

        /** The measures a text rule may take. */
        public static final List<NarrativeFigure.Kind> MEASURES = List.of(NarrativeFigure.Kind.AMOUNT,
                NarrativeFigure.Kind.CHANGE, NarrativeFigure.Kind.SHARE, NarrativeFigure.Kind.MARGIN);

        public Text {
            java.util.Objects.requireNonNull(line, "line");
            java.util.Objects.requireNonNull(figure, "figure");
            java.util.Objects.requireNonNull(is, "is");
            if (!MEASURES.contains(measure)) {
                throw new IllegalArgumentException("a text rule's measure is amount, change, share or margin");
            }
            if ((measure == NarrativeFigure.Kind.AMOUNT) != (other == null)) {
                throw new IllegalArgumentException(measure == NarrativeFigure.Kind.AMOUNT
                        ? "an amount takes 'is' alone" : "a " + measure.key() + " takes a second cell");
            }
        }

        @Override
        public RuleKind kind() {
            return RuleKind.TEXT;
        }

        @Override
        public Rule withInfo(RuleInfo i) {
            return new Text(i, line, figure, measure, is, other);
        }

        @Override
        public Set<String> tables() {
            Set<String> out = new TreeSet<>();
            out.add(is.table());
            if (other != null) {
                out.add(other.table());
            }
            return out;
        }

        @Override
        public Optional<Target> target() {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.text(this);
        }
    }

    /** What a ratio rule measures. */
    enum Measure {
        SHARE, CHANGE, QUOTIENT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The rule's own table (when it has one) and the tables its expressions' cells name, sorted. */
    private static Set<String> tables(String table, List<LinearExpr> exprs) {
        Set<String> out = new TreeSet<>(Comparator.naturalOrder());
        if (table != null) {
            out.add(table);
        }
        for (LinearExpr e : exprs) {
            e.terms().forEach(term -> {
                if (term.ref().table() != null) {
                    out.add(term.ref().table());
                }
            });
        }
        return out;
    }
}
