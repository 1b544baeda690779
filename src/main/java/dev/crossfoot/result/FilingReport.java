package dev.crossfoot.result;

import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.Table;
import java.util.List;
import java.util.Objects;

/**
 * The checks of one filing, or the one-line reason it could not be checked at all ({@code error}), never
 * both. As in PMD's report, what the checks found ({@code findings}), the parts of the input that could not
 * be read ({@code inputErrors}: tables, each an error for that table alone) and the rules that could not be
 * run because of them ({@code ruleErrors}) are kept apart. {@code tables} are the filing's tables as read,
 * for renderers that show them (the HTML working paper). {@code unattached} are the figures of the
 * announcement's prose that no narrative check could tie to a table figure: listed, never failures.
 * {@code basis}, when known, says what the filing was checked against (the origins of its rules, and the
 * standard rules that did not apply).
 */
public record FilingReport(String path, String issuer, String document, List<Finding> findings, String error,
                           List<Table> tables, List<InputError> inputErrors, List<RuleError> ruleErrors,
                           List<NarrativeFigure> unattached, Basis basis) {

    /** A report that does not say what the filing was checked against. */
    public FilingReport(String path, String issuer, String document, List<Finding> findings, String error,
                        List<Table> tables, List<InputError> inputErrors, List<RuleError> ruleErrors,
                        List<NarrativeFigure> unattached) {
        this(path, issuer, document, findings, error, tables, inputErrors, ruleErrors, unattached, null);
    }

    /** A report without narrative figures left unattached. */
    public FilingReport(String path, String issuer, String document, List<Finding> findings, String error,
                        List<Table> tables, List<InputError> inputErrors, List<RuleError> ruleErrors) {
        this(path, issuer, document, findings, error, tables, inputErrors, ruleErrors, List.of());
    }

    public FilingReport {
        unattached = unattached == null ? List.of() : List.copyOf(unattached);
        Objects.requireNonNull(path, "path");
        findings = List.copyOf(findings);
        tables = tables == null ? List.of() : List.copyOf(tables);
        inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        ruleErrors = ruleErrors == null ? List.of() : List.copyOf(ruleErrors);
    }

    /** A filing whose every part could be read. */
    public FilingReport(String path, String issuer, String document, List<Finding> findings, String error, List<Table> tables) {
        this(path, issuer, document, findings, error, tables, List.of(), List.of());
    }

    public static FilingReport failed(String path, String error) {
        return new FilingReport(path, null, null, List.of(), Objects.requireNonNull(error), List.of());
    }

    /** The words that mark a filing that crossfoot failed on (a bug), not one whose input is unusable. */
    private static final String BUG = ": internal error (";

    /** A filing that could not be checked because crossfoot failed on it: {@code what} is the exception in words. */
    public static FilingReport bug(String path, String what) {
        return failed(path, path + BUG + what + "); please report it with the input, and rerun with --verbose for details");
    }

    /** Whether crossfoot failed on this filing (a bug: exit 3), rather than found its input unusable. */
    public boolean isBug() {
        return error != null && error.startsWith(path + BUG);
    }

    /** Whether the filing could not be checked at all. */
    public boolean isError() {
        return error != null;
    }

    /** Whether some of the input could not be used: the whole filing, or one of its tables. */
    public boolean isIncomplete() {
        return error != null || !inputErrors.isEmpty();
    }

    /** The narrative checks among the findings: the prose figures tied to a table. */
    public long narrativeChecks() {
        return findings.stream().filter(f -> f.kind() == CheckKind.NARRATIVE).count();
    }

    public Summary summary() {
        return Summary.of(findings);
    }
}
