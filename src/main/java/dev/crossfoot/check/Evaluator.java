package dev.crossfoot.check;

import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Interval;
import dev.crossfoot.model.Unit;
import dev.crossfoot.result.CellKey;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.CheckedRule;
import dev.crossfoot.result.Figures;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Evaluates one planned check with interval arithmetic: every printed figure stands for the interval of
 * half a unit of its last printed digit; the computed side's interval is carried through the relation,
 * and the check passes when it overlaps the reported figure's interval (XBRL Calculations 1.1
 * round-to-nearest semantics).
 */
final class Evaluator {

    private static final MathContext QUOTIENT = new MathContext(34, RoundingMode.HALF_EVEN);
    /** Extra decimals shown for a computed ratio beyond the reported figure's own. */
    private static final int RATIO_EXTRA_DIGITS = 3;

    private final CheckOptions options;

    Evaluator(CheckOptions options) {
        this.options = options;
    }

    Finding evaluate(Rule rule, Plan plan) {
        return evaluate(rule, plan, rule.info().location().file());
    }

    /** @param origin where the rule came from: "standard", "inferred" or its rules file */
    Finding evaluate(Rule rule, Plan plan, String origin) {
        RuleInfo info = rule.info();
        CheckedRule checked = new CheckedRule(info.id(), info.title(), plan.kind(), info.severity(), origin);
        List<Resolved> missing = new ArrayList<>();
        List<CellUse> cells = new ArrayList<>();
        Resolved rep = plan.reported();
        cells.add(use(rep, CellUse.Role.REPORTED, null));
        checkNumeric(rep, missing);
        List<Weighted> all = new ArrayList<>();
        if (plan instanceof Plan.Linear l) {
            for (Weighted w : l.terms()) {
                cells.add(use(w.cell(), CellUse.Role.TERM, w.weight()));
                all.add(w);
            }
        } else if (plan instanceof Plan.Ratio r) {
            for (Weighted w : r.numerator()) {
                cells.add(use(w.cell(), CellUse.Role.NUMERATOR, w.weight()));
                all.add(w);
            }
            for (Weighted w : r.denominator()) {
                cells.add(use(w.cell(), CellUse.Role.DENOMINATOR, w.weight()));
                all.add(w);
            }
        }
        for (Weighted w : all) {
            checkNumeric(w.cell(), missing);
        }
        String id = info.id() + (plan.suffix().isEmpty() ? "" : "@" + plan.suffix());
        Unit unit = rep.cell().unit();
        Figure rf = rep.cell().figure();
        if (!missing.isEmpty()) {
            String why = missing.stream().map(m -> m.name() + " " + describeNonNumber(m.cell().figure()))
                    .collect(Collectors.joining("; "));
            return new Finding(id, checked, plan.column(), Status.ERROR, Figures.NONE,
                    "cannot be evaluated: " + why + "; a check never treats a non-number as zero", cells);
        }
        checkDimensions(rule, plan, rep, unit);
        int scale = rf instanceof Figure.Amount a ? a.value().scale() : 0;
        BigDecimal widen = Judgement.widening(rep.cell(), options.extraTolerance());
        Interval computedBase;
        BigDecimal computedMidBase;
        if (plan instanceof Plan.Linear l) {
            computedBase = Interval.point(l.constant());
            for (Weighted w : l.terms()) {
                computedBase = computedBase.plus(w.cell().cell().figure().interval().times(w.weight()));
            }
            computedMidBase = computedBase.mid();
        } else {
            Plan.Ratio r = (Plan.Ratio) plan;
            Interval num = sum(r.numerator());
            Interval den = sum(r.denominator());
            try {
                computedBase = num.dividedBy(den);
                computedMidBase = num.mid().divide(den.mid(), QUOTIENT);
            } catch (ArithmeticException e) {
                return new Finding(id, checked, plan.column(), Status.ERROR, new Figures(value(rf), null, null, null, false),
                        "cannot be evaluated: the denominator may be zero (" + Decimals.plain(den.lo(), 0) + " to "
                        + Decimals.plain(den.hi(), 0) + ")", cells);
            }
            if (r.change()) {
                computedBase = computedBase.plus(BigDecimal.ONE.negate());
                computedMidBase = computedMidBase.subtract(BigDecimal.ONE);
            }
        }
        Interval reportedBase = rf.interval();
        BigDecimal reportedValue = rf instanceof Figure.Marker ? unit.fromBase(reportedBase.mid()) : value(rf);
        BigDecimal computed = unit.fromBase(computedMidBase);
        Judgement judgement = new Judgement(computedBase, reportedBase, widen);
        BigDecimal tolerance = unit.fromBase(judgement.tolerance(computedMidBase));
        if (plan instanceof Plan.Ratio) {
            int shown = scale + RATIO_EXTRA_DIGITS;
            computed = computed.setScale(shown, RoundingMode.HALF_EVEN);
            tolerance = tolerance.setScale(shown, RoundingMode.CEILING);
        }
        BigDecimal difference = computed.subtract(reportedValue);
        boolean exact = plan instanceof Plan.Linear l && usesMarker(l)
                ? couldCastExactly(rf, unit, scale, l)
                : exact(rf, computed, scale, computedMidBase);
        boolean pass = options.exact() ? exact : judgement.holds();
        Status status = pass ? Status.PASS : info.severity() == Severity.ERROR ? Status.FAIL : Status.WARN;
        String message = message(rule, plan, rf, computed, scale, difference, tolerance, exact, pass, unit, computedBase);
        return new Finding(id, checked, plan.column(), status, new Figures(reportedValue, computed, difference, tolerance, exact),
                message, cells);
    }

