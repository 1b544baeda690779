package dev.crossfoot.check;

import dev.crossfoot.extract.narrative.NarrativeReader;
import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Interval;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.NarrativeFigure.Kind;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.model.Unit;
import dev.crossfoot.result.CellKey;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.CheckKind;
import dev.crossfoot.result.CheckedRule;
import dev.crossfoot.result.Figures;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Narrated;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.Rule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The narrative checks: each figure of the announcement's prose that names a line item and a period is tied to the
 * table figure it restates (an amount, in any unit), or to what the tables give for it (a year-over-year change with
 * its direction word, a share of revenue, a margin). Matching is by the item's name and the period, never by value:
 * the rows named as the item, in a column headed with the period. Where several rows are so named, the figure
 * agrees when one of them agrees; where they disagree among themselves and none agrees, the figure is left
 * unattached (the prose does not say which it restates). The judgement is {@link Judgement}'s: the printed digits
 * set each interval, a bound ("exceeding RMB1 billion") is open on one side, "approximately" is twice as wide.
 *
 * <p>Narrative checks are warnings: a presentation matter ({@code --fail-on warning} makes them fail a run).
 */
final class NarrativeTies {

    private static final MathContext QUOTIENT = new MathContext(34, RoundingMode.HALF_EVEN);
    private static final BigDecimal FAR = new BigDecimal("1E+30");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int EXTRA_DIGITS = 3;

    /** What the ties found: a finding per attached figure, and the figures left unattached. */
    record Outcome(List<Finding> findings, List<NarrativeFigure> unattached) {
    }

    /** A table figure a narrative figure may be about. */
    private record Candidate(Table table, Row row, Cell cell) {
        Interval magnitude() {
            Interval i = cell.figure().interval();
            return i.hi().signum() <= 0 ? i.times(BigDecimal.ONE.negate()) : i;
        }

        boolean signed() {
            Interval i = cell.figure().interval();
            return i.lo().signum() >= 0 || i.hi().signum() <= 0;
        }
    }

    /** The computed side of one tie: its interval in base units and the cells it used. */
    private record Computed(Interval interval, BigDecimal mid, List<CellUse> cells, String from) {
    }

    private final Filing filing;
    private final CheckOptions options;

    NarrativeTies(Filing filing, CheckOptions options) {
        this.filing = filing;
        this.options = options;
    }

