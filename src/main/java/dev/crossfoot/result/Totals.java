package dev.crossfoot.result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a streamed report still knows at its end, once every filing's findings are gone: each filing's
 * path, counts and error, and the run's settings.
 */
public record Totals(List<FilingTotal> filings, boolean exactMode, BigDecimal extraTolerance) {

    /** One filing's path, counts, and the one-line error when it could not be checked (else null). */
    public record FilingTotal(String path, Summary summary, String error) {
        public FilingTotal {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(summary, "summary");
        }

        public static FilingTotal of(FilingReport f) {
            return new FilingTotal(f.path(), f.summary(), f.error());
        }

        public boolean isError() {
            return error != null;
        }
    }

    public Totals {
        filings = List.copyOf(filings);
        Objects.requireNonNull(extraTolerance, "extraTolerance");
    }

    public static Totals of(Report report) {
        List<FilingTotal> out = new ArrayList<>();
        report.filings().forEach(f -> out.add(FilingTotal.of(f)));
        return new Totals(out, report.exactMode(), report.extraTolerance());
    }

    public Summary summary() {
        return filings.stream().map(FilingTotal::summary).reduce(Summary.EMPTY, Summary::plus);
    }

    public long inputErrors() {
        return filings.stream().filter(FilingTotal::isError).count();
    }
}
