package dev.crossfoot.result;

import java.util.Collection;

/**
 * Counts of checks by status. {@code known} counts the failures, warnings and errors that a baseline
 * recorded (they are also counted under their status).
 */
public record Summary(int passed, int failed, int warned, int errors, int known) {

    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

    public static Summary of(Collection<Finding> findings) {
        int p = 0;
        int f = 0;
        int w = 0;
        int e = 0;
        int k = 0;
        for (Finding x : findings) {
            switch (x.status()) {
                case PASS -> p++;
                case FAIL -> f++;
                case WARN -> w++;
                case ERROR -> e++;
            }
            if (x.known()) {
                k++;
            }
        }
        return new Summary(p, f, w, e, k);
    }

    public Summary plus(Summary o) {
        return new Summary(passed + o.passed, failed + o.failed, warned + o.warned, errors + o.errors, known + o.known);
    }

    public int total() {
        return passed + failed + warned + errors;
    }
}
