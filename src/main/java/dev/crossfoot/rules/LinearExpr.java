package dev.crossfoot.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A sum of weighted cells plus an exact constant, e.g. {@code t[A] - t[B] + 2 * u[C]}. */
public record LinearExpr(List<Term> terms, BigDecimal constant) {

    public LinearExpr {
        terms = List.copyOf(terms);
        Objects.requireNonNull(constant, "constant");
    }

    public static LinearExpr of(CellRef ref) {
        return new LinearExpr(List.of(new Term(BigDecimal.ONE, ref)), BigDecimal.ZERO);
    }

    /** The single cell this expression is, if it is exactly one cell with coefficient 1 and no constant. */
    public CellRef singleCell() {
        if (terms.size() == 1 && constant.signum() == 0 && terms.get(0).coefficient().compareTo(BigDecimal.ONE) == 0) {
            return terms.get(0).ref();
        }
        return null;
    }

    @Override
    public String toString() {
        String s = terms.stream().map(t -> (t.coefficient().signum() < 0 ? "- " : "+ ")
                + (t.coefficient().abs().compareTo(BigDecimal.ONE) == 0 ? "" : t.coefficient().abs().toPlainString() + " * ")
                + t.ref()).collect(Collectors.joining(" "));
        if (constant.signum() != 0) {
            s += (constant.signum() < 0 ? " - " : " + ") + constant.abs().toPlainString();
        }
        s = s.strip();
        return s.startsWith("+ ") ? s.substring(2) : s;
    }
}