    private String message(Rule rule, Plan plan, Figure rf, BigDecimal computed, int scale, BigDecimal difference,
                           BigDecimal tolerance, boolean exact, boolean pass, Unit unit, Interval computedBase) {
        if (pass && exact) {
            return ""; // the most common case: nothing to say, so nothing to format
        }
        String wouldPrint = rf instanceof Figure.Amount ? Decimals.printed(computed, scale) : Decimals.grouped(computed, 0);
        if (pass) {
            return "agrees within rounding only: the computed " + Decimals.grouped(computed, scale)
                    + " would be printed " + wouldPrint + ", not " + rf.printed();
        }
        StringBuilder sb = new StringBuilder();
        sb.append("reported ").append(rf.printed()).append(" but the ");
        if (plan instanceof Plan.Ratio) {
            sb.append("figures give ").append(Decimals.grouped(computed, scale)).append(" (between ")
                    .append(Decimals.grouped(unit.fromBase(computedBase.lo()).setScale(scale + RATIO_EXTRA_DIGITS, RoundingMode.FLOOR), scale))
                    .append(" and ")
                    .append(Decimals.grouped(unit.fromBase(computedBase.hi()).setScale(scale + RATIO_EXTRA_DIGITS, RoundingMode.CEILING), scale))
                    .append(" at any rounding of the amounts)");
        } else {
            sb.append("computed figure is ").append(Decimals.grouped(computed, scale));
        }
        if (computed.stripTrailingZeros().scale() > Math.max(0, scale)) {
            // only when rounding to the printed precision changes the figure: else it would repeat it
            sb.append(", which would be printed ").append(wouldPrint);
        }
        if (options.exact()) {
            sb.append("; --exact requires the printed figure");
        } else {
            sb.append("; difference ").append(Decimals.grouped(difference, 0)).append(" exceeds the rounding tolerance ±")
                    .append(Decimals.grouped(tolerance, 0));
        }
        if (!rule.info().reason().isEmpty()) {
            sb.append(" (").append(rule.info().reason().strip().replaceAll("\\s+", " ")).append(')');
        }
        return sb.toString();
    }

    private static boolean exact(Figure rf, BigDecimal computed, int scale, BigDecimal computedMidBase) {
        if (rf instanceof Figure.Amount a) {
            return computed.setScale(scale, RoundingMode.HALF_UP).compareTo(a.value()) == 0;
        }
        if (rf instanceof Figure.Nil) {
            return computedMidBase.signum() == 0;
        }
        return rf.interval().contains(computedMidBase);
    }

