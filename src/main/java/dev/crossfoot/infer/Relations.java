package dev.crossfoot.infer;

import dev.crossfoot.check.Judgement;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.result.Severity;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Items;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.rules.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The relations found in one table, stated as ordinary rules: a total and its items become a sum, a
 * roll-forward (with carry-forward where each column opens where the next closes) or, with a row taken
 * away, a formula; columns that add up become a cross-foot. Confirmed relations are rules of severity
 * error, near-misses rules of severity warning with the reason. Ids are unique within the table.
 */
final class Relations {

    private static final Pattern OPENING = Pattern.compile(
            "(?i).*(beginning|\\bopening|brought forward|start of|\\bat (1|january 1|1st)\\b|as (at|of) (1|january 1)\\b|balance,? (at )?begin).*");
    private static final Pattern CLOSING = Pattern.compile(
            "(?i).*(\\bend of|\\bending|\\bclosing|carried forward|balance,? (at )?end|\\bat (31|30|28|29)\\b|as (at|of) (december|june|march|september) (31|30)|\\bat (december|june|march|september) (31|30)).*");

    private final TableView view;
    private final BigDecimal extraTolerance;
    private final List<Rule> confirmed = new ArrayList<>();
    private final List<Rule> near = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    Relations(TableView view, BigDecimal extraTolerance) {
        this.view = view;
        this.extraTolerance = extraTolerance;
    }

    List<Rule> confirmed() {
        return confirmed;
    }

    List<Rule> nearMisses() {
        return near;
    }

    /**
     * Records a total: a confirmed rule for the columns that hold, and (for a near-miss) a rule of severity
     * warning for those that fail.
     *
     * @param items   the items, top first (above the total, or below it for a total printed above its parts)
     * @param weights each item's weight, in the same order: 1 added, -1 taken away
     */
    void total(int t, List<Integer> items, List<BigDecimal> weights, List<String> holding, List<String> failing,
               String nearReason) {
        String id = id("L" + view.lines.get(t).row().line());
        if (!holding.isEmpty()) {
            confirmed.add(relation(id, t, items, weights, holding, null));
        }
        if (nearReason != null && !failing.isEmpty()) {
            near.add(relation(holding.isEmpty() ? id : id + "-NEAR", t, items, weights, failing, nearReason));
        }
    }

    /**
     * Records that the subtotal t of a section of one item u prints u's figures: a sum of one item, confirmed in
     * every column where t has a figure (u's same figure), so that a check reads the item and its subtotal. Such a
     * sum stands on the layout (a heading, one item, the row closing it), not on the figures alone.
     */
    void sectionOfOne(int t, int u) {
        List<String> holding = new ArrayList<>();
        for (int c = 0; c < view.columns.size(); c++) {
            if (view.lines.get(t).value(c) != null) {
                holding.add(view.columns.get(c));
            }
        }
        total(t, List.of(u), List.of(BigDecimal.ONE), holding, List.of(), null);
    }

    /** Records a cross-foot: the rows that foot, and (as a near-miss) those that miss. */
    void crossFoot(List<String> items, String total, List<Integer> holding, List<Integer> failing) {
        String id = id("XF-" + total);
        String title = "Inferred cross-foot: across each row, " + items.get(0) + " to " + items.get(items.size() - 1)
                + " add up to " + total;
        SourceLocation at = SourceLocation.of(view.table.file(), 1);
        confirmed.add(new Rule.CrossFoot(new RuleInfo(id, title, Severity.ERROR, "", at), view.table.id(), items, total,
                holding.stream().map(this::ref).toList()));
        if (!failing.isEmpty()) {
            near.add(new Rule.CrossFoot(new RuleInfo(id + "-NEAR", title, Severity.WARNING,
                    "inferred: the other " + holding.size() + " rows cross-foot, but not this one", at),
                    view.table.id(), items, total, failing.stream().map(this::ref).toList()));
        }
    }

