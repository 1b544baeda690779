package dev.crossfoot.cli;

import dev.crossfoot.check.CheckOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to check and how: the options {@code check} and {@code baseline} share. */
final class FilingsMixin {

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Filing directories to check, each holding filing.yaml.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = {"-r", "--recursive"}, paramLabel = "ROOT", description = "Also check every directory under ROOT that holds a filing.yaml (in path order). Repeatable.")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "A rules YAML file applied to every filing, after the filing's own rules.yaml. Repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Filings checked at once (default: the number of cores, ${DEFAULT-VALUE} here). Output order never depends on it.",
            defaultValue = "${sys:crossfoot.cores}")
    int jobs;

    @Option(names = "--exact", description = "Cast at the printed precision: the computed figure, rounded as the reported one was printed, must equal it.")
    boolean exact;

    @Option(names = "--tolerance", paramLabel = "UNITS", description = "Widen every tolerance by UNITS units of the reported figure's last printed digit (e.g. 1). The report says so.")
    BigDecimal tolerance;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    static {
        System.setProperty("crossfoot.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    /** The filing directories: those named, then those found under each ROOT. */
    List<Path> filings(CommandLine cmd) {
        List<Path> out = new ArrayList<>(dirs);
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new CommandLine.ParameterException(cmd, "--recursive " + root + ": no such directory");
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> Files.isRegularFile(p.resolve("filing.yaml"))).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, roots.isEmpty()
                    ? "Missing required parameter: 'DIR' (give filing directories, or --recursive ROOT)"
                    : "no filing.yaml under " + roots);
        }
        return out;
    }

    CheckOptions options(CommandLine cmd, Set<String> known) {
        if (tolerance != null && tolerance.signum() < 0) {
            throw new CommandLine.ParameterException(cmd, "--tolerance must not be negative (found " + tolerance.toPlainString() + ")");
        }
        if (exact && tolerance != null && tolerance.signum() > 0) {
            throw new CommandLine.ParameterException(cmd, "--exact and --tolerance contradict each other; use one");
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(cmd, "--jobs must be at least 1 (found " + jobs + ")");
        }
        return new CheckOptions(rules, exact, tolerance == null ? BigDecimal.ZERO : tolerance, known, jobs);
    }
}
