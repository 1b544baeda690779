package dev.crossfoot.check;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Labels;
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

    /** A row with its label and section as labels are matched (normalised). */
    record Named(Row row, String label, String section) {
        boolean matches(StandardPack.Variant v) {
            return v.label().matcher(label).matches() && (v.section() == null || v.section().matcher(section).matches());
        }
    }

    /**
     * Finds a filing's rows by item, once per table and item, and keeps what every form asks of a table again: its
     * rows with figures with their labels normalised (the one path by which items' label variants are matched), the
     * names rules give its rows, which of its rows are deductions, and (for {@link EquityMatrices}) its columns and
     * periods.
     */
    final class Resolver {
        private final Filing filing;
        /** By table id, then item: the row printed as the item, or null. */
        private final Map<String, Map<String, Row>> found = new HashMap<>();
        private final Map<Table, List<Named>> named = new IdentityHashMap<>();
        /** By table: how rules name its rows, by row index, filled in as asked. */
        private final Map<Table, String[]> names = new IdentityHashMap<>();
        /** By table: its rows with figures printed as an item that is a deduction (whose sign the table does not tell). */
        private final Map<Table, List<Row>> deductions = new IdentityHashMap<>();
        /** By table id, then item: whether a row with figures is printed as the item. */
        private final Map<String, Map<String, Boolean>> printed = new HashMap<>();
        private final Map<String, List<Table>> roles = new HashMap<>();
        private EquityMatrices.Tables equity;

        Resolver(Filing filing) {
            this.filing = filing;
        }

        StandardPack pack() {
            return pack;
        }

        List<Table> byRole(String role) {
            List<Table> tables = roles.get(role);
            if (tables == null) {
                List<Table> out = new ArrayList<>();
                for (Table t : filing.tables().values()) {
                    if (role.equals(t.role())) {
                        out.add(t);
                    }
                }
                tables = List.copyOf(out);
                roles.put(role, tables);
            }
            return tables;
        }

        /** What {@link EquityMatrices} keeps of this filing's tables for all the forms that read them. */
        EquityMatrices.Tables equity() {
            if (equity == null) {
                equity = new EquityMatrices.Tables(this);
            }
            return equity;
        }

        /** The one row of the table printed as the item, or null. */
        Row row(Table t, String item) {
            Map<String, Row> byItem = found.get(t.id());
            if (byItem == null) {
                byItem = new HashMap<>();
                found.put(t.id(), byItem);
            } else if (byItem.containsKey(item)) {
                return byItem.get(item);
            }
            Row row = null;
            List<Named> named = rows(t);
            for (StandardPack.Variant v : pack.items().get(item).labels()) {
                List<Row> matches = new ArrayList<>();
                for (Named n : named) {
                    if (n.matches(v)) {
                        matches.add(n.row());
                    }
                }
                if (allSamePrinted(matches)) {
                    row = matches.get(0);
                    break;
                }
            }
            byItem.put(item, row);
            return row;
        }

        /** Whether some row with figures of the table is printed as the item (by any of its label variants). */
        boolean prints(Table t, String item) {
            Map<String, Boolean> byItem = printed.get(t.id());
            if (byItem == null) {
                byItem = new HashMap<>();
                printed.put(t.id(), byItem);
            }
            Boolean known = byItem.get(item);
            if (known == null) {
                known = matchesAny(rows(t), pack.items().get(item).labels());
                byItem.put(item, known);
            }
            return known;
        }

        /** A table's rows with figures, each with its label and section normalised once (every item's variants are matched against them). */
        List<Named> rows(Table t) {
            List<Named> rows = named.get(t);
            if (rows == null) {
                List<Named> out = new ArrayList<>();
                for (Row r : t.rows()) {
                    if (r.hasFigures()) {
                        out.add(new Named(r, Labels.normalize(r.label()), Labels.normalize(r.section())));
                    }
                }
                rows = List.copyOf(out);
                named.put(t, rows);
            }
            return rows;
        }

        /** How a rule names the row: its label, or "Label #k" when other rows of its section share the label. */
        String name(Table t, Row r) {
            String[] known = names.get(t);
            if (known == null) {
                known = namesOf(t);
                names.put(t, known);
            }
            int i = r.index();
            return i >= 0 && i < known.length && t.rows().get(i) == r ? known[i] : nameOf(t, r);
        }

        /** {@link #name} of every row of the table, by position, each label normalised once. */
        private static String[] namesOf(Table t) {
            List<Row> rows = t.rows();
            String[] out = new String[rows.size()];
            for (int i = 1; i < out.length; i++) {
                if (rows.get(i).index() <= rows.get(i - 1).index()) { // not in printed order: one by one
                    for (int j = 0; j < out.length; j++) {
                        out[j] = nameOf(t, rows.get(j));
                    }
                    return out;
                }
            }
            String[] norm = new String[out.length];
            Map<String, Map<String, int[]>> same = new HashMap<>(); // by section and label: {rows, rows met so far}
            for (int i = 0; i < out.length; i++) {
                Row r = rows.get(i);
                norm[i] = Labels.normalize(r.label());
                counter(same, r.section(), norm[i])[0]++;
            }
            // in printed order, the k-th row of its section and label is the k-th met
            for (int i = 0; i < out.length; i++) {
                Row r = rows.get(i);
                String label = r.label().isEmpty() ? Labels.UNLABELLED : r.label();
                int[] count = counter(same, r.section(), norm[i]);
                int k = ++count[1];
                out[i] = count[0] == 1 ? label : label + " #" + k;
            }
            return out;
        }

        private static int[] counter(Map<String, Map<String, int[]>> counts, String section, String label) {
            Map<String, int[]> bySection = counts.get(section);
            if (bySection == null) {
                bySection = new HashMap<>();
                counts.put(section, bySection);
            }
            int[] count = bySection.get(label);
            if (count == null) {
                count = new int[2];
                bySection.put(label, count);
            }
            return count;
        }

        /** Whether two rows print the same figures in every column (a line printed twice, as profit for the year often is). */
        static boolean samePrinted(Row a, Row b) {
            for (Map.Entry<String, Cell> e : a.cells().entrySet()) {
                Cell other = b.cells().get(e.getKey());
                if (other == null || !other.printed().equals(e.getValue().printed())) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the rows are one, or several that print the same figures; false for none. */
        static boolean allSamePrinted(List<Row> rows) {
            if (rows.isEmpty()) {
                return false;
            }
            for (Row r : rows) {
                if (!samePrinted(r, rows.get(0))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether one of the rows matches one of the variants. */
        static boolean matchesAny(List<Named> rows, List<StandardPack.Variant> variants) {
            for (Named n : rows) {
                for (StandardPack.Variant v : variants) {
                    if (n.matches(v)) {
                        return true;
                    }
                }
            }
            return false;
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
            List<String> years = first.columns().stream().filter(c -> c.matches("(19|20)[0-9]{2}"))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
            List<Rule> out = new ArrayList<>();
            for (int i = 0; i + 1 < years.size(); i++) {
                String year = years.get(i);
                String prior = years.get(i + 1);
                if (Integer.parseInt(year) - Integer.parseInt(prior) != 1 || !numeric(form.result(), tables, year)
                        || !form.expression().terms().stream().allMatch(t -> numeric(t.ref(), tables, prior))) {
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

        /** The first of the tables that prints every one of the items, or null. */
        Table firstPrintingAll(List<Table> tables, List<String> items) {
            for (Table t : tables) {
                if (firstMissing(t, items) == null) {
                    return t;
                }
            }
            return null;
        }

        /** The first of the items the table does not print, or null when it prints them all. */
        String firstMissing(Table t, List<String> items) {
            for (String i : items) {
                if (row(t, i) == null) {
                    return i;
                }
            }
            return null;
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

        private static String nameOf(Table t, Row r) {
            String label = r.label().isEmpty() ? Labels.UNLABELLED : r.label();
            String norm = Labels.normalize(r.label());
            int k = 0;
            int same = 0;
            for (Row o : t.rows()) {
                if (o.section().equals(r.section()) && Labels.normalize(o.label()).equals(norm)) {
                    same++;
                    if (o.index() <= r.index()) {
                        k++;
                    }
                }
            }
            return same == 1 ? label : label + " #" + k;
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

        /** The table's rows with figures printed as an item that is a deduction and whose sign the table does not tell. */
        private List<Row> deductions(Table t) {
            List<Row> rows = deductions.get(t);
            if (rows == null) {
                rows = new ArrayList<>();
                for (Named n : rows(t)) {
                    for (StandardPack.Item i : pack.items().values()) {
                        if (i.deduction() && !i.byTable() && matchesAny(List.of(n), i.labels())) {
                            rows.add(n.row());
                            break;
                        }
                    }
                }
                deductions.put(t, rows);
            }
            return rows;
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
