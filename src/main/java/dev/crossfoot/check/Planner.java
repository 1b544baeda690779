package dev.crossfoot.check;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.LookupException;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.result.CheckKind;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Items;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a rule into its checks against one filing: one per column (and per row, for rules over rows),
 * resolving every reference. A reference that matches no row, or several, is an input error at the rule.
 */
final class Planner {

    private final Filing filing;
    private final List<NarrativeFigure> narrative;

    Planner(Filing filing) {
        this(filing, List.of());
    }

    /** @param narrative the figures of the filing's narrative.csv, which text rules name */
    Planner(Filing filing, List<NarrativeFigure> narrative) {
        this.filing = filing;
        this.narrative = narrative;
    }

    List<Plan> plan(Rule rule) {
        try {
            return rule.accept(kinds);
        } catch (Unresolved e) {
            throw new InputException(rule.info().location(), "rule " + rule.info().id() + ": " + e.getCause().getMessage());
        }
    }

    /** A lookup that failed inside a visitor method (which cannot throw checked exceptions). */
    private static final class Unresolved extends RuntimeException {
        Unresolved(LookupException cause) {
            super(cause);
        }
    }

    /** How each kind of rule becomes checks (each a method call, not a lambda: a cold run links each lambda it meets). */
    private final Rule.Visitor<List<Plan>> kinds = new Rule.Visitor<>() {
        @Override
        public List<Plan> sum(Rule.Sum s) {
            try {
                return Planner.this.sum(s);
            } catch (LookupException e) {
                throw new Unresolved(e);
            }
        }

        @Override
        public List<Plan> formula(Rule.Formula f) {
            try {
                return relation(CheckKind.FORMULA, f.table(), f.result(), f.expression(), f.columns());
            } catch (LookupException e) {
                throw new Unresolved(e);
            }
        }

        @Override
        public List<Plan> rollForward(Rule.RollForward r) {
            try {
                return Planner.this.rollForward(r);
            } catch (LookupException e) {
                throw new Unresolved(e);
            }
        }

        @Override
        public List<Plan> crossFoot(Rule.CrossFoot c) {
            try {
                return Planner.this.crossFoot(c);
            } catch (LookupException e) {
                throw new Unresolved(e);
            }
        }

        @Override
        public List<Plan> tie(Rule.Tie t) {
            try {
                return relation(CheckKind.TIE, t.table(), t.figure(), t.agreesWith(), t.columns());
            } catch (LookupException e) {
                throw new Unresolved(e);
            }
        }

        @Override
        public List<Plan> ratio(Rule.Ratio r) {
            try {
                return Planner.this.ratio(r);
            } catch (LookupException e) {
                throw new Unresolved(e);
            }
        }

        @Override
        public List<Plan> text(Rule.Text t) {
            try {
                return Planner.this.text(t);
            } catch (LookupException e) {
                throw new Unresolved(e);
            }
        }
    };

    private List<Plan> sum(Rule.Sum s) throws LookupException {
        Table t = filing.table(s.table());
        List<Row> items = rows(t, s.items());
        Row total = t.row(s.total().section(), s.total().label());
        List<Plan> out = new ArrayList<>();
        for (String c : columns(t, s.columns())) {
            out.add(new Plan.Linear(CheckKind.SUM, c, c, cell(t, total, c), weighted(t, items, c, BigDecimal.ONE), BigDecimal.ZERO));
        }
        return out;
    }

    private List<Plan> rollForward(Rule.RollForward r) throws LookupException {
        Table t = filing.table(r.table());
        Row opening = t.row(r.opening().section(), r.opening().label());
        List<Row> movements = rows(t, r.movements());
        Row closing = t.row(r.closing().section(), r.closing().label());
        List<String> cols = columns(t, r.columns());
        List<Plan> out = new ArrayList<>();
        for (String c : cols) {
            List<Weighted> terms = new ArrayList<>();
            terms.add(new Weighted(BigDecimal.ONE, cell(t, opening, c)));
            terms.addAll(weighted(t, movements, c, BigDecimal.ONE));
            out.add(new Plan.Linear(CheckKind.ROLL_FORWARD, c, c, cell(t, closing, c), terms, BigDecimal.ZERO));
        }
        if (r.carryForward()) {
            for (int i = 0; i + 1 < cols.size(); i++) {
                String c = cols.get(i);
                String prior = cols.get(i + 1);
                out.add(new Plan.Linear(CheckKind.CARRY_FORWARD, c + ":carry-forward", c, cell(t, opening, c),
                        List.of(new Weighted(BigDecimal.ONE, cell(t, closing, prior))), BigDecimal.ZERO));
            }
        }
        return out;
    }

