package dev.crossfoot.cli;

import dev.crossfoot.model.Printable;
import dev.crossfoot.extract.Extraction;
import dev.crossfoot.extract.Extractor;
import dev.crossfoot.extract.FilingWriter;
import dev.crossfoot.extract.RulesSelection;
import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.PdfText;
import dev.crossfoot.parse.RulesReader;
import dev.crossfoot.parse.TextReader;
import dev.crossfoot.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code crossfoot extract ANNOUNCEMENT.txt -o DIR}: turns an announcement's text into a filing directory. */
final class ExtractCommand implements Callable<Integer> {

    final CommandSpec spec = Specs.command(this, "extract",
            "Finds the numeric tables of a results announcement, a PDF (its text layer) or a text whose tables "
                + "are tab-separated lines, and writes a filing directory that 'crossfoot check' reads: filing.yaml and one CSV per table, figures "
                + "exactly as printed. Lines it placed by judgement, or could not place, are reported on standard error "
                + "with their line numbers.",
            "0:the filing directory was written (notices, if any, are on standard error)",
            ExitCodes.UNUSABLE_TEXT,
            ExitCodes.INTERNAL_TEXT);

    private final PositionalParamSpec inputSpec = Specs.positional(spec, PositionalParamSpec.builder().index("0").type(Path.class),
            "ANNOUNCEMENT", "The announcement: a PDF, or a UTF-8 text file.");

    private final OptionSpec outputSpec = Specs.add(spec, Specs.valued(Path.class, "DIR",
            "The filing directory to write; it must not exist yet, or be empty. It is written "
                    + "completely or not at all.", "-o", "--output").required(true));

    private final OptionSpec rulesSpec = Specs.option(spec, Path.class, "RULES", null,
            "Also write rules.yaml into DIR: the rules of RULES whose tables were all extracted "
                    + "(the others are named on standard error).", "--rules");

    private final OptionSpec quietSpec = Specs.flag(spec, "Print no summary line and no notices; errors are still printed.", "-q", "--quiet");

    private final OptionSpec verboseSpec = Specs.flag(spec, "On an error, also print the stack trace.", "--verbose");

    /** The values given, read from the options when the command runs. */
    private Path input;
    private Path output;
    private Path rules;
    private boolean quiet;
    private boolean verbose;

    ExtractCommand() {
        Specs.standardHelp(spec);
    }

    @Override
    public Integer call() throws IOException {
        input = Specs.value(inputSpec);
        output = Specs.value(outputSpec);
        rules = Specs.value(rulesSpec);
        quiet = Specs.isSet(quietSpec);
        verbose = Specs.isSet(verboseSpec);
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        String problem;
        try {
            problem = outputProblem();
        } catch (IOException | java.io.UncheckedIOException e) {
            problem = "cannot be read (" + OutputFile.reason(e) + "); give a new or empty directory";
        }
        if (problem != null) {
            err.println(Printable.line("crossfoot: " + output + ": " + problem));
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        Extraction x;
        Map<String, String> files;
        RulesSelection selection = null;
        try {
            x = PdfText.isPdf(input)
                    ? Extractor.extractPdf(input.getFileName().toString(), PdfText.read(input, input.toString()))
                    : Extractor.extract(input.getFileName().toString(), TextReader.lines(input, input.toString()));
            files = new LinkedHashMap<>(FilingWriter.files(x));
            if (rules != null) {
                RuleSet set = RulesReader.read(rules, rules.toString());
                selection = RulesSelection.select(set, Files.readString(rules), x);
                files.put("rules.yaml", selection.text());
            }
        } catch (InputException e) {
            return Runs.unusable(err, e, verbose);
        }
        if (x.tables().isEmpty()) {
            err.println(Printable.line("crossfoot: " + input + ": no numeric tables found (a table is a run of "
                    + (x.paged() ? "lines with figures standing apart from their labels" : "tab-separated lines with figures")
                    + "); nothing written"));
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        try {
            writeAll(files);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("crossfoot: cannot write the filing directory " + output + ": " + OutputFile.reason(e) + "; nothing written");
            err.flush();
            return ExitCodes.UNUSABLE;
        }
        if (!quiet) {
            for (Extraction.Notice n : x.notices()) {
                err.println(Printable.line("crossfoot: " + input + (x.paged() ? ": " : ":") + x.at(n.line()) + ": " + n.message()));
            }
            if (selection != null) {
                for (String dropped : selection.dropped()) {
                    err.println(Printable.line("crossfoot: " + rules + ": " + dropped));
                }
            }
            cmd.getOut().println(Printable.line("Extracted " + x.tables().size() + " tables from " + input + " into " + output
                    + (selection == null ? "" : ", with " + selection.kept() + " rules")
                    + (x.notices().isEmpty() ? "" : " (" + x.notices().size() + " notices on standard error)")));
        }
        err.flush();
        cmd.getOut().flush();
        return ExitCodes.OK;
    }

    private String outputProblem() throws IOException {
        if (Files.isSymbolicLink(output)) {
            return Files.exists(output) ? "is a symbolic link; give a new or empty directory that is not a link"
                    : "is a symbolic link to " + Files.readSymbolicLink(output) + ", which does not exist; "
                    + "remove the link or give a new directory";
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return "exists and is not a directory; give a new or empty directory";
        }
        if (Files.isDirectory(output)) {
            try (Stream<Path> s = Files.list(output)) {
                if (s.findAny().isPresent()) {
                    return "is not empty; give a new or empty directory (extract never overwrites files)";
                }
            }
        }
        return null;
    }

    /** Writes into a temporary directory beside the output, then moves it into place: all files or none. */
    private void writeAll(Map<String, String> files) throws IOException {
        Path target = output.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = TempFiles.createDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            FilingWriter.write(tmp, files);
            TempFiles.commit(tmp, () -> {
                if (Files.isDirectory(target)) {
                    Files.delete(target);
                }
                Files.move(tmp, target);
            });
        } catch (IOException | RuntimeException e) {
            TempFiles.remove(tmp);
            TempFiles.forget(tmp);
            throw e;
        }
    }
}
