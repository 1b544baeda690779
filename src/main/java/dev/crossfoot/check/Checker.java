package dev.crossfoot.check;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.RulesReader;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The library's entry point: filing directories in, a {@link Report} out. Reads, never writes.
 *
 * <pre>{@code
 *   Report r = new Checker(CheckOptions.DEFAULT).check(List.of(Path.of("fixtures/sensetime-2023")));
 * }</pre>
 */
public final class Checker {

    /** The rules file a filing directory may hold beside filing.yaml. */
    public static final String RULES_FILE = "rules.yaml";

    private final CheckOptions options;
    private final BiConsumer<Path, Throwable> problems;
    /** Rules already read, by digest of their file: a batch sharing its rules parses them once. */
    private final Map<String, RuleSet> parsedRules = new java.util.concurrent.ConcurrentHashMap<>();
    /** Set while several filings are checked at once: each filing then reads its tables on one thread. */
    private volatile boolean inBatch;

    public Checker(CheckOptions options) {
        this(options, (p, t) -> { });
    }

    /**
     * @param problems told of every filing that could not be checked, with the exception (for --verbose)
     */
    public Checker(CheckOptions options, BiConsumer<Path, Throwable> problems) {
        this.options = options;
        this.problems = problems;
    }

    public CheckOptions options() {
        return options;
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
    public void check(List<Path> filings, java.util.function.Consumer<FilingReport> sink, java.util.function.IntConsumer progress) {
        run(filings, this::check, sink, progress);
    }

    /**
     * As {@link #check(List, java.util.function.Consumer, java.util.function.IntConsumer)}, with another way
     * of checking one input (such as footing a table without rules). {@code one} must not throw: wrap it
     * with {@link #guarded}.
     */
    public void run(List<Path> filings, java.util.function.Function<Path, FilingReport> one,
                    java.util.function.Consumer<FilingReport> sink, java.util.function.IntConsumer progress) {
        if (options.jobs() == 1 || filings.size() < 2) {
            int done = 0;
            for (Path dir : filings) {
                sink.accept(one.apply(dir));
                progress.accept(++done);
            }
            return;
        }
        inBatch = true;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(options.jobs(), filings.size()), r -> {
                    Thread t = new Thread(r, "crossfoot-check");
                    t.setDaemon(true);
                    return t;
                });
        try {
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            // a bounded window of filings in flight keeps memory flat for long batches
            int window = options.jobs() * 4;
            java.util.ArrayDeque<java.util.concurrent.Future<FilingReport>> inFlight = new java.util.ArrayDeque<>();
            int next = 0;
            while (next < filings.size() || !inFlight.isEmpty()) {
                while (next < filings.size() && inFlight.size() < window) {
                    Path dir = filings.get(next++);
                    inFlight.add(pool.submit(() -> {
                        FilingReport r = one.apply(dir);
                        progress.accept(done.incrementAndGet());
                        return r;
                    }));
                }
                sink.accept(inFlight.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            inBatch = false;
        }
    }

    /** Checks one filing; unusable input gives a report holding the one-line error instead of findings. */
    public FilingReport check(Path dir) {
        return guarded(dir, this::checkOrThrow);
    }

    /**
     * Runs {@code work} on one input; unusable input gives a report holding the one-line error instead of
     * findings, and any other exception a report of an internal error (both told to the problem listener).
     */
    public FilingReport guarded(Path dir, java.util.function.Function<Path, FilingReport> work) {
        try {
            return work.apply(dir);
        } catch (InputException e) {
            problems.accept(dir, e);
            return FilingReport.failed(dir.toString(), e.oneLine());
        } catch (RuntimeException | StackOverflowError e) {
            problems.accept(dir, e);
            return FilingReport.failed(dir.toString(), dir + ": internal error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " "))
                    + "); please report it with the input, and rerun with --verbose for details");
        }
    }

    /**
     * Checks one filing.
     *
     * @throws InputException when the filing, its tables or its rules cannot be used
     */
    public FilingReport checkOrThrow(Path dir) {
        return check(read(dir), rules(dir));
    }

    /** Reads a filing directory (its tables in parallel unless several filings are being checked at once). */
    public Filing read(Path dir) {
        return FilingReader.read(dir, !inBatch);
    }

    /**
     * Checks a filing already in memory against a rule set (for callers that build or alter filings
     * themselves, such as mutation tests).
     *
     * @throws InputException when a rule refers to something the filing does not have
     */
    public FilingReport check(Filing filing, RuleSet rules) {
        Planner planner = new Planner(filing);
        Evaluator evaluator = new Evaluator(options);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            for (Plan plan : planner.plan(rule)) {
                findings.add(evaluator.evaluate(rule, plan));
            }
        }
        List<Finding> diagnosed = Diagnoser.diagnose(findings);
        if (!options.known().isEmpty()) {
            diagnosed = diagnosed.stream()
                    .map(f -> f.status() != dev.crossfoot.result.Status.PASS && options.known().contains(f.fingerprint()) ? f.asKnown() : f)
                    .toList();
        }
        return new FilingReport(filing.path(), filing.issuer(), filing.document(), diagnosed, null,
                List.copyOf(filing.tables().values()));
    }

    /** The rules for a filing directory: its rules.yaml, then the --rules files. */
    public RuleSet rules(Path dir) {
        return rules(dir, true);
    }

    /**
     * The rules of a filing, as {@link #rules(Path)}; with {@code required} false, a filing without any is not an
     * error: its rule set is empty (for ways of checking that bring their own, such as footing).
     */
    public RuleSet rules(Path dir, boolean required) {
        List<Rule> all = new ArrayList<>();
        Path own = dir.resolve(RULES_FILE);
        if (Files.exists(own)) {
            all.addAll(RulesReader.read(own, own.toString(), parsedRules).rules());
        }
        for (Path extra : options.extraRules()) {
            all.addAll(RulesReader.read(extra, extra.toString(), parsedRules).rules());
        }
        if (all.isEmpty() && required) {
            throw new InputException(SourceLocation.of(dir.toString()), "no rules to check: add " + RULES_FILE
                    + " to the filing directory, pass --rules FILE, or foot the tables without rules with --infer");
        }
        Map<String, Rule> seen = new HashMap<>();
        for (Rule r : all) {
            Rule before = seen.putIfAbsent(r.info().id(), r);
            if (before != null) {
                throw new InputException(r.info().location(), "rule id " + r.info().id() + " is already used at "
                        + before.info().location() + "; rule ids must be unique");
            }
        }
        return new RuleSet(all);
    }
}
