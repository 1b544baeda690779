package dev.crossfoot.check;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.LookupException;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.model.Unit;
import dev.crossfoot.result.NotApplicable;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.rules.StandardPack;
import dev.crossfoot.rules.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The standard rule pack applied to one filing: each standard rule becomes an ordinary formula over the
 * filing's own tables and rows, in the first of its forms whose line items the filing prints, checked in
 * every column that all its tables share and where every figure it needs is printed. A rule none of whose
 * forms is printed is not applicable: it is counted and listed, never an error.
 *
 * <p>An item marked {@code deduction} (an expense, a liability) is written in the pack as a positive amount
 * taken away. Where the issuer prints it negative, in brackets, its sign in the formula is turned; a row
 * printed with both signs (an income tax credit one year, an expense the next) follows the convention of the
 * table's other deductions.
 *
 * <p>A form that reads the statement of changes in equity ({@code changes-in-equity[row][column]}) is made by
 * {@link EquityMatrices}: per year of the matrix, and per column for {@code *}.
 */
public final class Standards {

    /** The origin every standard check reports. */
    public static final String ORIGIN = "standard";

    /** A column named as a year (what a carried form is checked year by year in). */
    private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");

    private final StandardPack pack;

    public Standards(StandardPack pack) {
        this.pack = pack;
    }

    public StandardPack pack() {
        return pack;
    }

    /**
     * What the pack gives for one filing: the rules to check, the standard rules that are not applicable, and the
     * form each applied standard rule is checked in.
     *
     * @param forms by standard rule id (as the pack names it, without a carried rule's year): the index, from 0, of
     *              the form in its rule's {@code forms} that is checked
     */
    public record Applied(List<Rule> rules, List<NotApplicable> notApplicable, Map<String, Integer> forms) {
        public Applied {
            rules = List.copyOf(rules);
            notApplicable = List.copyOf(notApplicable);
            forms = Collections.unmodifiableMap(new LinkedHashMap<>(forms));
        }
    }

    public Applied apply(Filing filing) {
        Resolver resolver = new Resolver(filing);
        List<Rule> rules = new ArrayList<>();
        List<NotApplicable> none = new ArrayList<>();
        Map<String, Integer> forms = new LinkedHashMap<>();
        for (StandardPack.StandardRule r : pack.rules()) {
            List<Rule> made = null;
            String why = null;
            String printedWhy = null;
            for (int i = 0; i < r.forms().size(); i++) {
                Attempt a = resolver.form(r, r.forms().get(i));
                if (a.rules != null) {
                    made = a.rules;
                    forms.put(r.info().id(), i);
                    break;
                }
                if (why == null) {
                    why = a.why;
                }
                if (printedWhy == null && a.printed) {
                    printedWhy = a.why;
                }
            }
            // a form whose items are all printed says more (its units) than the first form's missing item
            why = printedWhy != null ? printedWhy : why;
            if (made != null) {
                rules.addAll(made);
            } else {
                SourceLocation at = r.info().location();
                none.add(new NotApplicable(r.info().id(), r.info().title(), at.file(), at.line(), why));
            }
        }
        return new Applied(rules, none, forms);
    }

    /** @param printed the form's items are all printed, and yet it cannot be checked (its units do not agree) */
    record Attempt(List<Rule> rules, String why, boolean printed) {
        Attempt(List<Rule> rules, String why) {
            this(rules, why, false);
        }
    }

    /** Makes a form's rules from the filing's rows that {@link FilingRows} finds. */
    final class Resolver extends FilingRows {

        Resolver(Filing filing) {
            super(filing, pack);
        }

