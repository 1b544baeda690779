package dev.crossfoot.result;

import java.math.BigDecimal;

/**
 * A figure a check used: where it is, what was printed, and how it entered the check.
 *
 * @param role   "reported", "term", "numerator" or "denominator"
 * @param weight the factor the figure was multiplied by (1, -1, ...); null for the reported figure
 * @param value  the figure as a decimal in its own unit, or null when it is not a number
 */
public record CellUse(String table, String row, String column, String printed, BigDecimal value, String unit,
                      String file, int line, String role, BigDecimal weight) {
}
