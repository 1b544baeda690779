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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** How to report: the options {@code check} and {@code foot} share, and the exit code they give. */
final class ReportMixin {

    enum Format { text, json, junit, sarif, github, html }

    enum ColorMode { auto, always, never }

    enum FailOn { error, warning, never }

    /** The options, in the order picocli lists them; a command adds them with {@code addMixin("report", spec)}. */
    final CommandSpec spec = CommandSpec.create();

    private final OptionSpec format = Specs.option(spec, Format.class, "FORMAT", "text",
            "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", "--format");

    private final OptionSpec output = Specs.option(spec, Path.class, "FILE", null,
            "Write the report to FILE (atomically: whole or not at all) instead of standard output.", "-o", "--output");

    private final OptionSpec failOn = Specs.option(spec, FailOn.class, "LEVEL", "error",
            "Which results give exit code 1: error (a failing or unevaluable error rule; the default), warning (also a warning), never.", "--fail-on");

    private final OptionSpec quiet = Specs.flag(spec, "Print failures, warnings, errors and the summary only.", "-q", "--quiet");

    private final OptionSpec color = Specs.option(spec, ColorMode.class, "WHEN", "auto",
            "Colour statuses and the progress bar: ${COMPLETION-CANDIDATES} (default: auto, i.e. on a terminal, unless NO_COLOR is set).", "--color");

    /** -o FILE, or null for standard output. */
    Path output() {
        return Specs.value(output);
    }

    /** --color WHEN. */
    ColorMode color() {
        return Specs.value(color);
    }

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
        return switch (Specs.<Format>value(format)) {
            case json -> new JsonRenderer();
            case junit -> new JunitXmlRenderer();
            case sarif -> new SarifRenderer();
            case github -> new GithubRenderer();
            case html -> new HtmlRenderer(HtmlRenderer.Paper.of(Main.version(), terminal().env(), Clock.systemUTC()));
            case text -> new TextRenderer(useColor(), Specs.isSet(quiet), terminal().columns(), verbose);
        };
    }

    int exitCode(Runs.Outcome outcome) {
        if (outcome != null && outcome.bug()) {
            return ExitCodes.INTERNAL;
        }
        if (outcome == null || outcome.totals().incomplete()) {
            return ExitCodes.UNUSABLE;
        }
        return switch (Specs.<FailOn>value(failOn)) {
            case never -> ExitCodes.OK;
            case error -> outcome.newFailure() ? ExitCodes.FAILED : ExitCodes.OK;
            case warning -> outcome.newFailure() || outcome.newWarning() ? ExitCodes.FAILED : ExitCodes.OK;
        };
    }

    private boolean useColor() {
        return switch (color()) {
            case always -> true;
            case never -> false;
            case auto -> output() == null && terminal().stdout() && terminal().colourWelcome();
        };
    }
}
