package dev.crossfoot.infer;

import dev.crossfoot.check.Judgement;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Labels;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.result.Severity;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ties across the tables of a filing: the same line item printed for the same period in two tables (a note's
 * total and the statement line, an MD&amp;A figure in millions and the statement's in thousands) must agree.
 *
 * <p>Two rows are the same line item when their labels are the same once case, punctuation, footnote marks
 * and a leading or trailing "total" are set aside, the label names one row only in each table, and is not a
 * generic word ("other", "total"); never because two figures happen to be equal. They are compared in each
 * period column (a column named by one of the filing's periods) that both tables print, in base units, with
 * the judgement every check uses. A tie is accepted only with evidence: in some period both figures are not
 * nil, at least {@link Inferrer#SIGNIFICANCE} times their tolerance, and agree. A period where they disagree
 * by at most {@link Inferrer#NEAR_OTHER_COLUMN} is then a near-miss; by more, the two rows are taken for
 * different things and the tie is dropped. Each item is tied to its first occurrence in a primary statement,
 * else in the first table that prints it.
 */
final class Ties {

    private static final Pattern MARKS = Pattern.compile("\\(\\s*(\\d{1,2}|[a-z]|[ivx]{1,4})\\s*\\)|[*†‡^#]+|\\[\\d+]");
    private static final Pattern TOTAL_WORDS = Pattern.compile("^(total|sub-?total)\\s+|\\s+(total|sub-?total)$");
    private static final Set<String> GENERIC = Set.of("", "total", "subtotal", "sub-total", "other", "others", "net",
            "sundry", "balance", "unlabelled", "amount", "amounts", "others net", "other net", "adjustments", "total net",
            "current", "non current", "noncurrent", "basic", "diluted", "grand total", "carrying amount", "cost",
            "at cost", "at fair value", "fair value", "less", "add", "gross", "nil");
    private static final List<String> PRIMARY = List.of("income-statement", "comprehensive-income", "balance-sheet",
            "cash-flows");

    private final Filing filing;
    private final List<TableView> views;
    private final BigDecimal extraTolerance;

    Ties(Filing filing, List<TableView> views, BigDecimal extraTolerance) {
        this.filing = filing;
        this.views = views;
        this.extraTolerance = extraTolerance;
    }

    /** Where a line item is printed: a table and its row. */
    private record Place(TableView view, int line) {
        TableView.Line row() {
            return view.lines.get(line);
        }
    }

    /** The key two labels share when they name the same line item, or "" for none. */
    static String key(String label) {
        String s = label.toLowerCase(Locale.ROOT).replace('’', '\'').replace("&", " and ");
        s = MARKS.matcher(s).replaceAll(" ");
        s = s.replaceAll("[^\\p{L}\\p{N}]+", " ").replaceAll("\\s+", " ").strip();
        s = TOTAL_WORDS.matcher(s).replaceAll("").strip();
        s = s.replaceAll("^the ", "");
        return GENERIC.contains(s) || s.length() < 4 || !s.matches(".*\\p{L}.*") ? "" : s;
    }

    /** Adds each tie found to {@code confirmed}, and each near-miss to {@code near}. */
    void run(List<Rule> confirmed, List<Rule> near) {
        if (views.size() < 2 || filing.periods().isEmpty()) {
            return;
        }
        Set<String> periods = new HashSet<>(filing.periods());
        Map<String, List<Place>> items = new LinkedHashMap<>();
        List<TableView> ordered = new ArrayList<>();
        views.stream().filter(v -> PRIMARY.contains(v.table.role())).forEach(ordered::add);
        views.stream().filter(v -> !PRIMARY.contains(v.table.role())).forEach(ordered::add);
        for (TableView v : ordered) {
            if (v.columns.stream().noneMatch(periods::contains)) {
                continue;
            }
            Map<String, Integer> seen = new HashMap<>();
            Map<String, Integer> at = new HashMap<>();
            for (TableView.Line line : v.lines) {
                String k = line.hasValue() && line.name() != null ? key(line.label()) : "";
                if (!k.isEmpty()) {
                    seen.merge(k, 1, Integer::sum);
                    at.put(k, line.index());
                }
            }
            seen.forEach((k, n) -> {
                if (n == 1) {
                    items.computeIfAbsent(k, x -> new ArrayList<>()).add(new Place(v, at.get(k)));
                }
            });
        }
        Map<String, Integer> ids = new HashMap<>();
        for (Map.Entry<String, List<Place>> e : items.entrySet()) {
            List<Place> places = e.getValue();
            for (int i = 1; i < places.size(); i++) {
                tie(places.get(0), places.get(i), periods, ids, confirmed, near);
            }
        }
    }

    private void tie(Place anchor, Place other, Set<String> periods, Map<String, Integer> ids, List<Rule> confirmed,
                     List<Rule> near) {
        List<String> holding = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        boolean evident = false;
        Place figure = rounder(other, anchor);
        Place agrees = figure == other ? anchor : other;
        for (String period : filing.periods()) {
            int a = figure.view().columns.indexOf(period);
            int b = agrees.view().columns.indexOf(period);
            if (a < 0 || b < 0 || !periods.contains(period)) {
                continue;
            }
            TableView.Amount reported = figure.row().value(a);
            TableView.Amount computed = agrees.row().value(b);
            if (reported == null || computed == null
                    || !reported.cell().unit().dimension().equals(computed.cell().unit().dimension())) {
                continue;
            }
            Judgement j = new Judgement(computed.interval(), reported.interval(), Judgement.widening(reported.cell(), extraTolerance));
            if (j.holds()) {
                holding.add(period);
                evident |= reported.base().signum() != 0 && computed.base().signum() != 0
                        && j.significant(reported.base(), Inferrer.SIGNIFICANCE);
            } else if (Runs.relative(computed.base(), reported.base()).compareTo(Inferrer.NEAR_OTHER_COLUMN) > 0) {
                return;
            } else {
                failing.add(period);
            }
        }
        if (!evident) {
            return;
        }
        String base = (Inferrer.PREFIX + "TIE-" + figure.view().table.id() + "-L" + figure.row().row().line() + "-"
                + agrees.view().table.id()).replaceAll("[^A-Za-z0-9_.:-]", "_");
        int n = ids.merge(base, 1, Integer::sum);
        String id = n == 1 ? base : base + ":" + n;
        String title = "Inferred tie: " + figure.view().table.id() + "[" + Labels.display(figure.row().label()) + "] agrees with "
                + agrees.view().table.id() + "[" + Labels.display(agrees.row().label()) + "] (the same line item, matched by label, "
                + "in the same period)";
        SourceLocation at = SourceLocation.of(figure.view().table.file(), figure.row().row().line());
        CellRef reported = new CellRef(figure.view().table.id(), figure.row().name(), null);
        LinearExpr with = LinearExpr.of(new CellRef(agrees.view().table.id(), agrees.row().name(), null));
        confirmed.add(new Rule.Tie(new RuleInfo(id, title, Severity.ERROR, "", at), figure.view().table.id(), reported, with, holding));
        if (!failing.isEmpty()) {
            near.add(new Rule.Tie(new RuleInfo(id + "-NEAR", title, Severity.WARNING, "inferred: the same line item agrees in "
                    + String.join(", ", holding) + " but not here", at), figure.view().table.id(), reported, with, failing));
        }
    }

    /** Of two places, the one whose figures are printed to the coarser unit (the reported side of a tie). */
    private static Place rounder(Place a, Place b) {
        return width(a).compareTo(width(b)) > 0 ? a : b;
    }

    private static BigDecimal width(Place p) {
        for (TableView.Amount amount : p.row().amounts()) {
            if (amount != null) {
                return amount.interval().halfWidth();
            }
        }
        return BigDecimal.ZERO;
    }
}
