package dev.crossfoot.check;

import dev.crossfoot.rules.StandardPack;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to check.
 *
 * @param extraRules     rules files applied to every filing, after each filing's own rules.yaml
 * @param exact          cast at the printed precision: the computed figure, rounded as the reported one was, must equal it
 * @param extraTolerance printed units of the reported figure added to every tolerance (zero for none)
 * @param known          fingerprints of failures recorded in a baseline: reported as known, not failing
 * @param jobs           filings checked at once (1 or more)
 * @param standard       the standard rule pack checked beside every filing's own rules, or null for none
 */
public record CheckOptions(List<Path> extraRules, boolean exact, BigDecimal extraTolerance, Set<String> known, int jobs,
                           StandardPack standard) {

    public static final CheckOptions DEFAULT = new CheckOptions(List.of(), false, BigDecimal.ZERO);

    public CheckOptions {
        extraRules = List.copyOf(extraRules);
        Objects.requireNonNull(extraTolerance, "extraTolerance");
        if (extraTolerance.signum() < 0) {
            throw new IllegalArgumentException("the extra tolerance must not be negative");
        }
        known = Set.copyOf(known);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }

    public CheckOptions(List<Path> extraRules, boolean exact, BigDecimal extraTolerance) {
        this(extraRules, exact, extraTolerance, Set.of(), 1);
    }

    public CheckOptions(List<Path> extraRules, boolean exact, BigDecimal extraTolerance, Set<String> known, int jobs) {
        this(extraRules, exact, extraTolerance, known, jobs, null);
    }

    /** The same options with the standard rule pack (or none, for null). */
    public CheckOptions withStandard(StandardPack pack) {
        return new CheckOptions(extraRules, exact, extraTolerance, known, jobs, pack);
    }
}