        Attempt form(StandardPack.StandardRule rule, StandardPack.Form form) {
            List<CellRef> refs = new ArrayList<>();
            refs.add(form.result());
            for (Term t : form.expression().terms()) {
                refs.add(t.ref());
            }
            if (form.quotient()) {
                for (Term t : form.denominator().terms()) {
                    refs.add(t.ref());
                }
            }
            for (CellRef r : refs) {
                if (StandardPack.EQUITY_ROLE.equals(r.table())) {
                    return new EquityMatrices(this, rule, form).attempt();
                }
            }
            // each role's table: the first of that role that prints every item this form needs of it
            Map<String, List<String>> itemsByRole = new LinkedHashMap<>();
            for (CellRef r : refs) {
                List<String> items = itemsByRole.get(r.table());
                if (items == null) {
                    items = new ArrayList<>();
                    itemsByRole.put(r.table(), items);
                }
                items.add(r.row().label());
            }
            Map<String, Table> tables = new HashMap<>();
            for (Map.Entry<String, List<String>> e : itemsByRole.entrySet()) {
                List<Table> candidates = byRole(e.getKey());
                if (candidates.isEmpty()) {
                    return new Attempt(null, "no table has role " + e.getKey());
                }
                Table chosen = firstPrintingAll(candidates, e.getValue());
                if (chosen == null) {
                    Table t = candidates.get(0);
                    return new Attempt(null, "table " + t.id() + " (" + e.getKey() + ") prints no " + firstMissing(t, e.getValue()));
                }
                tables.put(e.getKey(), chosen);
            }
            // by identity: the same row of a table is the one Row (hashing a Row would hash all its cells)
            java.util.Set<Row> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (CellRef r : refs) {
                if (!distinct.add(row(tables.get(r.table()), r.row().label())) && itemsByRole.size() == 1) {
                    return new Attempt(null, "two items of the form are the same row");
                }
            }
            for (int i = 0; i + 1 < form.order().size(); i++) {
                String a = form.order().get(i);
                String b = form.order().get(i + 1);
                Table t = tableOf(refs, tables, a);
                Table u = tableOf(refs, tables, b);
                if (t == null || t != u || row(t, a).index() > row(t, b).index()) {
                    return new Attempt(null, a + " is not printed above " + b);
                }
            }
            if (form.carry()) {
                return carried(rule, form, refs, tables);
            }
            List<String> columns = columns(refs, tables);
            if (columns.isEmpty()) {
                return new Attempt(null, "no period in which all its figures are printed");
            }
            if (form.quotient()) {
                return quotient(rule, form, tables, columns);
            }
            CellRef result = concrete(form.result(), tables);
            List<Term> terms = new ArrayList<>();
            for (Term t : form.expression().terms()) {
                Table table = tables.get(t.ref().table());
                BigDecimal c = t.coefficient();
                StandardPack.Item item = pack.items().get(t.ref().row().label());
                if (item.deduction() && printedNegative(table, row(table, item.id()), item, columns)) {
                    c = c.negate();
                }
                terms.add(new Term(c, concrete(t.ref(), tables)));
            }
            StandardPack.Item resultItem = pack.items().get(form.result().row().label());
            Table resultTable = tables.get(form.result().table());
            BigDecimal constant = form.expression().constant();
            if (resultItem.deduction() && printedNegative(resultTable, row(resultTable, resultItem.id()), resultItem, columns)) {
                terms.replaceAll(t -> new Term(t.coefficient().negate(), t.ref()));
                constant = constant.negate();
            }
            RuleInfo info = rule.info();
            return new Attempt(List.of(new Rule.Formula(info, null, result, new LinearExpr(terms, constant), columns)), null);
        }

        /**
         * A carried form: for each year column and the year before it, the left side in the year equals the right side
         * in the year before; one rule per year, with the year in its id.
         */
        private Attempt carried(StandardPack.StandardRule rule, StandardPack.Form form, List<CellRef> refs, Map<String, Table> tables) {
            Table first = tables.get(form.result().table());
            List<String> years = new ArrayList<>();
            for (String c : first.columns()) {
                if (YEAR.matcher(c).matches()) {
                    years.add(c);
                }
            }
            years.sort(Collections.reverseOrder());
            List<Rule> out = new ArrayList<>();
            for (int i = 0; i + 1 < years.size(); i++) {
                String year = years.get(i);
                String prior = years.get(i + 1);
                boolean printed = Integer.parseInt(year) - Integer.parseInt(prior) == 1 && numeric(form.result(), tables, year);
                for (Term t : form.expression().terms()) {
                    printed = printed && numeric(t.ref(), tables, prior);
                }
                if (!printed) {
                    continue;
                }
                CellRef result = concrete(form.result(), tables);
                List<Term> terms = new ArrayList<>();
                for (Term t : form.expression().terms()) {
                    CellRef c = concrete(t.ref(), tables);
                    terms.add(new Term(t.coefficient(), new CellRef(c.table(), c.row(), prior)));
                }
                RuleInfo info = rule.info();
                RuleInfo each = new RuleInfo(info.id() + "-" + year, info.title(), info.severity(), info.reason(), info.location());
                out.add(new Rule.Formula(each, null, new CellRef(result.table(), result.row(), year),
                        new LinearExpr(terms, form.expression().constant()), List.of()));
            }
            return out.isEmpty() ? new Attempt(null, "no two consecutive years in which its figures are printed") : new Attempt(out, null);
        }

        // ---- quotients (earnings per share) ----

        /**
         * A quotient form: the result is the numerator over the denominator, each figure at its printed precision and
         * in its own unit, checked in the periods where the units can be reconciled: the numerator an amount in a
         * currency, the denominator a number of shares, the result in that currency per share (or in the currency or
         * its cents, as per-share figures are often labelled: "(RMB)", "HK cents"). Elsewhere it is not applicable.
         */
        private Attempt quotient(StandardPack.StandardRule rule, StandardPack.Form form, Map<String, Table> tables, List<String> columns) {
            List<String> reconciled = new ArrayList<>();
            String why = null;
            for (String c : columns) {
                String w = units(form, tables, c);
                if (w == null) {
                    reconciled.add(c);
                } else if (why == null) {
                    why = w;
                }
            }
            if (reconciled.isEmpty()) {
                return new Attempt(null, "its units cannot be reconciled: " + why, true);
            }
            RuleInfo info = rule.info();
            return new Attempt(List.of(new Rule.Ratio(info, null, Rule.Measure.QUOTIENT, List.of(), null, Map.of(),
                    concrete(form.result(), tables), concreteAll(form.expression(), tables), concreteAll(form.denominator(), tables),
                    reconciled)), null);
        }

