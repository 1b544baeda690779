package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Interval;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.model.Unit;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.rules.RuleSet;
import dev.crossfoot.rules.Term;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Properties of the rounding-aware tolerance, on generated relations {@code total = sum(w_i * x_i)}
 * (weights ±1, ±2), each repetition with its own fixed seed so any failure is reproducible.
 */
class IntervalPropertiesTest {

    private static final Unit UNIT = Unit.parse("RMB million");
    private static final int[] WEIGHTS = {1, -1, 2, -2};

    record Relation(List<BigDecimal> values, List<Integer> weights, BigDecimal total) {
    }

    static Relation exact(Random r) {
        int n = 1 + r.nextInt(8);
        List<BigDecimal> values = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal v = new BigDecimal(BigInteger.valueOf(r.nextLong() % 10_000_000_000L), r.nextInt(6));
            int w = WEIGHTS[r.nextInt(WEIGHTS.length)];
            values.add(v);
            weights.add(w);
            total = total.add(v.multiply(BigDecimal.valueOf(w)));
        }
        return new Relation(values, weights, total);
    }

    static Relation rounded(Relation x, int scale) {
        return new Relation(x.values().stream().map(v -> v.setScale(scale, RoundingMode.HALF_UP)).toList(), x.weights(),
                x.total().setScale(scale, RoundingMode.HALF_UP));
    }

    /** Evaluates the relation as a formula rule over a one-table filing held in memory. */
    static Finding check(Relation x) {
        List<Row> rows = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < x.values().size(); i++) {
            rows.add(row(i, "x" + i, x.values().get(i)));
            terms.add(new Term(BigDecimal.valueOf(x.weights().get(i)), new CellRef(null, new RowRef(null, "x" + i), null)));
        }
        rows.add(row(rows.size(), "total", x.total()));
        Table t = new Table("t", "t", "t.csv", UNIT, List.of("v"), List.of(), rows);
        Filing filing = new Filing("mem", "", "", List.of("v"), Map.of("t", t));
        Rule rule = new Rule.Formula(new RuleInfo("R", "generated", Severity.ERROR, "", SourceLocation.of("mem")), "t",
                new CellRef(null, new RowRef(null, "total"), null), new LinearExpr(terms, BigDecimal.ZERO), List.of());
        List<Finding> findings = new Checker(CheckOptions.DEFAULT).check(filing, new RuleSet(List.of(rule))).findings();
        assertEquals(1, findings.size());
        return findings.get(0);
    }

    static Row row(int index, String label, BigDecimal v) {
        Figure f = new Figure.Amount(v.toPlainString(), v, UNIT);
        return new Row(index, "", label, Map.of("v", new Cell("v", f, UNIT, SourceLocation.of("t.csv", index + 2, 2))), index + 2);
    }

    @RepeatedTest(300)
    void exactRelation_alwaysPassesExactly(RepetitionInfo rep) {
        Relation x = exact(new Random(rep.getCurrentRepetition()));
        Finding f = check(x);
        assertEquals(Status.PASS, f.status(), f::toString);
        assertTrue(f.exact(), f::toString);
        assertEquals(0, f.difference().signum(), f::toString);
    }

    @RepeatedTest(300)
    void roundingEveryFigureToItsPrintedPrecision_stillPasses(RepetitionInfo rep) {
        Random r = new Random(1000 + rep.getCurrentRepetition());
        Relation printed = rounded(exact(r), r.nextInt(3));
        Finding f = check(printed);
        assertEquals(Status.PASS, f.status(), f::toString);
    }

    @RepeatedTest(300)
    void movingOneFigureBeyondTheSumOfHalfUnits_alwaysFails(RepetitionInfo rep) {
        Random r = new Random(2000 + rep.getCurrentRepetition());
        Relation x = exact(r);
        // the sum of the weighted half-units of every printed figure: the most rounding can explain
        BigDecimal slack = halfUnit(x.total());
        for (int i = 0; i < x.values().size(); i++) {
            slack = slack.add(halfUnit(x.values().get(i)).multiply(BigDecimal.valueOf(Math.abs(x.weights().get(i)))));
        }
        int i = r.nextInt(x.values().size() + 1);
        List<BigDecimal> values = new ArrayList<>(x.values());
        BigDecimal moved = i == values.size() ? x.total() : values.get(i);
        int w = i == values.size() ? 1 : Math.abs(x.weights().get(i));
        BigDecimal ulp = new BigDecimal(BigInteger.ONE, moved.scale());
        // the smallest move, in the figure's own printed digits, that exceeds the slack (plus a few units)
        BigDecimal units = slack.divide(ulp.multiply(BigDecimal.valueOf(w)), 0, RoundingMode.FLOOR).add(BigDecimal.valueOf(1 + r.nextInt(3)));
        BigDecimal delta = ulp.multiply(units).multiply(BigDecimal.valueOf(r.nextBoolean() ? 1 : -1));
        assertTrue(delta.abs().multiply(BigDecimal.valueOf(w)).compareTo(slack) > 0);
        Relation changed = i == values.size()
                ? new Relation(values, x.weights(), x.total().add(delta))
                : new Relation(replace(values, i, values.get(i).add(delta)), x.weights(), x.total());
        Finding f = check(changed);
        assertEquals(Status.FAIL, f.status(), f::toString);
    }

    static BigDecimal halfUnit(BigDecimal printed) {
        return new BigDecimal(BigInteger.valueOf(5), printed.scale() + 1);
    }

    static List<BigDecimal> replace(List<BigDecimal> values, int i, BigDecimal v) {
        List<BigDecimal> copy = new ArrayList<>(values);
        copy.set(i, v);
        return copy;
    }

    @RepeatedTest(200)
    void negativeWeights_swapTheIntervalEnds(RepetitionInfo rep) {
        Random r = new Random(3000 + rep.getCurrentRepetition());
        BigDecimal a = BigDecimal.valueOf(r.nextInt(1_000_000) - 500_000, r.nextInt(4));
        BigDecimal b = a.add(BigDecimal.valueOf(r.nextInt(1000), r.nextInt(3)));
        BigDecimal w = BigDecimal.valueOf(-(1 + r.nextInt(9)));
        Interval i = new Interval(a, b).times(w);
        assertEquals(0, i.lo().compareTo(b.multiply(w)));
        assertEquals(0, i.hi().compareTo(a.multiply(w)));
    }

    @Test
    void toleranceIsTheWeightedSumOfHalfUnits() {
        Relation x = new Relation(List.of(new BigDecimal("1.0"), new BigDecimal("2.00")), List.of(1, -2), new BigDecimal("-3.0"));
        Finding f = check(x);
        // 0.05 (1.0) + 2 * 0.005 (2.00) + 0.05 (-3.0)
        assertEquals(0, f.tolerance().compareTo(new BigDecimal("0.11")), f::toString);
    }
}
