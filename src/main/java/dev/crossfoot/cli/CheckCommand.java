package dev.crossfoot.cli;

import dev.crossfoot.check.Checker;
import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.BaselineReader;
import dev.crossfoot.render.GithubRenderer;
import dev.crossfoot.render.HtmlRenderer;
import dev.crossfoot.render.JsonRenderer;
import dev.crossfoot.render.JunitXmlRenderer;
import dev.crossfoot.render.Renderer;
import dev.crossfoot.render.SarifRenderer;
import dev.crossfoot.render.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossfoot check DIR...}: maps options to a configuration, runs the library, maps counts to an exit code. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks each filing directory (filing.yaml, one CSV per table, rules.yaml) and reports every check: "
                + "PASS, FAIL, WARN (a failing rule of severity warning) or ERROR (a cell it needs is not a number). "
                + "A printed figure stands for half a unit of its last printed digit either way; a check passes when "
                + "the reported and the computed figure can both be true given how they were rounded.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_TEXT,
            ExitCodes.FAILED_TEXT,
            ExitCodes.UNUSABLE_TEXT,
            ExitCodes.INTERNAL_TEXT})
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, junit, sarif, github, html }

    enum ColorMode { auto, always, never }

    enum FailOn { error, warning, never }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FilingsMixin filings = new FilingsMixin();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically: whole or not at all) instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", description = "Which results give exit code 1: error (a failing or unevaluable error rule; the default), warning (also a warning), never.")
    FailOn failOn;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline written by 'crossfoot baseline': the failures it recorded are reported as known, not failing, while their figures are unchanged.")
    Path baseline;

    @Option(names = {"-q", "--quiet"}, description = "Print failures, warnings, errors and the summary only.")
    boolean quiet;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour statuses: ${COMPLETION-CANDIDATES} (default: auto, i.e. when standard output is a terminal and NO_COLOR is unset).")
    ColorMode color;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        List<Path> dirs = filings.filings(cmd);
        Set<String> known = Set.of();
        if (baseline != null) {
            try {
                known = BaselineReader.read(baseline);
            } catch (InputException e) {
                return Runs.unusable(err, e, filings.verbose);
            }
        }
        Checker checker = Runs.checker(filings.options(cmd, known), err, filings.verbose);
        if (output != null) {
            String problem = OutputFile.problem(output, dirs);
            if (problem != null) {
                err.println("crossfoot: " + problem);
                err.flush();
                return ExitCodes.UNUSABLE;
            }
        }
        Renderer renderer = switch (format) {
            case json -> new JsonRenderer();
            case junit -> new JunitXmlRenderer();
            case sarif -> new SarifRenderer();
            case github -> new GithubRenderer();
            case html -> new HtmlRenderer();
            case text -> new TextRenderer(useColor(), quiet);
        };
        Runs.Outcome outcome = Runs.render(checker, dirs, renderer, output, cmd.getOut(), err);
        return outcome == null ? ExitCodes.UNUSABLE : exitCode(outcome, failOn);
    }

    static int exitCode(Runs.Outcome outcome, FailOn failOn) {
        if (outcome.totals().inputErrors() > 0) {
            return ExitCodes.UNUSABLE;
        }
        return switch (failOn) {
            case never -> ExitCodes.OK;
            case error -> outcome.newFailure() ? ExitCodes.FAILED : ExitCodes.OK;
            case warning -> outcome.newFailure() || outcome.newWarning() ? ExitCodes.FAILED : ExitCodes.OK;
        };
    }

    private boolean useColor() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> output == null && System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
