package dev.crossfoot.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Limits on input sizes, and how sizes are shown. */
final class Sizes {

    private Sizes() {
    }

    static String megabytes(long bytes) {
        return new BigDecimal(bytes).divide(new BigDecimal(1024 * 1024), 1, RoundingMode.HALF_UP).toPlainString() + " MiB";
    }
}