    private static boolean usesMarker(Plan.Linear l) {
        for (Weighted w : l.terms()) {
            if (w.cell().cell().figure() instanceof Figure.Marker) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a relation with a marker that stands for a range ("*": less than RMB1,000), "exact" means: some
     * value the markers may stand for makes the printed figures cast exactly, i.e. the printed terms'
     * sum, with each marker's range, reaches a value the reported figure rounds from.
     */
    private static boolean couldCastExactly(Figure rf, Unit unit, int scale, Plan.Linear l) {
        Interval printed = Interval.point(l.constant());
        for (Weighted w : l.terms()) {
            Figure f = w.cell().cell().figure();
            Interval v = f instanceof Figure.Amount a ? Interval.point(a.unit().toBase(a.value())) : f.interval();
            printed = printed.plus(v.times(w.weight()));
        }
        Interval rounding = rf instanceof Figure.Amount a
                ? Interval.around(unit.toBase(a.value()), a.halfUnit()) : rf.interval();
        return printed.overlaps(rounding);
    }

    private static Interval sum(List<Weighted> terms) {
        Interval s = Interval.ZERO;
        for (Weighted w : terms) {
            s = s.plus(w.cell().cell().figure().interval().times(w.weight()));
        }
        return s;
    }

    private static void checkDimensions(Rule rule, Plan plan, Resolved rep, Unit unit) {
        if (plan instanceof Plan.Linear l) {
            for (Weighted w : l.terms()) {
                requireSame(rule, unit, w.cell());
            }
            return;
        }
        Plan.Ratio r = (Plan.Ratio) plan;
        Unit num = r.numerator().get(0).cell().cell().unit();
        Unit den = r.denominator().get(0).cell().cell().unit();
        for (Weighted w : r.numerator()) {
            requireSame(rule, num, w.cell());
        }
        for (Weighted w : r.denominator()) {
            requireSame(rule, den, w.cell());
        }
        String expected = num.dimension().equals(den.dimension()) ? "1"
                : den.dimension().equals("shares") ? num.dimension() + "/share" : num.dimension() + "/" + den.dimension();
        // a per-share figure is often labelled in the currency or its cents alone: "(RMB)", "HK cents"
        boolean perShareInCurrency = den.dimension().equals("shares") && unit.dimension().equals(num.dimension()) && unit.powerOfTen() <= 0;
        if (!unit.dimension().equals(expected) && !perShareInCurrency) {
            throw new InputException(rule.info().location(), "rule " + rule.info().id() + ": " + rep.name() + " is in "
                    + unit + " but " + num + " over " + den + " gives " + (expected.equals("1") ? "a pure ratio (use %)" : expected));
        }
    }

    private static void requireSame(Rule rule, Unit unit, Resolved other) {
        Unit u = other.cell().unit();
        if (!u.dimension().equals(unit.dimension())) {
            throw new InputException(rule.info().location(), "rule " + rule.info().id() + ": " + other.name() + " is in " + u
                    + " and cannot be added to or compared with a figure in " + unit);
        }
    }

    private static void checkNumeric(Resolved r, List<Resolved> missing) {
        if (!r.cell().figure().isNumeric()) {
            missing.add(r);
        }
    }

    private static String describeNonNumber(Figure f) {
        if (f instanceof Figure.Blank) {
            return "is empty";
        }
        if (f instanceof Figure.Marker m) {
            return "holds the marker '" + m.printed() + "'" + (Objects.equals(m.meaning(), "marker") ? ""
                    : " (" + m.meaning() + ")") + ", not a number";
        }
        return "is not a number";
    }

    private static BigDecimal value(Figure f) {
        if (f instanceof Figure.Amount a) {
            return a.value();
        }
        if (f instanceof Figure.Nil) {
            return BigDecimal.ZERO;
        }
        return null;
    }

    private static CellUse use(Resolved r, CellUse.Role role, BigDecimal weight) {
        Figure f = r.cell().figure();
        return new CellUse(new CellKey(r.table().id(), r.row().index(), r.column()), r.row().displayName(), f.printed(),
                value(f), r.cell().unit(), r.cell().location(), role, weight);
    }
}
