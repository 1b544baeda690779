package dev.crossfoot.check;

import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Unit;
import dev.crossfoot.result.CellKey;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.CheckKind;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says why a total breaks, with the explanations an experienced auditor tries first, each offered only
 * when it fits the numbers within the check's tolerance:
 * <ul>
 *   <li>the difference is twice one figure: its sign is flipped;</li>
 *   <li>the difference equals one item: it is left out, or counted twice;</li>
 *   <li>a figure is off by a factor of 1,000 or 1,000,000: a unit slip;</li>
 *   <li>the difference is divisible by 9 and a figure, with two adjacent digits swapped or slid one
 *       place, makes the check pass: a transposition or a slide (the figure is named);</li>
 *   <li>in a matrix, one cell breaks both its row check and its column check, and one value of that
 *       cell makes both pass: the cell and the value are named.</li>
 * </ul>
 */
final class Diagnoser {

    private static final BigDecimal[] UNIT_SLIPS = {new BigDecimal(1000), new BigDecimal(1_000_000)};

    private Diagnoser() {
    }

    static List<Finding> diagnose(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(failing(f) && f.kind().additive() ? f.withDiagnoses(capped(single(f))) : f);
        }
        return matrix(out);
    }

    private static boolean failing(Finding f) {
        return (f.status() == Status.FAIL || f.status() == Status.WARN) && f.difference() != null
                && f.difference().signum() != 0;
    }

    /** A term of a relation, in the reported figure's unit. */
    private record TermValue(CellUse cell, BigDecimal contribution) {
    }

    private static List<Diagnosis> single(Finding f) {
        List<Diagnosis> out = new ArrayList<>();
        Unit unit = f.unit();
        BigDecimal d = f.difference();
        BigDecimal tol = f.tolerance();
        BigDecimal r = f.reportedValue();
        CellUse reported = f.reportedCell();
        List<TermValue> terms = new ArrayList<>();
        for (CellUse c : f.cells()) {
            if (c.role() == CellUse.Role.TERM && c.value() != null) {
                BigDecimal inReported = unit.fromBase(c.unit().toBase(c.value()));
                terms.add(new TermValue(c, inReported.multiply(c.weight())));
            }
        }
        String diff = Decimals.grouped(d, 0);
        for (TermValue t : terms) {
            if (t.contribution().signum() != 0 && near(d, t.contribution().multiply(BigDecimal.valueOf(2)), tol)) {
                out.add(one(Diagnosis.Kind.SIGN_FLIPPED, "sign flipped? the difference, " + diff + ", is twice "
                        + t.cell().name() + " (" + t.cell().printed() + "); with the opposite sign the check passes",
                        d, null, t.cell(), t.cell().value().negate(), "sign flipped"));
            }
        }
        if (r != null && r.signum() != 0 && near(d, r.multiply(BigDecimal.valueOf(-2)), tol)) {
            out.add(one(Diagnosis.Kind.SIGN_FLIPPED, "sign flipped? the difference, " + diff + ", is twice the reported "
                    + f.reported() + "; with the opposite sign the check passes", d, null, reported, r.negate(), "sign flipped"));
        }
        for (TermValue t : terms) {
            if (t.contribution().signum() != 0 && near(d, t.contribution(), tol)) {
                out.add(one(Diagnosis.Kind.ITEM_OMITTED, "item omitted? the difference, " + diff + ", equals "
                        + t.cell().name() + " (" + t.cell().printed()
                        + "): the reported figure leaves it out, or the items count it twice", d, null, t.cell(), null,
                        "left out of the reported figure, or counted twice among the items"));
            } else if (t.contribution().signum() != 0 && near(d, t.contribution().negate(), tol)) {
                out.add(one(Diagnosis.Kind.ITEM_COUNTED_TWICE, "item counted twice? the difference, " + diff + ", is minus "
                        + t.cell().name() + " (" + t.cell().printed()
                        + "): the reported figure counts it twice, or the items leave it out", d, null, t.cell(), null,
                        "counted twice in the reported figure, or left out of the items"));
            }
        }
        for (BigDecimal k : UNIT_SLIPS) {
            // k is a power of ten: where only the value counts (a comparison), dividing by it is moving the point
            int slip = k.precision() - 1;
            String times = Decimals.grouped(k, 0);
            for (TermValue t : terms) {
                BigDecimal c = t.contribution();
                if (c.signum() == 0) {
                    continue;
                }
                // "too large" only when the item divided by k would still print as a figure (else it is an omission)
                boolean stillPrints = t.cell().value().abs().scaleByPowerOfTen(-slip).compareTo(Decimals.ulp(t.cell().value().scale())) >= 0;
                if (stillPrints && near(d, c.subtract(c.scaleByPowerOfTen(-slip)), tol)) {
                    out.add(one(Diagnosis.Kind.UNIT_SLIP, "unit slip? " + t.cell().name() + " (" + t.cell().printed()
                            + ") looks " + times + " times too large; divided by " + times + " the check passes",
                            d, k, t.cell(), t.cell().value().divide(k), times + " times too large"));
                } else if (near(d, c.subtract(c.multiply(k)), tol)) {
                    out.add(one(Diagnosis.Kind.UNIT_SLIP, "unit slip? " + t.cell().name() + " (" + t.cell().printed()
                            + ") looks " + times + " times too small; multiplied by " + times + " the check passes",
                            d, k, t.cell(), t.cell().value().multiply(k), times + " times too small"));
                }
            }
            if (r != null && r.signum() != 0 && f.computed() != null) {
                if (near(f.computed(), r.multiply(k), tol.multiply(k))) {
                    out.add(one(Diagnosis.Kind.UNIT_SLIP, "unit slip? the reported " + f.reported() + " looks " + times
                            + " times too small for the computed " + Decimals.grouped(f.computed(), 0), d, k, reported,
                            r.multiply(k), times + " times too small"));
                } else if (near(f.computed(), r.scaleByPowerOfTen(-slip), tol)) {
                    out.add(one(Diagnosis.Kind.UNIT_SLIP, "unit slip? the reported " + f.reported() + " looks " + times
                            + " times too large for the computed " + Decimals.grouped(f.computed(), 0), d, k, reported,
                            r.divide(k), times + " times too large"));
                }
            }
        }
        Diagnosis digits = transpositions(f, unit, terms);
        if (digits != null) {
            out.add(digits);
        }
        return out;
    }

    private static Diagnosis one(Diagnosis.Kind kind, String text, BigDecimal difference, BigDecimal factor, CellUse cell,
                                 BigDecimal shouldBe, String how) {
        return new Diagnosis(kind, text, difference, factor, List.of(new Diagnosis.Suspect(cell, shouldBe, how)), List.of());
    }

    /** Figures that, with two adjacent digits swapped or slid one place, make the check pass; null when none. */
    private static Diagnosis transpositions(Finding f, Unit unit, List<TermValue> terms) {
        BigDecimal d = f.difference();
        List<String> candidates = new ArrayList<>();
        List<Diagnosis.Suspect> suspects = new ArrayList<>();
        for (TermValue t : terms) {
            CellUse c = t.cell();
            // the value this item would need: v - d / w, in its own unit and printed scale
            BigDecimal needed = c.value().subtract(c.unit().fromBase(unit.toBase(d)).divide(c.weight(), 40, RoundingMode.HALF_EVEN));
            String how = digitSlip(c.value(), needed);
            if (how != null) {
                BigDecimal shouldBe = needed.setScale(c.value().scale(), RoundingMode.UNNECESSARY);
                candidates.add(c.name() + " printed " + c.printed() + " may be " + Decimals.printed(needed, c.value().scale())
                        + " (" + how + ")");
                suspects.add(new Diagnosis.Suspect(c, shouldBe, how));
            }
        }
        if (f.reportedValue() != null && f.computed() != null) {
            BigDecimal needed = f.reportedValue().add(d);
            String how = digitSlip(f.reportedValue(), needed);
            if (how != null) {
                candidates.add("the reported " + f.reported() + " may be " + Decimals.printed(needed, f.reportedValue().scale())
                        + " (" + how + ")");
                suspects.add(new Diagnosis.Suspect(f.reportedCell(),
                        needed.setScale(f.reportedValue().scale(), RoundingMode.UNNECESSARY), how));
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        return new Diagnosis(Diagnosis.Kind.DIGITS_TRANSPOSED, "digits transposed or slid? the difference, "
                + Decimals.grouped(d, 0) + ", is divisible by 9: " + String.join("; ", candidates), d, null, suspects, List.of());
    }

    /** "two digits transposed" or "slid one place" when {@code needed} is {@code printed} so altered; else null. */
    static String digitSlip(BigDecimal printed, BigDecimal needed) {
        int scale = printed.scale();
        BigDecimal n;
        try {
            n = needed.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            return null;
        }
        if (n.compareTo(printed) == 0 || n.signum() != printed.signum() && n.signum() != 0) {
            return null;
        }
        BigInteger diffUnits = n.subtract(printed).unscaledValue();
        if (diffUnits.mod(BigInteger.valueOf(9)).signum() != 0) {
            return null;
        }
        String a = printed.abs().unscaledValue().toString();
        String b = n.abs().unscaledValue().toString();
        if (a.length() == b.length()) {
            int first = -1;
            int count = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    count++;
                    first = first < 0 ? i : first;
                }
            }
            if (count == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first)) {
                return "two digits transposed";
            }
        }
        if (n.compareTo(printed.multiply(BigDecimal.TEN)) == 0 || n.multiply(BigDecimal.TEN).compareTo(printed) == 0) {
            return "slid one place";
        }
        return null;
    }

    /**
     * Cells that break both a row check (cross-foot) and a column check, with one value that fixes both. The column
     * checks' cells are indexed by cell, so the work is linear in the cells the failing checks use (a loop over every
     * pair of checks and every pair of their cells was quadratic twice over on a wide table).
     */
    private static List<Finding> matrix(List<Finding> findings) {
        Map<CellKey, List<int[]>> columnUses = new HashMap<>(); // cell -> {finding j, index of the cell in j}
        for (int j = 0; j < findings.size(); j++) {
            Finding col = findings.get(j);
            if (!failing(col) || col.kind() == CheckKind.CROSS_FOOT || !col.kind().additive()) {
                continue;
            }
            List<CellUse> cells = col.cells();
            for (int b = 0; b < cells.size(); b++) {
                columnUses.computeIfAbsent(cells.get(b).key(), k -> new ArrayList<>()).add(new int[] {j, b});
            }
        }
        List<int[]> pairs = new ArrayList<>(); // {i, j, a, b}, taken in the order of the nested loops they replace
        for (int i = 0; i < findings.size() && !columnUses.isEmpty(); i++) {
            Finding row = findings.get(i);
            if (!failing(row) || row.kind() != CheckKind.CROSS_FOOT) {
                continue;
            }
            List<CellUse> cells = row.cells();
            for (int a = 0; a < cells.size(); a++) {
                if (cells.get(a).value() == null) {
                    continue;
                }
                for (int[] use : columnUses.getOrDefault(cells.get(a).key(), List.of())) {
                    if (findings.get(use[0]).table().equals(row.table())) {
                        pairs.add(new int[] {i, use[0], a, use[1]});
                    }
                }
            }
        }
        pairs.sort(BY_ALL_FOUR);
        Map<Integer, List<Diagnosis>> extra = new LinkedHashMap<>();
        for (int[] p : pairs) {
            int i = p[0];
            int j = p[1];
            Finding row = findings.get(i);
            Finding col = findings.get(j);
            CellUse a = row.cells().get(p[2]);
            CellUse b = col.cells().get(p[3]);
            BigDecimal fixRow = fix(row, a);
            BigDecimal fixCol = fix(col, b);
            if (fixRow != null && fixCol != null && near(fixRow, fixCol, row.tolerance().max(col.tolerance()))) {
                String text = "one cell breaks both checks: " + a.name() + " printed " + a.printed() + "; "
                        + Decimals.printed(fixRow, a.value().scale()) + " would make both " + row.id() + " and "
                        + col.id() + " pass";
                Diagnosis msg = new Diagnosis(Diagnosis.Kind.MATRIX_CELL, text, row.difference(), null,
                        List.of(new Diagnosis.Suspect(a, fixRow.setScale(a.value().scale(), RoundingMode.HALF_UP),
                                "breaks its row and its column")), List.of(row.id(), col.id()));
                extra.computeIfAbsent(i, k -> new ArrayList<>()).add(msg);
                extra.computeIfAbsent(j, k -> new ArrayList<>()).add(msg);
            }
        }
        List<Finding> out = new ArrayList<>(findings);
        for (Map.Entry<Integer, List<Diagnosis>> e : extra.entrySet()) {
            int i = e.getKey();
            out.set(i, out.get(i).withDiagnoses(capped(e.getValue().stream().distinct().toList())));
        }
        return out;
    }

    /**
     * Pairs {i, j, a, b} in the order of the nested loops they replace: by i, then j, a and b. A class of its own, not
     * a chain of lambdas, which a cold run would link for every check, whether or not any pair is found.
     */
    private static final Comparator<int[]> BY_ALL_FOUR = new Comparator<>() {
        @Override
        public int compare(int[] p, int[] q) {
            for (int k = 0; k < 4; k++) {
                int c = Integer.compare(p[k], q[k]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    };

    /**
     * At most {@link #MAX_DIAGNOSES} diagnoses of a check, in the order found: an explanation that fits more cells than
     * that singles none out, and listing them all made a report grow with the square of a table (each cell's
     * description repeats its checks' diagnoses).
     */
    static final int MAX_DIAGNOSES = 10;

    private static List<Diagnosis> capped(List<Diagnosis> diagnoses) {
        return diagnoses.size() <= MAX_DIAGNOSES ? diagnoses : List.copyOf(diagnoses.subList(0, MAX_DIAGNOSES));
    }

    /** The value of cell {@code c} that makes finding {@code f} pass exactly, in the cell's unit. */
    private static BigDecimal fix(Finding f, CellUse c) {
        BigDecimal d = c.unit().fromBase(f.unit().toBase(f.difference()));
        if (c.role() == CellUse.Role.REPORTED) {
            return c.value().add(d);
        }
        if (c.role() == CellUse.Role.TERM && c.weight() != null && c.weight().signum() != 0) {
            return c.value().subtract(d.divide(c.weight(), 40, RoundingMode.HALF_EVEN));
        }
        return null;
    }

    private static boolean near(BigDecimal a, BigDecimal b, BigDecimal tol) {
        return a.subtract(b).abs().compareTo(tol) <= 0;
    }
}
