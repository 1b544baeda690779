package dev.crossfoot.check;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to check.
 *
 * @param extraRules     rules files applied to every filing, after each filing's own rules.yaml
 * @param exact          cast at the printed precision: the computed figure, rounded as the reported one was, must equal it
 * @param extraTolerance printed units of the reported figure added to every tolerance (zero for none)
 */
public record CheckOptions(List<Path> extraRules, boolean exact, BigDecimal extraTolerance) {

    public static final CheckOptions DEFAULT = new CheckOptions(List.of(), false, BigDecimal.ZERO);

    public CheckOptions {
        extraRules = List.copyOf(extraRules);
        Objects.requireNonNull(extraTolerance, "extraTolerance");
        if (extraTolerance.signum() < 0) {
            throw new IllegalArgumentException("the extra tolerance must not be negative");
        }
    }
}
