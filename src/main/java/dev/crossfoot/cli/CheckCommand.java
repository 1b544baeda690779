package dev.crossfoot.cli;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.render.JsonRenderer;
import dev.crossfoot.render.Renderer;
import dev.crossfoot.render.TextRenderer;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crossfoot check DIR...}: maps options to a configuration, runs the library, maps counts to an exit code. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Checks each filing directory (filing.yaml, one CSV per table, rules.yaml) and reports every check:",
            "PASS, FAIL, WARN (a failing rule of severity warning) or ERROR (a cell it needs is not a number).",
            "A printed figure stands for half a unit of its last printed digit either way; a check passes when",
            "the reported and the computed figure can both be true given how they were rounded."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_TEXT,
            ExitCodes.FAILED_TEXT,
            ExitCodes.UNUSABLE_TEXT,
            ExitCodes.INTERNAL_TEXT})
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    enum ColorMode { auto, always, never }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Filing directories to check, each holding filing.yaml.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "A rules YAML file applied to every filing, after the filing's own rules.yaml. Repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--exact", description = "Cast at the printed precision: the computed figure, rounded as the reported one was printed, must equal it.")
    boolean exact;

    @Option(names = "--tolerance", paramLabel = "UNITS", description = "Widen every tolerance by UNITS units of the reported figure's last printed digit (e.g. 1). The report says so.")
    BigDecimal tolerance;

    @Option(names = {"-q", "--quiet"}, description = "Print failures, warnings, errors and the summary only.")
    boolean quiet;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour statuses: ${COMPLETION-CANDIDATES} (default: auto, i.e. when standard output is a terminal and NO_COLOR is unset).")
    ColorMode color;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (tolerance != null && tolerance.signum() < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tolerance must not be negative (found " + tolerance.toPlainString() + ")");
        }
        if (exact && tolerance != null && tolerance.signum() > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--exact and --tolerance contradict each other; use one");
        }
        if (output != null) {
            String problem = OutputFile.problem(output, dirs);
            if (problem != null) {
                err.println("crossfoot: " + problem);
                err.flush();
                return ExitCodes.UNUSABLE;
            }
        }
        CheckOptions options = new CheckOptions(rules, exact, tolerance == null ? BigDecimal.ZERO : tolerance);
        Checker checker = new Checker(options, (dir, problem) -> {
            if (verbose) {
                problem.printStackTrace(err);
            }
        });
        Report report = checker.check(dirs);
        for (FilingReport f : report.inputErrors()) {
            err.println("crossfoot: " + f.error());
        }
        err.flush();
        Renderer renderer = switch (format) {
            case json -> new JsonRenderer();
            case text -> new TextRenderer(useColor(), quiet);
        };
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            renderer.render(report, out);
            out.flush();
        } else {
            StringWriter buffer = new StringWriter();
            renderer.render(report, buffer);
            try {
                OutputFile.writeAtomically(output, buffer.toString());
            } catch (IOException e) {
                err.println("crossfoot: cannot write the report to " + output + ": " + e.getMessage());
                err.flush();
                return ExitCodes.UNUSABLE;
            }
        }
        return exitCode(report);
    }

    static int exitCode(Report report) {
        if (!report.inputErrors().isEmpty()) {
            return ExitCodes.UNUSABLE;
        }
        for (FilingReport f : report.filings()) {
            for (Finding x : f.findings()) {
                if (x.status() == Status.FAIL || (x.status() == Status.ERROR && x.severity() == Severity.ERROR)) {
                    return ExitCodes.FAILED;
                }
            }
        }
        return ExitCodes.OK;
    }

    private boolean useColor() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> output == null && System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** Report files: checked before the run, written whole or not at all. */
    static final class OutputFile {

        private OutputFile() {
        }

        /** Why the report cannot be written to {@code file}, or null if it can. */
        static String problem(Path file, List<Path> inputs) {
            Path abs = file.toAbsolutePath().normalize();
            Path parent = abs.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                return "cannot write the report to " + file + ": directory " + parent + " does not exist; create it first";
            }
            if (!Files.isWritable(parent)) {
                return "cannot write the report to " + file + ": directory " + parent + " is not writable";
            }
            if (Files.isDirectory(abs)) {
                return "cannot write the report to " + file + ": it is a directory; name a file";
            }
            for (Path in : inputs) {
                Path dir = in.toAbsolutePath().normalize();
                if (abs.startsWith(dir)) {
                    return "refusing to write the report into the filing directory " + in
                            + ": crossfoot never writes into its input; choose a path outside it";
                }
            }
            try {
                Files.delete(Files.createTempFile(parent, "." + abs.getFileName() + ".", ".tmp"));
            } catch (IOException | RuntimeException e) {
                return "cannot write the report to " + file + ": " + e.getClass().getSimpleName().replace("Exception", "")
                        .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + " (" + e.getMessage() + ")";
            }
            return null;
        }

        static void writeAtomically(Path file, String content) throws IOException {
            Path abs = file.toAbsolutePath().normalize();
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write(content);
                }
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
