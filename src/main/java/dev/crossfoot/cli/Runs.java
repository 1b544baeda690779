package dev.crossfoot.cli;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.InputException;
import dev.crossfoot.render.Renderer;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the commands share: running the checker with progress, reporting input errors, writing reports. */
final class Runs {

    private Runs() {
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

    /** Runs the checker over the filings, with a progress bar on a terminal, and prints each input error as one line. */
    static Report run(Checker checker, List<Path> dirs, PrintWriter err) {
        List<FilingReport> reports = new ArrayList<>(dirs.size());
        try (Progress progress = Progress.start(dirs.size())) {
            checker.check(dirs, reports::add, progress::done);
        }
        Report report = new Report(reports, checker.options().exact(), checker.options().extraTolerance());
        for (FilingReport f : report.inputErrors()) {
            err.println("crossfoot: " + f.error());
        }
        err.flush();
        return report;
    }

    static int unusable(PrintWriter err, InputException e, boolean verbose) {
        err.println("crossfoot: " + e.oneLine());
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.UNUSABLE;
    }

    /** Renders to standard output or, atomically, to a file. False (after saying why) if the file cannot be written. */
    static boolean write(Renderer renderer, Report report, Path output, PrintWriter out, PrintWriter err) throws IOException {
        if (output == null) {
            renderer.render(report, out);
            out.flush();
            return true;
        }
        StringWriter buffer = new StringWriter();
        renderer.render(report, buffer);
        try {
            OutputFile.writeAtomically(output, buffer.toString());
            return true;
        } catch (IOException e) {
            err.println("crossfoot: cannot write the report to " + output + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }
}
