package dev.crossfoot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress bar of a batch: one line on standard error, drawn only when standard error is a terminal (and not
 * in CI), once the batch has taken more than a second. Whatever else goes to that terminal while the bar shows,
 * report lines on standard output and messages on standard error, goes through {@link #lines}: the bar is
 * cleared, the complete lines are written, and the bar is drawn again below them. So neither ever overwrites the
 * other, and a partial line is never left for the bar to draw over.
 */
final class Progress implements AutoCloseable {

    static final long DELAY_NANOS = 1_000_000_000L;
    private static final long TICK_MILLIS = 250;
    private static final int MAX_WIDTH = 60;
    private static final String CLEAR = "\r\u001B[K";
    private static final String FILL_COLOUR = "\u001B[32m";
    private static final String RESET = "\u001B[0m";

    /** A bar that never shows; its {@link #lines} are the writers themselves. */
    private static final Progress NONE = new Progress(null, 0, 0, false, () -> 0L);

    private final Writer terminal;
    private final int total;
    private final int width;
    private final boolean colour;
    private final LongSupplier clock;
    private final long start;
    private ScheduledExecutorService ticker;
    private int done;
    private boolean shown;
    private String drawn;
    private boolean closed;

    /**
     * @param terminal where the bar is drawn (standard error, a terminal)
     * @param total    how many inputs the batch has
     * @param columns  the terminal's width; the bar stays narrower
     * @param colour   colour the bar's filled part
     * @param clock    nanoseconds, as {@link System#nanoTime}
     */
    Progress(Writer terminal, int total, int columns, boolean colour, LongSupplier clock) {
        this.terminal = terminal;
        this.total = total;
        this.width = Math.min(MAX_WIDTH, columns - 1);
        this.colour = colour;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /**
     * The bar for a batch of {@code total} inputs on this process's terminal, ticking on its own (a daemon thread
     * that redraws it four times a second), or one that never shows: off a terminal, in CI, for a single input.
     */
    static Progress start(int total, Writer err, Terminal t, ReportMixin.ColorMode mode) {
        Progress p = of(total, err, t, mode, System::nanoTime);
        if (p == NONE) {
            return p;
        }
        p.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "crossfoot-progress");
            thread.setDaemon(true);
            return thread;
        });
        p.ticker.scheduleAtFixedRate(p::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return p;
    }

    /** As {@link #start}, on {@code clock}, without the ticking thread (which {@link #tick} stands for). */
    static Progress of(int total, Writer err, Terminal t, ReportMixin.ColorMode mode, LongSupplier clock) {
        if (!t.progressWelcome() || total < 2) {
            return NONE;
        }
        boolean colour = switch (mode) {
            case always -> true;
            case never -> false;
            case auto -> t.colourWelcome();
        };
        return new Progress(err, total, t.columns(), colour, clock);
    }

    /** {@code count} inputs are done. */
    synchronized void done(int count) {
        done = Math.max(done, count);
        refresh();
    }

    /** Time has passed: the bar appears once the batch has taken more than a second, and shows the time taken. */
    synchronized void tick() {
        refresh();
    }

    /**
     * A writer onto {@code target} (standard output or standard error, on the bar's terminal) that the bar keeps
     * clear of: complete lines are written between clearing the bar and drawing it again; a partial line waits
     * for its end, or for {@link Writer#flush} once the bar is closed. For a bar that never shows, {@code target}.
     */
    Writer lines(Writer target) {
        return this == NONE ? target : new Lines(target);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (closed) {
            return;
        }
        clear();
        closed = true;
    }

    private void refresh() {
        if (closed || done >= total || (!shown && clock.getAsLong() - start < DELAY_NANOS)) {
            return;
        }
        if (!shown || !line().equals(drawn)) {
            draw();
        }
    }

    private void draw() {
        drawn = line();
        write(terminal, "\r" + drawn + "\u001B[K");
        shown = true;
    }

    private void clear() {
        if (shown) {
            write(terminal, CLEAR);
            shown = false;
        }
    }

    /** {@code checking  27/60 [========>         ]  45%  0:03}, at most {@value #MAX_WIDTH} columns. */
    String line() {
        long seconds = Math.max(0, (clock.getAsLong() - start) / 1_000_000_000L);
        String counts = String.format("checking %" + String.valueOf(total).length() + "d/%d ", done, total);
        String tail = String.format(" %3d%%  %d:%02d", done * 100 / total, seconds / 60, seconds % 60);
        int bar = Math.max(0, width - counts.length() - tail.length() - 2);
        int filled = bar * done / total;
        String fill = "=".repeat(filled) + (filled < bar ? ">" : "");
        String empty = " ".repeat(Math.max(0, bar - fill.length()));
        if (bar == 0) {
            return (counts + tail.strip()).strip();
        }
        return counts + "[" + (colour ? FILL_COLOUR + fill + RESET : fill) + empty + "]" + tail;
    }

    private static void write(Writer w, String s) {
        try {
            w.write(s);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer whose complete lines are written with the bar cleared, then the bar drawn again. */
    private final class Lines extends Writer {

        private final Writer target;
        private final StringBuilder pending = new StringBuilder();

        Lines(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            add(java.nio.CharBuffer.wrap(buf, off, len));
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            add(s.subSequence(off, off + len));
        }

        private void add(CharSequence s) throws IOException {
            synchronized (Progress.this) {
                pending.append(s);
                if (closed) {
                    emit(true);
                } else if (pending.length() >= 8192) {
                    emit(false);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (Progress.this) {
                emit(closed);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        /** Writes the complete lines pending (all of it when {@code all}), keeping the bar off them. */
        private void emit(boolean all) throws IOException {
            int end = all ? pending.length() : pending.lastIndexOf("\n") + 1;
            if (end > 0) {
                boolean wasShown = shown;
                clear();
                target.write(pending.substring(0, end));
                pending.delete(0, end);
                target.flush();
                if (wasShown && !closed) {
                    draw();
                }
            } else {
                target.flush();
            }
        }
    }
}
