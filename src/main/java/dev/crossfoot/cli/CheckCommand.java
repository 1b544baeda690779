package dev.crossfoot.cli;

import dev.crossfoot.model.Printable;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.BaselineReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code crossfoot check DIR...}: maps options to a configuration, runs the library, maps counts to an exit code. */
final class CheckCommand implements Callable<Integer> {

    final CommandSpec spec = Specs.command(this, "check",
            "Checks each filing directory (filing.yaml, one CSV per table, rules.yaml) and reports every check: "
                + "PASS, FAIL, WARN (a failing rule of severity warning) or ERROR (a cell it needs is not a number). "
                + "A printed figure stands for half a unit of its last printed digit either way; a check passes when "
                + "the reported and the computed figure can both be true given how they were rounded.",
            ExitCodes.OK_TEXT,
            ExitCodes.FAILED_TEXT,
            ExitCodes.UNUSABLE_TEXT,
            ExitCodes.INTERNAL_TEXT);

    final FilingsMixin filings = new FilingsMixin();

    final ReportMixin report = new ReportMixin();

    private final OptionSpec baseline;

    private final OptionSpec infer;

    CheckCommand() {
        spec.addMixin("filings", filings.spec);
        spec.addMixin("report", report.spec);
        baseline = Specs.option(spec, Path.class, "FILE", null, "A baseline written by 'crossfoot baseline': the failures it recorded are reported as known, not failing, while their figures are unchanged.",
                "--baseline");
        infer = Specs.flag(spec, "Also foot every table without rules (as 'crossfoot foot' does) and add the totals it finds as checks with ids INFER-...; "
                + "a total that a rule of the filing already checks is not added again. A filing without rules is footed in any case.",
                "--infer");
        Specs.standardHelp(spec);
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        List<Path> dirs = filings.filings(cmd);
        Path baseline = Specs.value(this.baseline);
        Set<String> known = Set.of();
        if (baseline != null) {
            try {
                known = BaselineReader.read(baseline);
            } catch (InputException e) {
                return Runs.unusable(err, e, filings.verbose());
            }
        }
        Checker checker;
        try {
            checker = Runs.checker(filings.options(cmd, known), err, filings.verbose());
        } catch (InputException e) {
            return Runs.unusable(err, e, filings.verbose());
        }
        if (report.output() != null) {
            String problem = OutputFile.problem(report.output(), filings.inputs(dirs, baseline, filings.standardFile()));
            if (problem != null) {
                err.println(Printable.line("crossfoot: " + problem));
                err.flush();
                return ExitCodes.UNUSABLE;
            }
        }
        java.util.function.Function<Path, dev.crossfoot.result.FilingReport> one = filings.checking(checker, dirs.size(), Specs.isSet(infer));
        Runs.Outcome outcome = Runs.render(checker, dirs, one, report.renderer(filings.verbose()), report.output(), cmd.getOut(), err, false, report.color());
        return report.exitCode(outcome);
    }
}
