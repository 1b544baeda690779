package dev.crossfoot.check;

import dev.crossfoot.model.InputException;
import dev.crossfoot.result.FilingReport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs one piece of work per input, {@code jobs} at a time, and hands each result on in the order the
 * inputs were given, as soon as it and every earlier one are done; and guards each input, so that one
 * that cannot be used is an error for that input alone.
 */
public final class Batch {

    private final int jobs;
    private final BiConsumer<Path, Throwable> problems;

    /**
     * @param problems told of every input that could not be checked, with the exception (for --verbose)
     */
    public Batch(int jobs, BiConsumer<Path, Throwable> problems) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        this.jobs = jobs;
        this.problems = problems;
    }

    /** Whether a batch of this many inputs runs them at once (so each should not start threads of its own). */
    public boolean parallel(int inputs) {
        return jobs > 1 && inputs > 1;
    }

    /**
     * Runs {@code one} on every input and gives each result to {@code sink}, in input order; {@code progress}
     * is told how many inputs are done. {@code one} must not throw: wrap it with {@link #guarded}. A bounded
     * window of inputs in flight keeps memory flat for long batches.
     */
    public <T> void run(List<Path> inputs, Function<Path, T> one, Consumer<T> sink, IntConsumer progress) {
        if (!parallel(inputs.size())) {
            int done = 0;
            for (Path p : inputs) {
                if (Thread.currentThread().isInterrupted()) {
                    // a resident server's run whose client was interrupted (a process's own run is never interrupted)
                    throw new IllegalStateException("interrupted");
                }
                sink.accept(one.apply(p));
                progress.accept(++done);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, inputs.size()), r -> {
            Thread t = new Thread(r, "crossfoot-check");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            int window = jobs * 4;
            ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < inputs.size() || !inFlight.isEmpty()) {
                while (next < inputs.size() && inFlight.size() < window) {
                    Path p = inputs.get(next++);
                    inFlight.add(pool.submit(() -> {
                        T r = one.apply(p);
                        progress.accept(done.incrementAndGet());
                        return r;
                    }));
                }
                sink.accept(inFlight.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tells the problem listener of a part of an input that could not be used (a table of a filing). */
    public void told(Path input, Throwable problem) {
        problems.accept(input, problem);
    }

    /**
     * Runs {@code work} on one input; unusable input gives a report holding the one-line error instead of
     * findings, and any other exception a report of an internal error (both told to the problem listener).
     */
    public FilingReport guarded(Path input, Function<Path, FilingReport> work) {
        try {
            return work.apply(input);
        } catch (InputException e) {
            problems.accept(input, e);
            return FilingReport.failed(input.toString(), e.oneLine());
        } catch (RuntimeException | StackOverflowError e) {
            problems.accept(input, e);
            return FilingReport.bug(input.toString(), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ")));
        }
    }
}
