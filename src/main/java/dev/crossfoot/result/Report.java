package dev.crossfoot.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run found, filing by filing, in the order the filings were named.
 *
 * @param exactMode      whether figures had to cast exactly at their printed precision ({@code --exact})
 * @param extraTolerance printed units of the reported figure added to every tolerance ({@code --tolerance}), zero if none
 */
public record Report(List<FilingReport> filings, boolean exactMode, BigDecimal extraTolerance) {

    public Report {
        filings = List.copyOf(filings);
        Objects.requireNonNull(extraTolerance, "extraTolerance");
    }

    public Summary summary() {
        return filings.stream().map(FilingReport::summary).reduce(Summary.EMPTY, Summary::plus);
    }

    /** The filings that could not be checked at all. */
    public List<FilingReport> inputErrors() {
        return filings.stream().filter(FilingReport::isError).toList();
    }

    /** Whether some input could not be used: a filing, or a table of one. */
    public boolean incomplete() {
        return filings.stream().anyMatch(FilingReport::isIncomplete);
    }
}
