package dev.crossfoot.cli;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Printable;
import dev.crossfoot.check.Checker;
import dev.crossfoot.infer.Footing;
import dev.crossfoot.parse.StandardReader;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.rules.StandardPack;
import java.util.function.Function;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** What to check and how: the options {@code check} and {@code baseline} share. */
final class FilingsMixin {

    /** The options and parameters, in the order picocli lists them; a command adds them with {@code addMixin("filings", spec)}. */
    final CommandSpec spec = CommandSpec.create();

    private final PositionalParamSpec dirs = Specs.positional(spec, PositionalParamSpec.builder().arity("0..*")
            .type(List.class).auxiliaryTypes(Path.class).initialValue(new ArrayList<Path>()),
            "DIR", "Filing directories to check, each holding filing.yaml.");

    private final OptionSpec roots = Specs.list(spec, Path.class, "ROOT",
            "Also check every directory under ROOT that holds a filing.yaml (in path order). Repeatable.", "-r", "--recursive");

    private final OptionSpec rules = Specs.list(spec, Path.class, "FILE",
            "A rules YAML file applied to every filing, after the filing's own rules.yaml. Repeatable.", "--rules");

    private final OptionSpec noStandard = Specs.flag(spec,
            "Do not check crossfoot's standard rules (the balance sheet balances, the cash roll-forward, ...) beside the filing's own.", "--no-standard");

    private final OptionSpec standardFile = Specs.option(spec, Path.class, "FILE", null,
            "A standard rule pack file that extends the built-in one: its items add label variants "
            + "to the built-in items of the same id, its rules replace the built-in rules of the same id or add new ones.", "--standard");

    final CheckingMixin how = new CheckingMixin();

    {
        spec.addMixin("how", how.spec);
    }

    /** --standard FILE, or null. */
    Path standardFile() {
        return Specs.value(standardFile);
    }

    private List<Path> rules() {
        return Specs.value(rules);
    }

    /**
     * The standard rule pack to check, or null with --no-standard.
     *
     * @throws dev.crossfoot.model.InputException when the --standard file cannot be used
     */
    StandardPack standard(CommandLine cmd) {
        boolean noStandard = Specs.isSet(this.noStandard);
        Path standardFile = standardFile();
        if (noStandard && standardFile != null) {
            throw new CommandLine.ParameterException(cmd, "--no-standard and --standard contradict each other; use one");
        }
        if (noStandard) {
            return null;
        }
        return standardFile == null ? StandardReader.builtIn() : StandardReader.extended(standardFile);
    }

    /**
     * How each filing is checked: with its rules (rules.yaml, --rules) and the standard rules; a filing without rules
     * of its own is checked against the standard rules and footed (the totals found in its tables); with
     * {@code infer}, every filing is also footed.
     */
    Function<Path, FilingReport> checking(Checker checker, int inputs, boolean infer) {
        Function<Path, FilingReport> plain = checker.checking(inputs);
        Function<Path, FilingReport> footing = new Footing(checker).checkingWithInference(inputs);
        if (infer) {
            return footing;
        }
        if (checker.options().standard() == null || !rules().isEmpty()) {
            return plain;
        }
        return dir -> Files.exists(dir.resolve(Checker.RULES_FILE)) ? plain.apply(dir) : footing.apply(dir);
    }

    /** The filing directories: those named, then those found under each ROOT. */
    List<Path> filings(CommandLine cmd) {
        List<Path> dirs = Specs.value(this.dirs);
        List<Path> roots = Specs.value(this.roots);
        for (Path dir : dirs) {
            String hint = recursiveHint(cmd, dir);
            if (hint != null) {
                throw new CommandLine.ParameterException(cmd, hint);
            }
        }
        List<Path> out = new ArrayList<>(dirs);
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new CommandLine.ParameterException(cmd, "--recursive " + root + ": no such directory");
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> Files.isRegularFile(p.resolve("filing.yaml"))).sorted().forEach(out::add);
            } catch (IOException | UncheckedIOException e) {
                throw unwalkable(root, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
            }
        }
        if (out.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, roots.isEmpty()
                    ? "Missing required parameter: 'DIR' (give filing directories, or --recursive ROOT)"
                    : "no filing.yaml under " + roots);
        }
        return out;
    }

    /**
     * For a directory that is no filing but holds filings below it (a mistake of the command line, found before
     * anything is checked): what it holds and the command that checks them all; else null.
     */
    private static String recursiveHint(CommandLine cmd, Path dir) {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve("filing.yaml"))) {
            return null;
        }
        List<Path> below;
        try (Stream<Path> s = Files.walk(dir, 4)) {
            below = s.filter(p -> !p.equals(dir) && Files.isRegularFile(p.resolve("filing.yaml"))).sorted().limit(100).toList();
        } catch (IOException | UncheckedIOException e) {
            return null; // reading it as a filing says what is wrong
        }
        if (below.isEmpty()) {
            return null;
        }
        return dir + ": no filing.yaml here, but " + (below.size() == 100 ? "100 or more directories" : below.size()
                + (below.size() == 1 ? " directory" : " directories")) + " under it hold one (" + below.get(0)
                + (below.size() > 1 ? ", ..." : "") + "); check them all with '" + cmd.getCommandSpec().qualifiedName()
                + " -r " + dir + "'";
    }

    /** Everything the run reads, for the output check: the filing directories and the rules files. */
    List<Path> inputs(List<Path> filings, Path... more) {
        List<Path> all = new ArrayList<>(filings);
        all.addAll(rules());
        for (Path p : more) {
            if (p != null) {
                all.add(p);
            }
        }
        return all;
    }

    /** A root whose tree cannot be read to the end, in crossfoot's words (exit 2). */
    static InputException unwalkable(Path root, IOException e) {
        String where = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : root.toString();
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e instanceof FileSystemException ? "it cannot be read" : e.getMessage();
        String hint = e instanceof AccessDeniedException ? "make it readable, or give narrower roots"
                : "File name too long".equalsIgnoreCase(why) ? "the path is longer than the system allows (PATH_MAX); move the filings to a shorter path"
                : "fix it, or give narrower roots";
        return new InputException(null, "--recursive " + root + ": cannot read " + Printable.quote(where) + " (" + why + "); " + hint);
    }

    CheckOptions options(CommandLine cmd, Set<String> known) {
        return how.options(cmd, rules(), known).withStandard(standard(cmd));
    }

    boolean verbose() {
        return how.verbose();
    }
}
