package dev.crossfoot.cli;

import dev.crossfoot.model.Printable;
import dev.crossfoot.check.Checker;
import dev.crossfoot.render.BaselineRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code crossfoot baseline DIR... -o FILE}: records the current failures, so that later runs report only new ones. */
final class BaselineCommand implements Callable<Integer> {

    final CommandSpec spec = Specs.command(this, "baseline",
            "Records every check that does not pass now (fail, warn or error) by fingerprint: rule, table, row, "
                + "column and the figures it used. 'crossfoot check --baseline FILE' then reports those as known, not failing, "
                + "while their figures are unchanged; anything new still fails.",
            "0:the baseline was written",
            ExitCodes.UNUSABLE_TEXT,
            ExitCodes.INTERNAL_TEXT);

    final FilingsMixin filings = new FilingsMixin();

    private final OptionSpec output;

    BaselineCommand() {
        spec.addMixin("filings", filings.spec);
        output = Specs.option(spec, Path.class, "FILE", null, "Write the baseline to FILE (atomically) instead of standard output.", "-o", "--output");
        Specs.standardHelp(spec);
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        List<Path> dirs = filings.filings(cmd);
        Path output = Specs.value(this.output);
        if (output != null) {
            String problem = OutputFile.problem(output, filings.inputs(dirs));
            if (problem != null) {
                cmd.getErr().println(Printable.line("crossfoot: " + problem));
                cmd.getErr().flush();
                return ExitCodes.UNUSABLE;
            }
        }
        Checker checker;
        try {
            checker = Runs.checker(filings.options(cmd, Set.of()), cmd.getErr(), filings.verbose());
        } catch (dev.crossfoot.model.InputException e) {
            return Runs.unusable(cmd.getErr(), e, filings.verbose());
        }
        Runs.Outcome outcome = Runs.render(checker, dirs, filings.checking(checker, dirs.size(), false), new BaselineRenderer(), output,
                cmd.getOut(), cmd.getErr(), true);
        if (outcome != null && outcome.bug()) {
            return ExitCodes.INTERNAL;
        }
        return outcome == null || outcome.totals().incomplete() ? ExitCodes.UNUSABLE : ExitCodes.OK;
    }
}
