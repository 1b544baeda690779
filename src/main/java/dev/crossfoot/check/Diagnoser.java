package dev.crossfoot.check;

import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Unit;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
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
            out.add(failing(f) && !f.kind().equals("ratio") ? f.withDiagnoses(single(f)) : f);
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

    private static List<String> single(Finding f) {
        List<String> out = new ArrayList<>();
        Unit unit = Unit.parse(f.unit());
        BigDecimal d = f.difference();
        BigDecimal tol = f.tolerance();
        BigDecimal r = f.reportedValue();
        List<TermValue> terms = new ArrayList<>();
        for (CellUse c : f.cells()) {
            if (c.role().equals("term") && c.value() != null) {
                BigDecimal inReported = unit.fromBase(Unit.parse(c.unit()).toBase(c.value()));
                terms.add(new TermValue(c, inReported.multiply(c.weight())));
            }
        }
        String diff = Decimals.grouped(d, 0);
        for (TermValue t : terms) {
            if (t.contribution().signum() != 0 && near(d, t.contribution().multiply(BigDecimal.valueOf(2)), tol)) {
                out.add("sign flipped? the difference, " + diff + ", is twice " + name(t.cell()) + " (" + t.cell().printed()
                        + "); with the opposite sign the check passes");
            }
        }
        if (r != null && r.signum() != 0 && near(d, r.multiply(BigDecimal.valueOf(-2)), tol)) {
            out.add("sign flipped? the difference, " + diff + ", is twice the reported " + f.reported()
                    + "; with the opposite sign the check passes");
        }
        for (TermValue t : terms) {
            if (t.contribution().signum() != 0 && near(d, t.contribution(), tol)) {
                out.add("item omitted? the difference, " + diff + ", equals " + name(t.cell()) + " (" + t.cell().printed()
                        + "): the reported figure leaves it out, or the items count it twice");
            } else if (t.contribution().signum() != 0 && near(d, t.contribution().negate(), tol)) {
                out.add("item counted twice? the difference, " + diff + ", is minus " + name(t.cell()) + " ("
                        + t.cell().printed() + "): the reported figure counts it twice, or the items leave it out");
            }
        }
        for (BigDecimal k : UNIT_SLIPS) {
            String times = Decimals.grouped(k, 0);
            for (TermValue t : terms) {
                BigDecimal c = t.contribution();
                if (c.signum() == 0) {
                    continue;
                }
                // "too large" only when the item divided by k would still print as a figure (else it is an omission)
                boolean stillPrints = t.cell().value().abs().divide(k).compareTo(Decimals.ulp(t.cell().value().scale())) >= 0;
                if (stillPrints && near(d, c.subtract(c.divide(k)), tol)) {
                    out.add("unit slip? " + name(t.cell()) + " (" + t.cell().printed() + ") looks " + times
                            + " times too large; divided by " + times + " the check passes");
                } else if (near(d, c.subtract(c.multiply(k)), tol)) {
                    out.add("unit slip? " + name(t.cell()) + " (" + t.cell().printed() + ") looks " + times
                            + " times too small; multiplied by " + times + " the check passes");
                }
            }
            if (r != null && r.signum() != 0 && f.computed() != null) {
                if (near(f.computed(), r.multiply(k), tol.multiply(k))) {
                    out.add("unit slip? the reported " + f.reported() + " looks " + times + " times too small for the computed "
                            + Decimals.grouped(f.computed(), 0));
                } else if (near(f.computed(), r.divide(k), tol)) {
                    out.add("unit slip? the reported " + f.reported() + " looks " + times + " times too large for the computed "
                            + Decimals.grouped(f.computed(), 0));
                }
            }
        }
        out.addAll(transpositions(f, unit, terms));
        return out;
    }

    /** Figures that, with two adjacent digits swapped or slid one place, make the check pass. */
    private static List<String> transpositions(Finding f, Unit unit, List<TermValue> terms) {
        List<String> out = new ArrayList<>();
        BigDecimal d = f.difference();
        List<String> candidates = new ArrayList<>();
        for (TermValue t : terms) {
            CellUse c = t.cell();
            Unit cu = Unit.parse(c.unit());
            // the value this item would need: v - d / w, in its own unit and printed scale
            BigDecimal needed = c.value().subtract(cu.fromBase(unit.toBase(d)).divide(c.weight(), 40, RoundingMode.HALF_EVEN));
            String how = digitSlip(c.value(), needed);
            if (how != null) {
                candidates.add(name(c) + " printed " + c.printed() + " may be " + Decimals.printed(needed, c.value().scale())
                        + " (" + how + ")");
            }
        }
        if (f.reportedValue() != null && f.computed() != null) {
            BigDecimal needed = f.reportedValue().add(d);
            String how = digitSlip(f.reportedValue(), needed);
            if (how != null) {
                candidates.add("the reported " + f.reported() + " may be " + Decimals.printed(needed, f.reportedValue().scale())
                        + " (" + how + ")");
            }
        }
        if (!candidates.isEmpty()) {
            out.add("digits transposed or slid? the difference, " + Decimals.grouped(d, 0) + ", is divisible by 9: "
                    + String.join("; ", candidates));
        }
        return out;
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

    /** Cells that break both a row check (cross-foot) and a column check, with one value that fixes both. */
    private static List<Finding> matrix(List<Finding> findings) {
        Map<Integer, List<String>> extra = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding row = findings.get(i);
            if (!failing(row) || !row.kind().equals("cross-foot")) {
                continue;
            }
            for (int j = 0; j < findings.size(); j++) {
                Finding col = findings.get(j);
                if (!failing(col) || col.kind().equals("cross-foot") || col.kind().equals("ratio")
                        || !col.table().equals(row.table())) {
                    continue;
                }
                for (CellUse a : row.cells()) {
                    for (CellUse b : col.cells()) {
                        if (!same(a, b) || a.value() == null) {
                            continue;
                        }
                        BigDecimal fixRow = fix(row, a);
                        BigDecimal fixCol = fix(col, b);
                        if (fixRow != null && fixCol != null && near(fixRow, fixCol, row.tolerance().max(col.tolerance()))) {
                            String msg = "one cell breaks both checks: " + a.table() + "[" + a.row() + "][" + a.column()
                                    + "] printed " + a.printed() + "; " + Decimals.printed(fixRow, a.value().scale())
                                    + " would make both " + row.id() + " and " + col.id() + " pass";
                            extra.computeIfAbsent(i, k -> new ArrayList<>()).add(msg);
                            extra.computeIfAbsent(j, k -> new ArrayList<>()).add(msg);
                        }
                    }
                }
            }
        }
        List<Finding> out = new ArrayList<>(findings);
        extra.forEach((i, msgs) -> out.set(i, out.get(i).withDiagnoses(msgs.stream().distinct().toList())));
        return out;
    }

    /** The value of cell {@code c} that makes finding {@code f} pass exactly, in the cell's unit. */
    private static BigDecimal fix(Finding f, CellUse c) {
        Unit unit = Unit.parse(f.unit());
        Unit cu = Unit.parse(c.unit());
        BigDecimal d = cu.fromBase(unit.toBase(f.difference()));
        if (c.role().equals("reported")) {
            return c.value().add(d);
        }
        if (c.role().equals("term") && c.weight() != null && c.weight().signum() != 0) {
            return c.value().subtract(d.divide(c.weight(), 40, RoundingMode.HALF_EVEN));
        }
        return null;
    }

    private static boolean same(CellUse a, CellUse b) {
        return a.table().equals(b.table()) && a.row().equals(b.row()) && a.column().equals(b.column());
    }

    private static boolean near(BigDecimal a, BigDecimal b, BigDecimal tol) {
        return a.subtract(b).abs().compareTo(tol) <= 0;
    }

    private static String name(CellUse c) {
        return c.table() + "[" + c.row() + "][" + c.column() + "]";
    }
}
