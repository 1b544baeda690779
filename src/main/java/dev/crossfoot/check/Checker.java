package dev.crossfoot.check;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.NarrativeCsv;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Report;
import dev.crossfoot.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The library's entry point: filing directories in, a {@link Report} out. Reads, never writes. It puts
 * together the three parts that do the work: the {@link Loader} (filings and rules from disk), the
 * {@link Engine} (a filing and its rules to a report) and the {@link Batch} (several filings at once, in
 * order, each guarded).
 *
 * <pre>{@code
 *   Report r = new Checker(CheckOptions.DEFAULT).check(List.of(Path.of("fixtures/sensetime-2023")));
 * }</pre>
 */
public final class Checker {

    /** The rules file a filing directory may hold beside filing.yaml. */
    public static final String RULES_FILE = Loader.RULES_FILE;

    private final CheckOptions options;
    private final Loader loader;
    private final Engine engine;
    private final Batch batch;

    public Checker(CheckOptions options) {
        this(options, (p, t) -> { });
    }

    /**
     * @param problems told of every filing that could not be checked, with the exception (for --verbose)
     */
    public Checker(CheckOptions options, BiConsumer<Path, Throwable> problems) {
        this.options = options;
        this.loader = new Loader(options.extraRules());
        this.engine = new Engine(options);
        this.batch = new Batch(options.jobs(), problems);
    }

    public CheckOptions options() {
        return options;
    }

    public Loader loader() {
        return loader;
    }

    public Engine engine() {
        return engine;
    }

    public Batch batch() {
        return batch;
    }

    /** Checks every filing; a filing that cannot be read becomes an error entry, the others still run. */
    public Report check(List<Path> filings) {
        List<FilingReport> out = new ArrayList<>();
        check(filings, out::add, done -> { });
        return new Report(out, options.exact(), options.extraTolerance());
    }

    /**
     * Checks the filings, {@code options.jobs()} at a time, and hands each report to {@code sink} in the
     * order the filings were given, as soon as it and every earlier one are done, so a caller can render
     * and drop reports as they come. {@code progress} is told how many filings are done.
     */
    public void check(List<Path> filings, Consumer<FilingReport> sink, IntConsumer progress) {
        batch.run(filings, checking(filings.size()), sink, progress);
    }

    /**
     * How each filing of a batch of {@code inputs} is checked (never throws: unusable input gives a report
     * holding its one-line error). When the batch checks several filings at once, each reads its tables on
     * one thread, so the cores are not oversubscribed.
     */
    public Function<Path, FilingReport> checking(int inputs) {
        boolean parallelTables = !batch.parallel(inputs);
        return dir -> batch.guarded(dir, d -> {
            // one filing at a time: its rules are read on a thread of their own while its tables are read
            FutureTask<RuleSet> ahead = parallelTables ? rulesAhead(d) : null;
            FilingReader.Loaded loaded = load(d, parallelTables);
            NarrativeCsv.Narrative narrative = NarrativeCsv.read(d);
            // a filing whose announcement's prose was read is checked without rules too: its narrative checks
            boolean required = narrative.figures().isEmpty();
            RuleSet rules = ahead == null ? loader.rules(d, required) : await(ahead);
            if (ahead != null && required && rules.rules().isEmpty()) {
                rules = loader.rules(d, true); // says that there are none, as it would have without reading ahead
            }
            return engine.check(loaded.filing(), rules, Loader.errors(loaded), narrative);
        });
    }

    /**
     * Starts reading a filing's rules (not required: a filing without any gets an empty set) on a daemon thread. What
     * the tables' reading throws is thrown first, as when the rules were read after them; the rules' own problem is
     * thrown by {@link #await}.
     */
    private FutureTask<RuleSet> rulesAhead(Path dir) {
        FutureTask<RuleSet> task = new FutureTask<>(() -> loader.rules(dir, false));
        Thread t = new Thread(task, "crossfoot-rules");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The rules read ahead, or what stopped their reading, thrown as it was. */
    private static RuleSet await(FutureTask<RuleSet> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Reads a filing directory, keeping the tables that can be read; each that cannot is told to the
     * problem listener, and is an input error for that table alone.
     */
    public FilingReader.Loaded load(Path dir, boolean parallelTables) {
        FilingReader.Loaded loaded = loader.load(dir, parallelTables);
        loaded.unreadable().forEach(u -> batch.told(dir, u.problem()));
        return loaded;
    }

    /**
     * Checks one filing; unusable input gives a report holding the one-line error instead of findings, and a
     * table that cannot be read an input error for that table alone (the other tables are still checked).
     */
    public FilingReport check(Path dir) {
        return checking(1).apply(dir);
    }

    /**
     * Checks one filing as the command line does (its rules, the standard ones, and the ties of narrative.csv), but
     * throws instead of reporting unusable input.
     *
     * @throws InputException when the filing, its tables or its rules cannot be used
     */
    public FilingReport checkOrThrow(Path dir) {
        NarrativeCsv.Narrative narrative = NarrativeCsv.read(dir);
        // as the command line does: a filing whose prose was read is checked without rules too
        return engine.check(read(dir), rules(dir, narrative.figures().isEmpty()), List.of(), narrative);
    }

    /** Reads a filing directory, its tables in parallel. */
    public Filing read(Path dir) {
        return loader.filing(dir, true);
    }

    /** The rules for a filing directory: its rules.yaml, then the --rules files. */
    public RuleSet rules(Path dir) {
        return loader.rules(dir);
    }

    /**
     * The rules of a filing, as {@link #rules(Path)}; with {@code required} false, a filing without any is not an
     * error: its rule set is empty (for ways of checking that bring their own, such as footing).
     */
    public RuleSet rules(Path dir, boolean required) {
        return loader.rules(dir, required);
    }

    /**
     * Checks a filing already in memory against a rule set (for callers that build or alter filings
     * themselves, such as mutation tests).
     *
     * @throws InputException when a rule refers to something the filing does not have
     */
    public FilingReport check(Filing filing, RuleSet rules) {
        return engine.check(filing, rules);
    }
}