    private List<Plan> crossFoot(Rule.CrossFoot c) throws LookupException {
        Table t = filing.table(c.table());
        List<String> items = new ArrayList<>();
        for (String i : c.items()) {
            items.add(t.column(i));
        }
        String total = t.column(c.total());
        List<Row> rows = new ArrayList<>();
        if (c.rows().isEmpty()) {
            for (Row r : t.rows()) {
                boolean any = r.cells().get(total).figure().isNumeric() || !r.cells().get(total).printed().isEmpty();
                for (int k = 0; k < items.size() && !any; k++) {
                    any = !r.cells().get(items.get(k)).printed().isEmpty();
                }
                if (any) {
                    rows.add(r);
                }
            }
        } else {
            for (RowRef ref : c.rows()) {
                rows.add(t.row(ref.section(), ref.label()));
            }
        }
        List<Plan> out = new ArrayList<>();
        for (Row r : rows) {
            List<Weighted> terms = new ArrayList<>();
            for (String i : items) {
                terms.add(new Weighted(BigDecimal.ONE, cell(t, r, i)));
            }
            out.add(new Plan.Linear(CheckKind.CROSS_FOOT, total + "#" + r.displayName(), total, cell(t, r, total), terms, BigDecimal.ZERO));
        }
        return out;
    }

    private List<Plan> relation(CheckKind kind, String table, CellRef result, LinearExpr expr, List<String> columns) throws LookupException {
        List<Plan> out = new ArrayList<>();
        Map<CellRef, Place> places = new IdentityHashMap<>();
        for (String c : relationColumns(table, result, List.of(expr), columns)) {
            Resolved reported = resolve(table, result, c, places);
            out.add(new Plan.Linear(kind, c == null ? "" : c, c == null ? reported.column() : c, reported,
                    resolveAll(table, expr, c, places), expr.constant()));
        }
        return out;
    }

    private List<Plan> ratio(Rule.Ratio r) throws LookupException {
        List<Plan> out = new ArrayList<>();
        if (r.measure() == Rule.Measure.QUOTIENT) {
            Map<CellRef, Place> places = new IdentityHashMap<>();
            for (String c : relationColumns(r.table(), r.figure(), List.of(r.numerator(), r.denominator()), r.columns())) {
                Resolved reported = resolve(r.table(), r.figure(), c, places);
                if (r.numerator().constant().signum() != 0 || r.denominator().constant().signum() != 0) {
                    throw new LookupException("a ratio's numerator and denominator take cells only, no constants");
                }
                out.add(new Plan.Ratio(CheckKind.RATIO, c == null ? "" : c, c == null ? reported.column() : c, reported,
                        resolveAll(r.table(), r.numerator(), c, places), resolveAll(r.table(), r.denominator(), c, places), false));
            }
            return out;
        }
        Table t = filing.table(r.table());
        Row base = r.measure() == Rule.Measure.SHARE ? t.row(r.base().section(), r.base().label()) : null;
        for (Map.Entry<String, List<String>> e : r.columnMap().entrySet()) {
            String ratioCol = t.column(e.getKey());
            for (RowRef ref : r.rows()) {
                Row row = t.row(ref.section(), ref.label());
                Resolved reported = cell(t, row, ratioCol);
                String suffix = ratioCol + "#" + row.displayName();
                if (r.measure() == Rule.Measure.SHARE) {
                    String amount = t.column(e.getValue().get(0));
                    out.add(new Plan.Ratio(CheckKind.RATIO, suffix, ratioCol, reported, List.of(new Weighted(BigDecimal.ONE, cell(t, row, amount))),
                            List.of(new Weighted(BigDecimal.ONE, cell(t, base, amount))), false));
                } else {
                    String current = t.column(e.getValue().get(0));
                    String prior = t.column(e.getValue().get(1));
                    out.add(new Plan.Ratio(CheckKind.RATIO, suffix, ratioCol, reported, List.of(new Weighted(BigDecimal.ONE, cell(t, row, current))),
                            List.of(new Weighted(BigDecimal.ONE, cell(t, row, prior))), true));
                }
            }
        }
        return out;
    }

    /** A text rule's one check: its figure, found in narrative.csv by line and as printed, and the cells it names. */
    private List<Plan> text(Rule.Text t) throws LookupException {
        int index = -1;
        List<String> onLine = new ArrayList<>();
        for (int i = 0; i < narrative.size() && index < 0; i++) {
            NarrativeFigure f = narrative.get(i);
            if (f.at().equals(t.line()) || String.valueOf(f.line()).equals(t.line())) {
                onLine.add(f.printed());
                index = f.printed().equals(t.figure()) ? i : index;
            }
        }
        if (index < 0) {
            throw new LookupException(narrative.isEmpty()
                    ? "the filing has no narrative.csv figures; run extract on the announcement, which writes narrative.csv"
                    : onLine.isEmpty() ? "narrative.csv has no figure on line '" + t.line() + "'; give 'line' as its 'at' column does"
                    : "no figure printed '" + t.figure() + "' on line " + t.line() + " of narrative.csv; printed there: "
                    + String.join(", ", onLine));
        }
        NarrativeFigure f = narrative.get(index);
        boolean percent = f.unit().equals("%");
        if (percent == (t.measure() == NarrativeFigure.Kind.AMOUNT)) {
            throw new LookupException("'" + f.printed() + "' is " + (percent ? "a percentage, not an amount; give 'measure'"
                    : "an amount; a " + t.measure().key() + " is a percentage"));
        }
        Resolved is = amount(resolve(null, t.is(), null, new IdentityHashMap<>()));
        Resolved other = t.other() == null ? null : amount(resolve(null, t.other(), null, new IdentityHashMap<>()));
        return List.of(new Plan.Text("", is.column(), is, other, index, f, t.measure()));
    }

