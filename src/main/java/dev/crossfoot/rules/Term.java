package dev.crossfoot.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** One term of a linear expression: a coefficient times a cell. */
public record Term(BigDecimal coefficient, CellRef ref) {
    public Term {
        Objects.requireNonNull(coefficient, "coefficient");
        Objects.requireNonNull(ref, "ref");
    }
}
