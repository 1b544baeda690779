package dev.crossfoot.cli;

import dev.crossfoot.model.Printable;
import dev.crossfoot.parse.StandardReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code crossfoot} command. The only class that calls System.exit for a command ({@link Resident}'s server calls it to end itself). */
public final class Main implements Callable<Integer> {

    /** The command line's model (its subcommands are added in commandLine()), built as {@link Specs} says. */
    private final CommandSpec spec = Specs.command(this, "crossfoot",
            "Checks that the tables of a financial statement add up: totals, bridges, roll-forwards, "
                + "cross-foots, ties across tables and units, and printed ratios, with rounding-aware tolerance.",
            ExitCodes.OK_TEXT,
            ExitCodes.FAILED_TEXT,
            ExitCodes.UNUSABLE_TEXT,
            ExitCodes.INTERNAL_TEXT);

    public Main() {
        Specs.standardHelp(spec);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.UNUSABLE;
    }

    public static void main(String[] args) {
        readAhead(args);
        System.exit(run(args, new java.io.FileOutputStream(java.io.FileDescriptor.out), System.err));
    }

    /** For a check that uses the standard pack: reads the pack on the second core, while picocli builds the command line. */
    static void readAhead(String[] args) {
        if (args.length > 0 && args[0].equals("check") && !java.util.Arrays.asList(args).contains("--no-standard")) {
            StandardReader.readAhead();
        }
    }

    /**
     * Runs the command line as {@link #main} does, writing to {@code stdout} and {@code stderr}, and returns the
     * exit code: what {@code main} runs in this process, and what the resident server ({@link Resident}) runs for
     * a client. Standard output is written straight through (no buffer of its own), and a write error on it is an
     * error of the run.
     */
    static int run(String[] args, java.io.OutputStream stdout, java.io.OutputStream stderr) {
        // standard output straight to its file descriptor, not through System.out, which hides write errors
        Recorded recorded = new Recorded(stdout);
        PrintWriter out = new Stdout(recorded);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        int code = execute(args, out, err);
        if (out.checkError() && code != ExitCodes.UNUSABLE && code != ExitCodes.INTERNAL) {
            // the command did not see it (it printed a line and ended): the output was lost, and that is an error
            err.println("crossfoot: cannot write to standard output: " + stdoutProblem(out));
            code = ExitCodes.UNUSABLE;
        }
        err.flush();
        return code;
    }

    /** Standard output of one run, which knows its stream's first write error. */
    private static final class Stdout extends PrintWriter {
        private final Recorded recorded;

        Stdout(Recorded recorded) {
            super(new OutputStreamWriter(recorded, StandardCharsets.UTF_8), true);
            this.recorded = recorded;
        }
    }

    /** Why standard output could not be written, in the system's words where they are known. */
    static String stdoutProblem(PrintWriter out) {
        IOException e = out instanceof Stdout s ? s.recorded.failure : null;
        return e == null || e.getMessage() == null ? "the output was not written (a write error)" : e.getMessage();
    }

    /** A stream that remembers its first write error, which PrintWriter would otherwise swallow. */
    private static final class Recorded extends java.io.FilterOutputStream {
        private volatile IOException failure;

        Recorded(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }

    /** Runs the command line and returns the exit code; output goes to {@code out} and {@code err}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(args, out, err).execute(args);
    }

    /** The subcommands, in the order the usage help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("check", "baseline", "foot", "init", "extract", "help", "generate-completion");

    private static Object subcommand(String name) {
        return switch (name) {
            case "check" -> new CheckCommand().spec;
            case "baseline" -> new BaselineCommand().spec;
            case "foot" -> new FootCommand().spec;
            case "init" -> new InitCommand().spec;
            case "extract" -> new ExtractCommand().spec;
            case "help" -> new CommandLine.HelpCommand();
            default -> new AutoComplete.GenerateCompletion();
        };
    }

    /**
     * The command line for {@code args}. crossfoot's own commands are built with picocli's programmatic API
     * ({@link Specs}); picocli's help and generate-completion commands are read from their annotations by
     * reflection, which in a cold JVM takes tens of milliseconds. So a command line that starts with a working
     * subcommand's name (check, baseline, foot, init, extract) gets that subcommand alone, {@code --version} (or
     * {@code -V}) alone gets none, and any other (help, --help, generate-completion, a misspelt name, none) gets them all.
     */
    static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main().spec);
        String first = args.length == 0 ? "" : args[0];
        boolean alone = SUBCOMMANDS.indexOf(first) >= 0 && SUBCOMMANDS.indexOf(first) < 5;
        // the version alone prints the version whatever the subcommands are: it gets none
        boolean versionAlone = args.length == 1 && (first.equals("--version") || first.equals("-V"));
        for (String name : SUBCOMMANDS) {
            if (!versionAlone && (!alone || name.equals(first))) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean verbose = parsed.originalArgs().contains("--verbose");
            if (ex instanceof dev.crossfoot.model.InputException input) {
                // unusable input found outside a filing's own check (such as a root that cannot be walked): exit 2
                return Runs.unusable(cmd.getErr(), input, verbose);
            }
            cmd.getErr().println(Printable.line("crossfoot: internal error: " + ex + (verbose ? "" : " (rerun with --verbose for the stack trace)")));
            if (verbose) {
                ex.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return ExitCodes.INTERNAL;
        });
        // picocli hides its completion script generator; crossfoot lists it
        CommandLine completion = cl.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        cl.setParameterExceptionHandler((ex, given) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(Printable.line("crossfoot: " + UsageErrors.oneLine(ex) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')"));
            cmd.getErr().flush();
            return ExitCodes.UNUSABLE;
        });
        return cl;
    }

    /** The version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"crossfoot " + version()};
        }
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/dev/crossfoot/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
