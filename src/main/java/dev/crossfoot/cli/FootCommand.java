package dev.crossfoot.cli;

import dev.crossfoot.model.Printable;
import dev.crossfoot.check.Checker;
import dev.crossfoot.infer.Footing;
import dev.crossfoot.infer.Inferrer;
import dev.crossfoot.model.InputException;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.parse.RulesWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code crossfoot foot TABLE.csv|DIR...}: finds and checks the totals of tables that have no rules. */
final class FootCommand implements Callable<Integer> {

    final CommandSpec spec = Specs.command(this, "foot",
            "Foots tables without rules: finds every row that is the total of the rows above it (labelled "
                + "totals, unlabelled subtotals, totals of totals, totals spanning sections, roll-forwards), and every "
                + "column of a matrix that is the sum of the columns left of it, and checks each as 'check' would: a "
                + "confirmed total is a passing check; a row that looks like a total but misses by a little is a warning "
                + "(a near-miss), with its diagnosis. Tables that are not additive (percentages, key figures) give "
                + "nothing. A CSV file is read on its own (first column: labels; unit unknown, so precision comes from "
                + "the printed digits); a directory with filing.yaml is a filing; another directory stands for its CSV files.",
            ExitCodes.OK_TEXT,
            ExitCodes.FAILED_TEXT,
            ExitCodes.UNUSABLE_TEXT,
            ExitCodes.INTERNAL_TEXT);

    private final PositionalParamSpec given = Specs.positional(spec, PositionalParamSpec.builder().arity("1..*")
            .type(List.class).auxiliaryTypes(Path.class).initialValue(new ArrayList<Path>()),
            "TABLE.csv|DIR", "CSV tables, directories of CSV tables, or filing directories.");

    private final OptionSpec emitRules = Specs.option(spec, Path.class, "FILE", null,
            "Write the confirmed totals as a rules YAML file that 'check' accepts (atomically). Near-misses are listed in it as comments.",
            "--emit-rules");

    final ReportMixin report = new ReportMixin();

    final CheckingMixin how = new CheckingMixin();

    FootCommand() {
        spec.addMixin("report", report.spec);
        spec.addMixin("how", how.spec);
        Specs.standardHelp(spec);
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        List<Path> given = Specs.value(this.given);
        Path emitRules = Specs.value(this.emitRules);
        List<Path> inputs;
        try {
            inputs = Footing.inputs(given);
        } catch (InputException e) {
            return Runs.unusable(err, e, how.verbose());
        }
        Checker checker = Runs.checker(how.options(cmd, List.of(), Set.of()), err, how.verbose());
        for (Path out : new Path[] {report.output(), emitRules}) {
            String problem = out == null ? null : OutputFile.problem(out, given);
            if (problem != null) {
                err.println(Printable.line("crossfoot: " + problem));
                err.flush();
                return ExitCodes.UNUSABLE;
            }
        }
        List<Inferrer.Inference> found = new ArrayList<>();
        Runs.Outcome outcome = Runs.render(checker, inputs, new Footing(checker).footing(inputs.size()), footed -> {
            if (footed.inference() != null) {
                found.add(footed.inference());
            }
            return footed.report();
        }, report.renderer(), report.output(), cmd.getOut(), err, false, report.color());
        if (outcome != null && emitRules != null && !emit(found, given, emitRules, err)) {
            return ExitCodes.UNUSABLE;
        }
        return report.exitCode(outcome);
    }

    /** Writes the confirmed relations of every input, in input order; the near-misses are named in its header. */
    private static boolean emit(List<Inferrer.Inference> found, List<Path> given, Path emitRules, PrintWriter err) {
        List<Rule> rules = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("Rules inferred by 'crossfoot foot' from " + String.join(", ", given.stream().map(Path::toString).toList()) + ".");
        header.add("Each is a total confirmed within rounding; review them, rename the ids, and keep those that are promises of the statements.");
        for (Inferrer.Inference inf : found) {
            rules.addAll(inf.confirmed());
            for (Rule r : inf.nearMisses()) {
                header.add("near-miss, not emitted: " + r.info().id() + " (" + r.info().title() + ")");
            }
        }
        try {
            OutputFile.write(emitRules, RulesWriter.write(rules, header));
            return true;
        } catch (IOException e) {
            err.println("crossfoot: cannot write the rules to " + emitRules + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }
}
