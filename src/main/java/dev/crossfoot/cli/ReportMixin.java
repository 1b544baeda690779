package dev.crossfoot.cli;

import dev.crossfoot.render.GithubRenderer;
import dev.crossfoot.render.HtmlRenderer;
import dev.crossfoot.render.JsonRenderer;
import dev.crossfoot.render.JunitXmlRenderer;
import dev.crossfoot.render.Renderer;
import dev.crossfoot.render.SarifRenderer;
import dev.crossfoot.render.TextRenderer;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** How to report: the options {@code check} and {@code foot} share, and the exit code they give. */
final class ReportMixin {

    enum Format { text, json, junit, sarif, github, html }

    enum ColorMode { auto, always, never }

    enum FailOn { error, warning, never }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically: whole or not at all) instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", description = "Which results give exit code 1: error (a failing or unevaluable error rule; the default), warning (also a warning), never.")
    FailOn failOn;

    @Option(names = {"-q", "--quiet"}, description = "Print failures, warnings, errors and the summary only.")
    boolean quiet;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour statuses and the progress bar: ${COMPLETION-CANDIDATES} (default: auto, i.e. on a terminal, unless NO_COLOR is set).")
    ColorMode color;

    private Terminal terminal;

    /** The terminal this run writes to, read from the process once. */
    Terminal terminal() {
        if (terminal == null) {
            terminal = Terminal.detect();
        }
        return terminal;
    }

    Renderer renderer() {
        return renderer(false);
    }

    /** @param verbose list what a report lists only on request (the narrative figures left unattached, the standard rules that did not apply) */
    Renderer renderer(boolean verbose) {
        return switch (format) {
            case json -> new JsonRenderer();
            case junit -> new JunitXmlRenderer();
            case sarif -> new SarifRenderer();
            case github -> new GithubRenderer();
            case html -> new HtmlRenderer(HtmlRenderer.Paper.of(Main.version(), terminal().env(), Clock.systemUTC()));
            case text -> new TextRenderer(useColor(), quiet, terminal().columns(), verbose);
        };
    }

    int exitCode(Runs.Outcome outcome) {
        if (outcome != null && outcome.bug()) {
            return ExitCodes.INTERNAL;
        }
        if (outcome == null || outcome.totals().incomplete()) {
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
            case auto -> output == null && terminal().stdout() && terminal().colourWelcome();
        };
    }
}
