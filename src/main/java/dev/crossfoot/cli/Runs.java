package dev.crossfoot.cli;

import dev.crossfoot.model.Printable;
import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.InputException;
import dev.crossfoot.render.Renderer;
import dev.crossfoot.render.StreamingRenderer;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.result.Totals;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What the commands share: running the checker with progress, reporting input errors, writing reports. */
final class Runs {

    private Runs() {
    }

    /** What a run found, as the exit code needs it. */
    record Outcome(Totals totals, boolean newFailure, boolean newWarning, boolean bug) {
    }

    static Checker checker(CheckOptions options, PrintWriter err, boolean verbose) {
        return new Checker(options, (dir, problem) -> {
            if (verbose) {
                synchronized (err) {
                    problem.printStackTrace(err);
                }
            }
        });
    }

    static int unusable(PrintWriter err, InputException e, boolean verbose) {
        err.println(Printable.line("crossfoot: " + e.oneLine()));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.UNUSABLE;
    }

    /**
     * Checks the filings and renders the report to standard output or, atomically, to {@code output}.
     * A streaming renderer gets each filing as soon as it is checked (in order) and the filing is then
     * dropped; another renderer gets the whole report at the end. Each input error is printed as one line
     * on stderr as it comes.
     *
     * @return the outcome, or null (after saying why on stderr) when the report could not be written
     */
    static Outcome render(Checker checker, List<Path> dirs, Renderer renderer, Path output, PrintWriter out, PrintWriter err) {
        return render(checker, dirs, checker.checking(dirs.size()), renderer, output, out, err, false);
    }

    /**
     * As {@link #render(Checker, List, Renderer, Path, PrintWriter, PrintWriter)}; with {@code allOrNothing}
     * a non-streaming renderer writes nothing at all when any filing could not be read.
     */
    static Outcome render(Checker checker, List<Path> dirs, Renderer renderer, Path output, PrintWriter out, PrintWriter err,
                          boolean allOrNothing) {
        return render(checker, dirs, checker.checking(dirs.size()), renderer, output, out, err, allOrNothing);
    }

    /**
     * As above, with another way of checking each input ({@code one}, which never throws: see
     * {@link dev.crossfoot.check.Batch#guarded}).
     */
    static Outcome render(Checker checker, List<Path> dirs, Function<Path, FilingReport> one, Renderer renderer, Path output,
                          PrintWriter out, PrintWriter err, boolean allOrNothing) {
        return render(checker, dirs, one, renderer, output, out, err, allOrNothing, ReportMixin.ColorMode.auto);
    }

    /** As above; {@code colour} says whether the progress bar may be coloured (as {@code --color} does for statuses). */
    static Outcome render(Checker checker, List<Path> dirs, Function<Path, FilingReport> one, Renderer renderer, Path output,
                          PrintWriter out, PrintWriter err, boolean allOrNothing, ReportMixin.ColorMode colour) {
        return render(checker, dirs, one, Function.identity(), renderer, output, out, err, allOrNothing, colour);
    }

    /**
     * As above, where each input gives a result of its own ({@code one}, which never throws), such as footing
     * it without rules; {@code toReport} takes each result's report, in input order, as it is rendered.
     */
    static <T> Outcome render(Checker checker, List<Path> dirs, Function<Path, T> one, Function<T, FilingReport> toReport,
                              Renderer renderer, Path output, PrintWriter out, PrintWriter err, boolean allOrNothing,
                              ReportMixin.ColorMode colour) {
        OutputFile.Sink sink = null;
        try {
            Writer target;
            if (output == null) {
                target = out;
            } else {
                sink = OutputFile.open(output);
                target = sink.writer();
            }
            Outcome outcome = run(checker, dirs, one, toReport, renderer, target, output == null, err, allOrNothing, colour);
            target.flush();
            if (output == null && out.checkError()) {
                throw new IOException(Main.stdoutProblem(out));
            }
            if (sink != null) {
                boolean incomplete = outcome.totals().incomplete();
                if (incomplete && Files.exists(output)) {
                    err.println(Printable.line("crossfoot: " + output + " left as it was: not every input could be read (see above), "
                            + "and a run that fails never replaces an earlier report"));
                    err.flush();
                } else if (!(allOrNothing && incomplete)) {
                    sink.commit();
                }
            }
            return outcome;
        } catch (IOException | UncheckedIOException e) {
            err.println("crossfoot: cannot write the report to " + (output == null ? "standard output" : output) + ": "
                    + OutputFile.reason(e));
            err.flush();
            return null;
        } finally {
            if (sink != null) {
                try {
                    sink.close();
                } catch (IOException ignored) {
                    // the temporary file is ours and in the report's directory; nothing else to do
                }
            }
        }
    }

    /**
     * Checks and renders; {@code toStdout} says whether {@code report} is standard output. While the progress bar
     * shows, what goes to the terminal (standard error, and standard output when it is a terminal too) goes
     * through the bar's {@link Progress#lines}, so that neither overwrites the other.
     */
    private static <T> Outcome run(Checker checker, List<Path> dirs, Function<Path, T> one, Function<T, FilingReport> toReport,
                                   Renderer renderer, Writer report, boolean toStdout, PrintWriter stderr, boolean allOrNothing,
                                   ReportMixin.ColorMode colour) throws IOException {
        CheckOptions o = checker.options();
        StreamingRenderer streaming = renderer instanceof StreamingRenderer s ? s : null;
        List<Totals.FilingTotal> totals = new ArrayList<>(dirs.size());
        List<FilingReport> kept = new ArrayList<>();
        boolean[] flags = new boolean[3];
        Terminal terminal = Terminal.detect();
        Progress progress = Progress.start(dirs.size(), stderr, terminal, colour);
        Writer target = toStdout && terminal.stdout() ? progress.lines(report) : report;
        PrintWriter err = new PrintWriter(progress.lines(stderr), true);
        try (progress) {
            if (streaming != null) {
                streaming.begin(o.exact(), o.extraTolerance(), target);
            }
            checker.batch().run(dirs, one, result -> {
                FilingReport f = toReport.apply(result);
                totals.add(Totals.FilingTotal.of(f));
                flags[2] |= f.isBug();
                if (f.isError()) {
                    err.println(Printable.line("crossfoot: " + f.error()));
                    err.flush();
                }
                for (InputError e : f.inputErrors()) {
                    err.println(Printable.line("crossfoot: " + e.message()));
                    err.flush();
                }
                for (Finding x : f.findings()) {
                    if (x.isNew()) {
                        boolean fatal = x.status() == Status.FAIL || (x.status() == Status.ERROR && x.severity() == Severity.ERROR);
                        flags[fatal ? 0 : 1] = true;
                    }
                }
                if (streaming != null) {
                    try {
                        streaming.filing(f, target);
                        target.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    kept.add(f);
                }
            }, progress::done);
        }
        Totals t = new Totals(totals, o.exact(), o.extraTolerance());
        if (streaming != null) {
            streaming.end(t, target);
        } else if (!(allOrNothing && t.incomplete())) {
            renderer.render(new Report(kept, o.exact(), o.extraTolerance()), target);
        }
        target.flush();
        err.flush();
        return new Outcome(t, flags[0], flags[1], flags[2]);
    }
}