        private LinearExpr concreteAll(LinearExpr e, Map<String, Table> tables) {
            List<Term> terms = new ArrayList<>();
            for (Term t : e.terms()) {
                terms.add(new Term(t.coefficient(), concrete(t.ref(), tables)));
            }
            return new LinearExpr(terms, e.constant());
        }

        /** Why the quotient's units do not agree in this column, or null when they do. */
        private String units(StandardPack.Form form, Map<String, Table> tables, String column) {
            String currency = null;
            for (Term t : form.expression().terms()) {
                Unit u = unit(t.ref(), tables, column);
                String d = u.dimension();
                if (d.equals("1") || d.equals("shares") || d.equals(Unit.UNKNOWN.dimension()) || d.contains("/")
                        || (currency != null && !currency.equals(d))) {
                    return t.ref().row().label() + " is in " + u;
                }
                currency = d;
            }
            for (Term t : form.denominator().terms()) {
                Unit u = unit(t.ref(), tables, column);
                if (!u.dimension().equals("shares")) {
                    return t.ref().row().label() + " is in " + u + ", not a number of shares";
                }
            }
            Unit u = unit(form.result(), tables, column);
            boolean perShare = u.dimension().equals(currency + "/share") || (u.dimension().equals(currency) && u.powerOfTen() <= 0);
            return perShare ? null : form.result().row().label() + " is in " + u + ", not " + currency + " per share";
        }

        /** The unit of the cell, in a column {@link #columns} found in every table. */
        private Unit unit(CellRef ref, Map<String, Table> tables, String column) {
            Table t = tables.get(ref.table());
            try {
                return row(t, ref.row().label()).cells().get(t.column(column)).unit();
            } catch (LookupException e) {
                throw new IllegalStateException(e);
            }
        }

        private boolean numeric(CellRef ref, Map<String, Table> tables, String column) {
            Table t = tables.get(ref.table());
            try {
                Cell cell = row(t, ref.row().label()).cells().get(t.column(column));
                return cell != null && cell.figure().isNumeric();
            } catch (LookupException e) {
                return false;
            }
        }

        private Table tableOf(List<CellRef> refs, Map<String, Table> tables, String item) {
            for (CellRef r : refs) {
                if (r.row().label().equals(item)) {
                    return tables.get(r.table());
                }
            }
            return null;
        }

        private CellRef concrete(CellRef ref, Map<String, Table> tables) {
            Table t = tables.get(ref.table());
            Row r = row(t, ref.row().label());
            return new CellRef(t.id(), new RowRef(r.section(), name(t, r)), null);
        }

        /** The columns every table shares, in the first table's order, where every cell the form needs is a number. */
        private List<String> columns(List<CellRef> refs, Map<String, Table> tables) {
            Table first = tables.get(refs.get(0).table());
            List<String> out = new ArrayList<>();
            for (String c : first.columns()) {
                boolean ok = true;
                for (CellRef r : refs) {
                    Table t = tables.get(r.table());
                    String col;
                    try {
                        col = t.column(c);
                    } catch (LookupException e) {
                        ok = false;
                        break;
                    }
                    Cell cell = row(t, r.row().label()).cells().get(col);
                    if (cell == null || !cell.figure().isNumeric()) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    out.add(c);
                }
            }
            return out;
        }

        /**
         * Whether a deduction is printed negative here: by its own figures, else (printed with both signs, or an item
         * whose sign the table tells) by the table's other deductions, else negative (in brackets, as printed).
         */
        private boolean printedNegative(Table t, Row row, StandardPack.Item item, List<String> columns) {
            int own = sign(row, columns);
            if (own != 0 && !item.byTable()) {
                return own < 0;
            }
            int table = convention(t, row);
            if (table != 0) {
                return table < 0;
            }
            return own != 0 ? own < 0 : true;
        }

        /** -1 when the table's deductions other than {@code except} are mostly printed negative, 1 mostly positive, 0 when it cannot tell. */
        private int convention(Table t, Row except) {
            int neg = 0;
            int pos = 0;
            for (Row r : deductions(t)) {
                if (r.index() != except.index()) {
                    int s = sign(r, t.columns());
                    neg += s < 0 ? 1 : 0;
                    pos += s > 0 ? 1 : 0;
                }
            }
            return Integer.compare(pos, neg);
        }

        /** -1 when every figure of the row is negative or nil (one at least negative), 1 when all are positive or nil, else 0. */
        private static int sign(Row row, List<String> columns) {
            boolean neg = false;
            boolean pos = false;
            for (String c : columns) {
                Cell cell = row.cells().get(c);
                if (cell != null && cell.figure() instanceof Figure.Amount a) {
                    neg |= a.value().signum() < 0;
                    pos |= a.value().signum() > 0;
                }
            }
            return neg == pos ? 0 : neg ? -1 : 1;
        }
    }
}
