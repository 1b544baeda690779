package dev.crossfoot.cli;

import dev.crossfoot.model.Printable;
import dev.crossfoot.extract.FilingDraft;
import dev.crossfoot.infer.Footing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.FilingReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code crossfoot init DIR}: writes a first filing.yaml for a directory of CSV tables. */
final class InitCommand implements Callable<Integer> {

    final CommandSpec spec = Specs.command(this, "init",
            "Writes DIR/filing.yaml for a directory of CSV tables (a 'label' column, then one column per period, "
                + "figures as printed), so that 'crossfoot check' reads them: each CSV file is a table with the id 'foot' "
                + "gives it, the periods are the columns whose header names a year, and units are guessed from what the "
                + "tables print (listed at the top of the file: review them). It writes nothing else, changes no table, "
                + "and refuses a directory that already has a filing.yaml. Then: 'crossfoot foot DIR --emit-rules "
                + "rules.yaml' and 'crossfoot check DIR --rules rules.yaml', or 'crossfoot check --infer DIR'.",
            "0:filing.yaml was written",
            ExitCodes.UNUSABLE_TEXT,
            ExitCodes.INTERNAL_TEXT);

    private final PositionalParamSpec dir = Specs.positional(spec, PositionalParamSpec.builder().index("0").type(Path.class),
            "DIR", "A directory of CSV tables.");

    private final OptionSpec issuer = Specs.add(spec,
            Specs.valued(String.class, "NAME", "The issuer, for filing.yaml and the reports.", "--issuer").initialValue(""));

    private final OptionSpec document = Specs.add(spec,
            Specs.valued(String.class, "TEXT", "What the document is, e.g. 'Annual results for 2023'.", "--document").initialValue(""));

    private final OptionSpec verbose = Specs.flag(spec, "On an error, also print the stack trace.", "--verbose");

    InitCommand() {
        Specs.standardHelp(spec);
    }

    @Override
    public Integer call() {
        Path dir = Specs.value(this.dir);
        String issuer = Specs.value(this.issuer);
        String document = Specs.value(this.document);
        boolean verbose = Specs.isSet(this.verbose);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path yaml = dir.resolve(FilingReader.FILING_FILE);
        if (!Files.isDirectory(dir)) {
            return refuse(err, dir + ": not a directory; give the directory that holds the CSV tables");
        }
        if (Files.exists(yaml)) {
            return refuse(err, yaml + ": already a filing; edit its filing.yaml, or remove it to write a new one");
        }
        List<Path> csvs;
        try {
            csvs = Footing.inputs(List.of(dir));
        } catch (InputException e) {
            return Runs.unusable(err, e, verbose);
        }
        FilingDraft draft;
        try {
            draft = FilingDraft.of(dir, csvs, issuer, document);
        } catch (InputException e) {
            return Runs.unusable(err, e, verbose);
        }
        try {
            OutputFile.write(yaml, draft.yaml());
        } catch (IOException e) {
            return refuse(err, "cannot write " + yaml + ": " + e.getMessage());
        }
        try {
            // what check will read: a table it cannot read is reported now, and the draft is taken back
            FilingReader.read(dir);
        } catch (InputException e) {
            try {
                Files.deleteIfExists(yaml);
            } catch (IOException ignored) {
                // our own file; the message below still says what to fix
            }
            Runs.unusable(err, e, verbose);
            return refuse(err, yaml + " not written: 'check' could not read the tables as they are; correct the table "
                    + "named above and run 'crossfoot init' again");
        }
        out.println(Printable.line("Wrote " + yaml + ": " + csvs.size() + (csvs.size() == 1 ? " table" : " tables") + ", periods "
                + draft.periods() + "; " + draft.guesses().size() + (draft.guesses().size() == 1 ? " guess" : " guesses")
                + " listed at its top to review"));
        out.flush();
        return ExitCodes.OK;
    }

    private static int refuse(PrintWriter err, String message) {
        err.println(Printable.line("crossfoot: " + message));
        err.flush();
        return ExitCodes.UNUSABLE;
    }
}
