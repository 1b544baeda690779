package dev.crossfoot.check;

import java.math.BigDecimal;

/** A resolved cell with the weight it enters a relation with. */
record Weighted(BigDecimal weight, Resolved cell) {
}
