package dev.crossfoot.result;

import java.util.List;
import java.util.Objects;

/**
 * The checks of one filing, or the one-line reason it could not be checked ({@code error}), never both.
 */
public record FilingReport(String path, String issuer, String document, List<Finding> findings, String error) {

    public FilingReport {
        Objects.requireNonNull(path, "path");
        findings = List.copyOf(findings);
    }

    public static FilingReport failed(String path, String error) {
        return new FilingReport(path, null, null, List.of(), Objects.requireNonNull(error));
    }

    public boolean isError() {
        return error != null;
    }

    public Summary summary() {
        return Summary.of(findings);
    }
}