    Outcome tie(String document, List<NarrativeFigure> figures) {
        List<Finding> findings = new ArrayList<>();
        List<NarrativeFigure> unattached = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            NarrativeFigure f = figures.get(i);
            Finding x = f.attachable() ? tie(document, i, f, figures) : null;
            if (x == null) {
                unattached.add(f);
            } else {
                findings.add(x);
            }
        }
        return new Outcome(findings, unattached);
    }

    private Finding tie(String document, int index, NarrativeFigure f, List<NarrativeFigure> all) {
        List<Candidate> items = candidates(f.item(), f.period(), f);
        if (items.isEmpty()) {
            return null;
        }
        Interval reported = reported(f);
        List<Computed> options = new ArrayList<>();
        for (Candidate c : items) {
            Computed x = switch (f.kind()) {
                case AMOUNT -> new Computed(c.magnitude(), c.magnitude().mid(), List.of(use(c, CellUse.Role.TERM)), c.table().id());
                case CHANGE -> change(c, f);
                case SHARE, MARGIN -> share(c, f);
                default -> null;
            };
            if (x != null) {
                options.add(x);
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        Computed chosen = null;
        for (Computed x : options) {
            if (judge(x, reported, f).holds()) {
                chosen = x;
                break;
            }
        }
        if (chosen == null && f.kind() == Kind.CHANGE) {
            Computed own = fromProse(f, all, options.get(0).cells());
            if (own != null && judge(own, reported, f).holds()) {
                Finding tables = finding(document, index, f, reported, options.get(0), false);
                return finding(document, index, f, reported, own, true).withNote("agrees with the amounts its sentence prints ("
                        + own.from() + "), each tied to the tables, but not with the tables' finer figures, which give "
                        + Decimals.grouped(tables.computed(), f.value().scale()) + ": the change was worked out from rounded amounts");
            }
        }
        if (chosen == null) {
            for (Computed x : options) {
                if (!x.interval().overlaps(options.get(0).interval())) {
                    return null;
                }
            }
            chosen = options.get(0);
        }
        return finding(document, index, f, reported, chosen, false);
    }

    /**
     * A change worked out from the amounts its own sentence prints for the item, this period and the one before
     * ("increased by 50.5% from RMB1,266.2 million in 2022 to RMB1,905.1 million in 2023"), or null.
     */
    private static Computed fromProse(NarrativeFigure f, List<NarrativeFigure> all, List<CellUse> cells) {
        String prior = String.valueOf(Integer.parseInt(f.period()) - 1);
        NarrativeFigure now = null;
        NarrativeFigure before = null;
        for (NarrativeFigure g : all) {
            if (g.kind() == Kind.AMOUNT && g.sentence().equals(f.sentence()) && g.line() == f.line() && g.item().equals(f.item())
                    && g.bound().isEmpty()) {
                now = g.period().equals(f.period()) ? g : now;
                before = g.period().equals(prior) ? g : before;
            }
        }
        if (now == null || before == null) {
            return null;
        }
        Interval a = now.interval(FAR);
        Interval b = before.interval(FAR);
        if (b.lo().signum() <= 0) {
            return null;
        }
        Interval ratio = a.dividedBy(b).plus(BigDecimal.ONE.negate());
        BigDecimal mid = a.mid().divide(b.mid(), QUOTIENT).subtract(BigDecimal.ONE);
        return new Computed(ratio, mid, cells, now.printed() + " and " + before.printed());
    }

    /** The rows named as the item, with a figure in the period's column, in the figure's dimension; finest unit first. */
    private List<Candidate> candidates(String item, String period, NarrativeFigure f) {
        List<Candidate> out = new ArrayList<>();
        for (Table t : filing.tables().values()) {
            String column = column(t, period);
            if (column == null) {
                continue;
            }
            for (Row r : t.rows()) {
                Cell c = r.cells().get(column);
                if (c == null || !(c.figure() instanceof Figure.Amount) || !NarrativeReader.item(r.label()).equals(item)) {
                    continue;
                }
                if (ofRevenue(f) && !(t.id() + " " + t.title() + " " + r.section()).toLowerCase(Locale.ROOT).contains("revenue")) {
                    continue;
                }
                if (f.kind() == Kind.AMOUNT && !sameCurrency(c.unit().dimension(), f.unit())) {
                    continue;
                }
                if (c.unit().isPercent() || c.unit() == Unit.UNKNOWN) {
                    continue;
                }
                out.add(new Candidate(t, r, c));
            }
        }
        out.sort(Comparator.comparingInt((Candidate c) -> c.cell().unit().powerOfTen()));
        return out;
    }

    /**
     * Whether the prose named the item as a part of revenue ("Generative AI revenue", "Traditional AI business") while
     * the table row is the part alone ("Generative AI"): then only a revenue table's row is that item.
     */
    private static boolean ofRevenue(NarrativeFigure f) {
        String w = f.words().toLowerCase(Locale.ROOT);
        return !f.item().endsWith("revenue") && !f.item().endsWith("business")
                && (w.endsWith("revenue") || w.endsWith("revenues") || w.endsWith("business"));
    }

    /** Whether a table's currency is the prose's: the same, or a plain "$" for any dollar the tables name. */
    private static boolean sameCurrency(String table, String prose) {
        return table.equalsIgnoreCase(prose) || prose.equals("$") && table.endsWith("$");
    }

    /** The column of a table headed with the period: "2023", or the one column naming it that is not a percentage. */
    private static String column(Table t, String period) {
        if (t.columns().contains(period)) {
            return period;
        }
        String found = null;
        for (String c : t.columns()) {
            if (c.contains(period) && !c.contains("%") && c.replace(period, "").matches("(?i)[^0-9]*")) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    /** The change from the prior period in the same row: (|this| / |prior|) - 1. */
    private Computed change(Candidate c, NarrativeFigure f) {
        String prior = String.valueOf(Integer.parseInt(f.period()) - 1);
        String column = column(c.table(), prior);
        Cell p = column == null ? null : c.row().cells().get(column);
        if (p == null || !(p.figure() instanceof Figure.Amount)) {
            return null;
        }
        return change(c, new Candidate(c.table(), c.row(), p));
    }

    /** The change from {@code before} to {@code c}: (|c| / |before|) - 1, or null when the signs leave it undefined. */
    private static Computed change(Candidate c, Candidate before) {
        Cell p = before.cell();
        if (!c.signed() || !before.signed() || before.magnitude().lo().signum() <= 0
                || c.cell().figure().interval().mid().signum() * p.figure().interval().mid().signum() < 0) {
            return null;
        }
        Interval ratio = c.magnitude().dividedBy(before.magnitude()).plus(BigDecimal.ONE.negate());
        BigDecimal mid = c.magnitude().mid().divide(before.magnitude().mid(), QUOTIENT).subtract(BigDecimal.ONE);
        return new Computed(ratio, mid, List.of(use(c, CellUse.Role.NUMERATOR), use(before, CellUse.Role.DENOMINATOR)),
                c.table().id());
    }

    /** A share of revenue or a margin: the item over the table's total (or revenue), else the filing's revenue. */
    private Computed share(Candidate c, NarrativeFigure f) {
        Candidate base = null;
        String column = c.cell().column();
        if (f.kind() == Kind.SHARE) {
            base = row(c.table(), "total", column);
        }
        if (base == null) {
            base = row(c.table(), "revenue", column);
        }
        if (base == null) {
            List<Candidate> revenue = candidates("revenue", f.period(), f);
            base = revenue.stream().filter(r -> r.cell().unit().dimension().equals(c.cell().unit().dimension()))
                    .findFirst().orElse(null);
        }
        if (base == null || base.row() == c.row()) {
            return null;
        }
        return share(c, base);
    }

    /** The part over the whole: |c| / |base|, or null when the whole may be nought or the part's sign is unknown. */
    private static Computed share(Candidate c, Candidate base) {
        if (!c.signed() || base.magnitude().lo().signum() <= 0) {
            return null;
        }
        Interval ratio = c.magnitude().dividedBy(base.magnitude());
        BigDecimal mid = c.magnitude().mid().divide(base.magnitude().mid(), QUOTIENT);
        return new Computed(ratio, mid, List.of(use(c, CellUse.Role.NUMERATOR), use(base, CellUse.Role.DENOMINATOR)),
                c.table().id());
    }

    private static Candidate row(Table t, String item, String column) {
        for (Row r : t.rows()) {
            Cell c = r.cells().get(column);
            if (c != null && c.figure() instanceof Figure.Amount && NarrativeReader.item(r.label()).equals(item)) {
                return new Candidate(t, r, c);
            }
        }
        return null;
    }

    /** The narrative figure's interval in base units (a percentage as a fraction), signed by its direction word. */
    private static Interval reported(NarrativeFigure f) {
        Interval i = f.interval(FAR);
        return f.direction().equals("decrease") ? i.times(BigDecimal.ONE.negate()) : i;
    }

    private Judgement judge(Computed x, Interval reported, NarrativeFigure f) {
        BigDecimal widen = BigDecimal.ZERO;
        if (options.extraTolerance().signum() != 0) {
            BigDecimal ulp = Decimals.ulp(f.value().scale());
            widen = ulp.multiply(options.extraTolerance()).movePointRight(f.unit().equals("%") ? -2 : f.scale());
        }
        return new Judgement(x.interval(), reported, widen);
    }

    /** @param coarse the computed side is the prose's own rounded amounts: a pass is then never exact */
    private Finding finding(String document, int index, NarrativeFigure f, Interval reported, Computed x, boolean coarse) {
        String rule = "NARR-" + f.kind().key().toUpperCase(Locale.ROOT);
        CheckedRule checked = new CheckedRule(rule, title(f.kind()), CheckKind.NARRATIVE, Severity.WARNING);
        return finding(document, index, f, reported, x, coarse, checked, "'" + f.words() + "' and " + f.period());
    }

    /**
     * A text rule's check ({@link Plan.Text}): its narrative figure against the cells the rule names, judged as an
     * attached figure is.
     *
     * @throws InputException when the cells give no change, share or margin (a nought or unsigned whole, signs that differ)
     */
    Finding restated(String document, Rule rule, Plan.Text p, String origin) {
        Candidate is = new Candidate(p.reported().table(), p.reported().row(), p.reported().cell());
        Candidate other = p.other() == null ? null : new Candidate(p.other().table(), p.other().row(), p.other().cell());
        Computed x = switch (p.measure()) {
            case AMOUNT -> new Computed(is.magnitude(), is.magnitude().mid(), List.of(use(is, CellUse.Role.TERM)), is.table().id());
            case CHANGE -> change(is, other);
            default -> share(is, other);
        };
        if (x == null) {
            throw new InputException(rule.info().location(), "rule " + rule.info().id() + ": " + p.reported().name() + " and "
                    + p.other().name() + " give no " + p.measure().key() + " (a whole that may be nought, or signs that differ)");
        }
        CheckedRule checked = new CheckedRule(rule.info().id(), rule.info().title(), CheckKind.NARRATIVE, rule.info().severity(), origin);
        Finding out = finding(document, p.index(), p.figure(), reported(p.figure()), x, false, checked, "rule " + rule.info().id());
        return out;
    }

    private Finding finding(String document, int index, NarrativeFigure f, Interval reported, Computed x, boolean coarse,
                            CheckedRule checked, String matched) {
        Judgement j = judge(x, reported, f);
        boolean percent = f.unit().equals("%");
        int shift = percent ? 2 : -f.scale();
        int scale = f.value().scale();
        int shown = percent ? scale + EXTRA_DIGITS : scale;
        BigDecimal sign = f.direction().equals("decrease") ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        BigDecimal reportedValue = f.value().multiply(sign);
        BigDecimal computed = x.mid().movePointRight(shift).setScale(shown, RoundingMode.HALF_EVEN);
        BigDecimal tolerance = j.tolerance(x.mid()).movePointRight(shift).setScale(shown, RoundingMode.CEILING);
        if (!f.bound().isEmpty() && !f.bound().equals("approximately")) {
            tolerance = x.interval().halfWidth().movePointRight(shift).setScale(shown, RoundingMode.CEILING);
        }
        BigDecimal difference = computed.subtract(reportedValue);
        boolean exact = !coarse && f.bound().isEmpty() && x.mid().movePointRight(shift).setScale(scale, RoundingMode.HALF_UP)
                .compareTo(reportedValue) == 0;
        boolean pass = options.exact() && f.bound().isEmpty() ? exact : j.holds();
        String rule = checked.id();
        Unit unit = percent ? Unit.PERCENT : new Unit(f.unit() + scaleWord(f.scale()), f.unit(), f.scale());
        String period = f.period().isEmpty() ? x.cells().get(0).key().column() : f.period();
        CellUse rep = new CellUse(new CellKey("narrative", index, period), x.cells().get(0).row(), f.printed(),
                reportedValue, unit, SourceLocation.of(document, f.line()), CellUse.Role.REPORTED, null);
        List<CellUse> cells = new ArrayList<>();
        cells.add(rep);
        cells.addAll(x.cells());
        String words = matched + " → " + x.cells().get(0).name();
        String message = pass ? "" : message(f, x, computed, scale, shift, words);
        Narrated narrated = new Narrated(document, f.line(), f.at(), f.sentence(), words);
        return new Finding(rule + "@" + f.at() + "#" + f.printed(), checked, period,
                pass ? Status.PASS : checked.severity() == Severity.ERROR ? Status.FAIL : Status.WARN, new Figures(reportedValue, computed, difference, tolerance, exact), message,
                cells, List.of(), false, narrated);
    }

    private static String message(NarrativeFigure f, Computed x, BigDecimal computed, int scale, int shift, String words) {
        StringBuilder sb = new StringBuilder("the prose says ").append(f.bound().isEmpty() ? "" : f.bound() + " ")
                .append(f.printed());
        if (!f.direction().isEmpty()) {
            sb.append(" (").append(f.direction()).append(')');
        }
        sb.append(" but the tables give ").append(Decimals.grouped(computed, scale));
        if (f.unit().equals("%")) {
            sb.append(" (between ").append(Decimals.grouped(x.interval().lo().movePointRight(shift)
                    .setScale(scale + EXTRA_DIGITS, RoundingMode.FLOOR), scale)).append(" and ")
                    .append(Decimals.grouped(x.interval().hi().movePointRight(shift)
                    .setScale(scale + EXTRA_DIGITS, RoundingMode.CEILING), scale)).append(" at any rounding of the amounts)");
        }
        sb.append(", which would be printed ").append(Decimals.printed(computed, scale));
        sb.append("; matched on ").append(words);
        return sb.toString();
    }

    private static String title(Kind kind) {
        return switch (kind) {
            case AMOUNT -> "An amount in the prose restates the table figure";
            case CHANGE -> "A change in the prose is the tables' year-over-year change, in the direction it says";
            case SHARE -> "A share in the prose is the item over total revenue";
            case MARGIN -> "A margin in the prose is the profit over revenue";
            default -> "A figure in the prose";
        };
    }

    private static String scaleWord(int scale) {
        return switch (scale) {
            case 3 -> " thousand";
            case 6 -> " million";
            case 9 -> " billion";
            case 4 -> " 萬";
            case 8 -> " 億";
            default -> "";
        };
    }

    private static CellUse use(Candidate c, CellUse.Role role) {
        Figure.Amount a = (Figure.Amount) c.cell().figure();
        return new CellUse(new CellKey(c.table().id(), c.row().index(), c.cell().column()), c.row().displayName(),
                c.cell().printed(), a.value(), c.cell().unit(), c.cell().location(), role, BigDecimal.ONE);
    }
}