    private static Resolved amount(Resolved r) throws LookupException {
        if (!(r.cell().figure() instanceof Figure.Amount) || r.cell().unit().isPercent()) {
            throw new LookupException(r.name() + " is not an amount (printed '" + r.cell().printed() + "')");
        }
        return r;
    }

    /** The columns a relation is checked in: one check if every cell names its column, else each listed column or period. */
    private List<String> relationColumns(String table, CellRef result, List<LinearExpr> exprs, List<String> columns)
            throws LookupException {
        boolean allExplicit = result.column() != null;
        for (LinearExpr e : exprs) {
            for (Term t : e.terms()) {
                allExplicit &= t.ref().column() != null;
            }
        }
        if (allExplicit) {
            if (!columns.isEmpty()) {
                throw new LookupException("every cell names its column, so 'columns' has no effect; remove it");
            }
            List<String> one = new ArrayList<>();
            one.add(null);
            return one;
        }
        if (columns.equals(List.of(Rule.ALL_COLUMNS))) {
            if (table == null) {
                throw new LookupException("'columns: all' needs the rule's 'table'");
            }
            return filing.table(table).columns();
        }
        if (!columns.isEmpty()) {
            return columns;
        }
        if (filing.periods().isEmpty()) {
            throw new LookupException("no columns to check: list 'columns', or declare 'periods' in filing.yaml");
        }
        return filing.periods();
    }

    private List<Weighted> resolveAll(String table, LinearExpr expr, String column, Map<CellRef, Place> places) throws LookupException {
        List<Weighted> out = new ArrayList<>();
        for (Term term : expr.terms()) {
            out.add(new Weighted(term.coefficient(), resolve(table, term.ref(), column, places)));
        }
        return out;
    }

    /** The table and row a reference names. */
    private record Place(Table table, Row row) {
    }

    /**
     * The cell a reference names in a column. Its table and row are looked up at the first column, in the order the
     * checks look them up (so that a rule naming what is not there gets the same error), and kept in {@code places}
     * for the rule's other columns.
     */
    private Resolved resolve(String defaultTable, CellRef ref, String column, Map<CellRef, Place> places) throws LookupException {
        Place at = places.get(ref);
        if (at == null) {
            Table t = filing.table(ref.table() == null ? defaultTable : ref.table());
            at = new Place(t, t.row(ref.row().section(), ref.row().label()));
            places.put(ref, at);
        }
        String col = ref.column() != null ? ref.column() : column;
        return cell(at.table(), at.row(), col);
    }

    private static Resolved cell(Table t, Row row, String column) throws LookupException {
        String c = t.column(column);
        Cell cell = row.cells().get(c);
        return new Resolved(t, row, c, cell);
    }

    private static List<Weighted> weighted(Table t, List<Row> rows, String column, BigDecimal w) throws LookupException {
        List<Weighted> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Weighted(w, cell(t, r, column)));
        }
        return out;
    }

    private static List<Row> rows(Table t, Items items) throws LookupException {
        List<Row> out = new ArrayList<>();
        if (items instanceof Items.Listed l) {
            for (RowRef ref : l.rows()) {
                out.add(t.row(ref.section(), ref.label()));
            }
        } else if (items instanceof Items.Range r) {
            Row from = t.row(r.from().section(), r.from().label());
            Row to = t.row(r.to().section(), r.to().label());
            if (from.index() > to.index()) {
                throw new LookupException("range from '" + r.from() + "' (line " + from.line() + ") to '" + r.to()
                        + "' (line " + to.line() + ") runs backwards; 'from' must come first");
            }
            for (Row row : t.rows().subList(from.index(), to.index() + 1)) {
                if (row.hasFigures()) {
                    out.add(row);
                }
            }
        }
        java.util.BitSet seen = new java.util.BitSet(t.rows().size());
        for (Row r : out) {
            if (seen.get(r.index())) {
                throw new LookupException("the same row is listed twice among the items: '" + r.displayName() + "'");
            }
            seen.set(r.index());
        }
        return out;
    }

    private static List<String> columns(Table t, List<String> columns) throws LookupException {
        if (columns.isEmpty() || columns.equals(List.of(Rule.ALL_COLUMNS))) {
            return t.columns();
        }
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            out.add(t.column(c));
        }
        return out;
    }
}
