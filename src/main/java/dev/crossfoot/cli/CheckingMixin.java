package dev.crossfoot.cli;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Limits;
import dev.crossfoot.model.Printable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** How to check: the options {@code check}, {@code baseline} and {@code foot} share. */
final class CheckingMixin {

    /** The options, in the order picocli lists them; a command adds them with {@code addMixin("how", spec)}. */
    final CommandSpec spec = CommandSpec.create();

    private final OptionSpec jobs = Specs.option(spec, int.class, "N", "${sys:crossfoot.cores}",
            "Filings checked at once (default: the number of cores, ${DEFAULT-VALUE} here). Output order never depends on it.",
            "-j", "--jobs");

    private final OptionSpec exact = Specs.flag(spec, "Cast at the printed precision: the computed figure, rounded as the reported one was printed, must equal it.",
            "--exact");

    private final OptionSpec tolerance = Specs.option(spec, BigDecimal.class, "UNITS", null,
            "Widen every tolerance by UNITS units of the reported figure's last printed digit (e.g. 1). The report says so.",
            "--tolerance");

    private final OptionSpec verbose = Specs.flag(spec, "Print stack traces of errors.", "--verbose");

    static {
        System.setProperty("crossfoot.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    CheckOptions options(CommandLine cmd, List<Path> rules, Set<String> known) {
        BigDecimal tolerance = Specs.value(this.tolerance);
        boolean exact = Specs.isSet(this.exact);
        int jobs = Specs.value(this.jobs);
        if (tolerance != null && !Decimals.printable(tolerance)) {
            throw new CommandLine.ParameterException(cmd, "--tolerance " + Printable.quote(tolerance.toString())
                    + " is out of range: give at most " + Limits.MAX_FIGURE_DIGITS + " digits before and after the decimal point, such as 1 or 0.5");
        }
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

    /** --verbose: print stack traces of errors. */
    boolean verbose() {
        return Specs.isSet(verbose);
    }
}