    private Rule relation(String id, int t, List<Integer> items, List<BigDecimal> weights, List<String> cols,
                          String nearMissReason) {
        Row total = view.lines.get(t).row();
        Map<Integer, BigDecimal> weight = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            weight.put(items.get(i), weights.get(i));
        }
        int opening = -1;
        for (int u : items) {
            if (opening < 0 && OPENING.matcher(label(u)).matches()) {
                opening = u;
            }
        }
        long closings = items.stream().filter(u -> CLOSING.matcher(label(u)).matches()).count();
        if (opening < 0 && closings == 1 && CLOSING.matcher(label(items.get(0))).matches()) {
            opening = items.get(0); // the prior period's closing opens this one
        }
        boolean roll = CLOSING.matcher(total.label()).matches() && items.size() >= 2 && opening >= 0
                && items.stream().allMatch(u -> weight.get(u).signum() > 0) && items.get(0) < t;
        int first = opening >= 0 ? opening : items.get(0);
        String title = "Inferred " + (roll ? "roll-forward: " : "total: ") + Labels.display(total.label())
                + (total.label().isEmpty() ? " (line " + total.line() + ")" : "") + " = " + describe(items, weight);
        Severity severity = nearMissReason == null ? Severity.ERROR : Severity.WARNING;
        RuleInfo info = new RuleInfo(id, title, severity, nearMissReason, SourceLocation.of(view.table.file(), total.line()));
        String table = view.table.id();
        if (roll) {
            List<RowRef> movements = new ArrayList<>();
            for (int u : items) {
                if (u != opening) {
                    movements.add(ref(u));
                }
            }
            boolean carry = nearMissReason == null && carriesForward(opening, t, cols);
            return new Rule.RollForward(info, table, ref(first), new Items.Listed(movements), ref(t), cols, carry);
        }
        List<RowRef> refs = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        boolean signed = false;
        for (int u : items) {
            refs.add(ref(u));
            terms.add(new Term(weight.get(u), new CellRef(null, refs.get(refs.size() - 1), null)));
            signed |= weight.get(u).signum() < 0;
        }
        if (signed && !total.label().contains("]")) {
            return new Rule.Formula(info, table, new CellRef(null, ref(t), null), new LinearExpr(terms, BigDecimal.ZERO), cols);
        }
        return new Rule.Sum(info, table, new Items.Listed(refs), ref(t), cols);
    }

    /**
     * Whether each column opens where the next one closes (the columns being periods, newest first), as
     * the carry-forward check judges it, and some opening is not nil.
     */
    private boolean carriesForward(int opening, int closing, List<String> cols) {
        if (cols.size() < 2) {
            return false;
        }
        boolean nonzero = false;
        for (int i = 0; i + 1 < cols.size(); i++) {
            int c = view.columns.indexOf(cols.get(i));
            int prior = view.columns.indexOf(cols.get(i + 1));
            TableView.Amount open = view.lines.get(opening).value(c);
            TableView.Amount closed = prior == c + 1 ? view.lines.get(closing).value(prior) : null;
            if (open == null || closed == null
                    || !new Judgement(closed.interval(), open.interval(), Judgement.widening(open.cell(), extraTolerance)).holds()) {
                return false;
            }
            nonzero |= open.base().signum() != 0;
        }
        return nonzero;
    }

    private String describe(List<Integer> items, Map<Integer, BigDecimal> weight) {
        List<String> names = new ArrayList<>();
        for (int u : items) {
            names.add((names.isEmpty() ? "" : weight.get(u).signum() < 0 ? " - " : " + ") + Labels.display(label(u)));
        }
        if (names.size() <= 4) {
            return String.join("", names);
        }
        return names.get(0) + names.get(1) + " + …" + names.get(names.size() - 1) + " (" + names.size() + " items)";
    }

    private String id(String what) {
        String base = Inferrer.PREFIX + view.table.id() + "-" + what;
        base = base.replaceAll("[^A-Za-z0-9_.:-]", "_");
        int n = ids.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + ":" + n;
    }

    private String label(int u) {
        return view.lines.get(u).label();
    }

    /** The shortest reference that names this row alone (every row in a relation has one: the others are barriers). */
    private RowRef ref(int r) {
        RowRef ref = view.lines.get(r).name();
        if (ref == null) {
            throw new IllegalStateException("no reference names row " + view.lines.get(r).row().line() + " of " + view.table.file());
        }
        return ref;
    }
}
