package dev.crossfoot.result;

import dev.crossfoot.model.Table;
import java.util.List;
import java.util.Objects;

/**
 * The checks of one filing, or the one-line reason it could not be checked ({@code error}), never both.
 * {@code tables} are the filing's tables as read, for renderers that show them (the HTML working paper).
 */
public record FilingReport(String path, String issuer, String document, List<Finding> findings, String error,
                           List<Table> tables) {

    public FilingReport {
        Objects.requireNonNull(path, "path");
        findings = List.copyOf(findings);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public static FilingReport failed(String path, String error) {
        return new FilingReport(path, null, null, List.of(), Objects.requireNonNull(error), List.of());
    }

    public boolean isError() {
        return error != null;
    }

    public Summary summary() {
        return Summary.of(findings);
    }
}
