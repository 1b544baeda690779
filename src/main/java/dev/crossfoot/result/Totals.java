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

    /**
     * One filing's path, counts, the one-line error when it could not be checked (else null), and how many
     * of its tables could not be read and of its rules were not run.
     */
    public record FilingTotal(String path, Summary summary, String error, int unreadableTables, int rulesNotRun) {
        public FilingTotal {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(summary, "summary");
        }

        public FilingTotal(String path, Summary summary, String error) {
            this(path, summary, error, 0, 0);
        }

        public static FilingTotal of(FilingReport f) {
            return new FilingTotal(f.path(), f.summary(), f.error(), f.inputErrors().size(), f.ruleErrors().size());
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

    /** The filings that could not be checked at all. */
    public long inputErrors() {
        return filings.stream().filter(FilingTotal::isError).count();
    }

    /** The tables that could not be read, over all filings that could be checked. */
    public long unreadableTables() {
        return filings.stream().mapToLong(FilingTotal::unreadableTables).sum();
    }

    /** The rules not run, over all filings, because a table they read could not be read. */
    public long rulesNotRun() {
        return filings.stream().mapToLong(FilingTotal::rulesNotRun).sum();
    }

    /** Whether some input could not be used: a filing, or a table of one (the run then exits 2). */
    public boolean incomplete() {
        return inputErrors() > 0 || unreadableTables() > 0;
    }
}
