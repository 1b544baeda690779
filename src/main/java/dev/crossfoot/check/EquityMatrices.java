package dev.crossfoot.check;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.LookupException;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.rules.StandardPack;
import dev.crossfoot.rules.Term;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standard form that reads the statement of changes in equity, a matrix: rows are movements between balance rows,
 * columns are equity components. {@code changes-in-equity[row][column]} names a row (an item, or the period's
 * {@code opening} or {@code closing} balance row) and a column (an item printed as a column, or {@code *}: each
 * column in turn, paired with the row of another table printed as the same component, or with the column of the
 * same component in an earlier matrix).
 *
 * <p>A matrix's periods are read from its balance rows (an {@code equity-balance} row whose label gives a date): two
 * balance rows of the same matrix a year apart (300 to 400 days) open and close a period, whose year (the closing
 * date's) names the column of the other statements it is checked against. A carried form pairs a period's opening
 * with the closing of the period that ends the day before or on the same day (in the same matrix or another one),
 * and is not checked where both are the same printed row. One formula is made per period (and column, for
 * {@code *}), with the year (and the column) in its id; they count as one rule.
 *
 * <p>Nothing here is a guess: a row label matching two rows of a period with different figures, a column header
 * matching two columns, or a figure in another unit than the cell it is compared with, makes that one check not made.
 */
final class EquityMatrices {

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])");
    private static final Pattern DAY = Pattern.compile("(?<![0-9])([0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])");
    private static final Pattern MONTH = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\\b");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** One year of a matrix: its opening and closing balance rows and the rows with figures printed between them. */
    record Period(Table table, Row opening, Row closing, LocalDate from, LocalDate to, List<FilingRows.Named> movements) {
        String year() {
            return String.valueOf(to.getYear());
        }
    }

    /** A cell a reference names, and the rule's name for it. */
    private record Found(CellRef ref, Cell cell) {
        /** Whether the two name the same cell (as their references' equality says, without hashing them). */
        boolean same(Found o) {
            return ref.table().equals(o.ref.table()) && ref.column().equals(o.ref.column())
                    && ref.row().label().equals(o.ref.row().label()) && ref.row().section().equals(o.ref.row().section());
        }
    }

    private final Standards.Resolver resolver;
    private final StandardPack pack;
    private final EquityTables tables;
    private final StandardPack.StandardRule rule;
    private final StandardPack.Form form;
    private final List<CellRef> refs = new ArrayList<>();
    /** Why checks were not made, each reason once, in the order met (the first two are reported). */
    private final Set<String> why = new LinkedHashSet<>();

    EquityMatrices(Standards.Resolver resolver, StandardPack.StandardRule rule, StandardPack.Form form) {
        this.resolver = resolver;
        this.pack = resolver.pack();
        this.tables = resolver.equity();
        this.rule = rule;
        this.form = form;
        refs.add(form.result());
        for (Term t : form.expression().terms()) {
            refs.add(t.ref());
        }
    }

    Standards.Attempt attempt() {
        List<Table> matrices = resolver.byRole(StandardPack.EQUITY_ROLE);
        if (matrices.isEmpty()) {
            return new Standards.Attempt(null, "no table has role " + StandardPack.EQUITY_ROLE);
        }
        // the other statements: per role, the first table that prints every item the form names of it
        Map<String, Table> others = new LinkedHashMap<>();
        for (CellRef r : refs) {
            if (isMatrix(r) || others.containsKey(r.table())) {
                continue;
            }
            List<String> items = new ArrayList<>();
            for (CellRef x : refs) {
                if (r.table().equals(x.table()) && !each(x.row().label())) {
                    items.add(x.row().label());
                }
            }
            List<Table> candidates = resolver.byRole(r.table());
            if (candidates.isEmpty()) {
                return new Standards.Attempt(null, "no table has role " + r.table());
            }
            Table chosen = resolver.firstPrintingAll(candidates, items);
            if (chosen == null) {
                Table t = candidates.get(0);
                String missing = resolver.firstMissing(t, items);
                return new Standards.Attempt(null, "table " + t.id() + " (" + r.table() + ") prints no " + (missing == null ? "?" : missing));
            }
            for (String u : form.unless()) {
                if (resolver.prints(chosen, u)) {
                    return new Standards.Attempt(null, "table " + chosen.id() + " (" + r.table() + ") prints " + u);
                }
            }
            others.put(r.table(), chosen);
        }
        List<Period> periods = new ArrayList<>();
        for (Table m : matrices) {
            periods.addAll(tables.periods(m));
        }
        if (periods.isEmpty()) {
            return new Standards.Attempt(null, "no " + StandardPack.EQUITY_ROLE + " table prints a year's opening and closing balances");
        }
        List<Rule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Period later : periods) {
            if (!form.carry()) {
                instances(later, later, others, out, ids);
                continue;
            }
            for (Period earlier : periods) {
                long gap = ChronoUnit.DAYS.between(earlier.to(), later.from());
                if ((gap == 0 || gap == 1) && !(earlier.table() == later.table() && earlier.closing() == later.opening())) {
                    instances(later, earlier, others, out, ids);
                }
            }
        }
        if (out.isEmpty()) {
            return new Standards.Attempt(null, !why.isEmpty() ? String.join("; ", why.stream().limit(2).toList())
                    : form.carry() ? "no period's opening balances are printed apart from the closing balances before it" : "no period prints its figures");
        }
        return new Standards.Attempt(out, null);
    }

    /** The form in one period (and its earlier period, for a carried form): one formula, or one per column for '*'. */
    private void instances(Period later, Period earlier, Map<String, Table> others, List<Rule> out, Set<String> ids) {
        for (String u : form.unless()) {
            if (resolver.prints(later.table(), u) || tables.printsColumn(later.table(), u)
                    || resolver.prints(earlier.table(), u) || tables.printsColumn(earlier.table(), u)) {
                note("table " + later.table().id() + " (" + StandardPack.EQUITY_ROLE + ") prints " + u);
                return;
            }
        }
        boolean anyEach = false;
        for (CellRef r : refs) {
            anyEach |= isMatrix(r) && each(r.column());
        }
        if (!anyEach) {
            make(later, earlier, others, null, "", out, ids);
            return;
        }
        Period anchor = isMatrix(form.result()) ? later : form.carry() ? earlier : later;
        for (String c : anchor.table().columns()) {
            EquityTables.Identity id = tables.identity(anchor.table(), c);
            make(later, earlier, others, id, "-" + id.slug(), out, ids);
        }
    }

    private void make(Period later, Period earlier, Map<String, Table> others, EquityTables.Identity column, String suffix, List<Rule> out, Set<String> ids) {
        Found result = concrete(form.result(), later, others, column);
        if (result == null) {
            return;
        }
        List<Found> cells = new ArrayList<>();
        cells.add(result);
        List<Term> terms = new ArrayList<>();
        for (Term t : form.expression().terms()) {
            Found c = concrete(t.ref(), form.carry() ? earlier : later, others, column);
            if (c == null) {
                return;
            }
            cells.add(c);
            terms.add(new Term(t.coefficient(), c.ref()));
        }
        String dimension = null;
        for (Found c : cells) {
            String d = c.cell().unit().dimension();
            if (dimension != null && !dimension.equals(d)) {
                note("its figures are in different units (" + dimension + ", " + d + ")");
                return;
            }
            dimension = d;
        }
        for (int i = 0; i < cells.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (cells.get(i).same(cells.get(j))) {
                    note("two of its figures are the same cell");
                    return;
                }
            }
        }
        RuleInfo info = rule.info();
        String id = info.id() + "-" + later.year() + suffix;
        for (int k = 2; !ids.add(id); k++) {
            id = info.id() + "-" + later.year() + suffix + "-" + k;
        }
        RuleInfo each = new RuleInfo(id, info.title(), info.severity(), info.reason(), info.location());
        out.add(new Rule.Formula(each, null, result.ref(), new LinearExpr(terms, form.expression().constant()), List.of()));
    }

    /** The cell a reference names in this period (and column), or null (noted) when it is not printed as a number. */
    private Found concrete(CellRef ref, Period period, Map<String, Table> others, EquityTables.Identity column) {
        Table t;
        Row row;
        String col;
        if (isMatrix(ref)) {
            t = period.table();
            row = switch (ref.row().label()) {
                case StandardPack.OPENING -> period.opening();
                case StandardPack.CLOSING -> period.closing();
                default -> movement(period, ref.row().label());
            };
            col = each(ref.column()) ? column(t, column) : tables.itemColumn(t, ref.column());
            if (row == null || col == null) {
                note("table " + t.id() + " (" + StandardPack.EQUITY_ROLE + ") prints no " + (row == null ? ref.row().label() + " row" : ref.column() + " column")
                        + " in " + period.year());
                return null;
            }
        } else {
            t = others.get(ref.table());
            row = each(ref.row().label()) ? component(t, column) : resolver.row(t, ref.row().label());
            try {
                col = t.column(period.year());
            } catch (LookupException e) {
                note("table " + t.id() + " (" + ref.table() + ") has no column " + period.year());
                return null;
            }
            if (row == null) {
                return null;
            }
        }
        Cell cell = row.cells().get(col);
        if (cell == null || !cell.figure().isNumeric()) {
            note("no figure in table " + t.id() + " for " + resolver.name(t, row) + ", " + col);
            return null;
        }
        return new Found(new CellRef(t.id(), new RowRef(row.section(), resolver.name(t, row)), col), cell);
    }

    private void note(String reason) {
        why.add(reason);
    }

    private static boolean isMatrix(CellRef r) {
        return StandardPack.EQUITY_ROLE.equals(r.table());
    }

    private static boolean each(String s) {
        return StandardPack.EACH.equals(s);
    }

    /** The date a balance row's label gives ("As at January 1, 2023", "At 30th September, 2020"), or null. */
    static LocalDate date(String label) {
        String s = Labels.normalize(label).toLowerCase(Locale.ROOT);
        Matcher m = MONTH.matcher(s);
        Matcher y = YEAR.matcher(s);
        String year = null;
        while (y.find()) {
            year = y.group(1);
        }
        Matcher d = DAY.matcher(s);
        if (!m.find() || year == null || !d.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year), MONTHS.indexOf(m.group(1)) + 1, Integer.parseInt(d.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The one row between a period's balances printed as the item (rows printing the same figures count as one), or null. */
    private Row movement(Period p, String item) {
        for (StandardPack.Variant v : pack.items().get(item).labels()) {
            List<Row> matches = new ArrayList<>();
            for (FilingRows.Named n : p.movements()) {
                if (n.matches(v)) {
                    matches.add(n.row());
                }
            }
            if (FilingRows.allSamePrinted(matches)) {
                return matches.get(0);
            }
        }
        return null;
    }

    /** The column of this matrix that is the same component, or null. */
    private String column(Table t, EquityTables.Identity id) {
        if (id.item() != null) {
            return tables.itemColumn(t, id.item());
        }
        List<String> cols = t.columns();
        List<String> headers = tables.headers(t);
        String one = null;
        int found = 0;
        for (int i = 0; i < cols.size(); i++) {
            if (headers.get(i).equals(id.header()) && tables.identity(t, cols.get(i)).item() == null) {
                one = cols.get(i);
                found++;
            }
        }
        return found == 1 ? one : null;
    }

    /**
     * The row of another statement printed as the same component as a matrix column: the item's row, or else the one
     * row labelled as the column is headed (a total it does not name as an item is not guessed at), or null.
     */
    private Row component(Table t, EquityTables.Identity id) {
        if (id.item() != null) {
            Row r = resolver.row(t, id.item());
            if (r == null) {
                note("table " + t.id() + " prints no " + id.item());
            }
            return r;
        }
        if (id.header().startsWith("total") || id.header().startsWith("sub-total") || id.header().startsWith("subtotal")) {
            return null;
        }
        List<Row> found = new ArrayList<>();
        for (FilingRows.Named n : resolver.rows(t)) {
            if (n.label().equals(id.header())) {
                found.add(n.row());
            }
        }
        return FilingRows.allSamePrinted(found) ? found.get(0) : null;
    }
}
