package dev.crossfoot.cli;

/**
 * A progress bar on stderr for long batches: shown only when the console is a terminal, not in CI, and
 * only once the run has taken more than a moment. Drawn by the progressbar library, loaded only then.
 */
final class Progress implements AutoCloseable {

    private static final long DELAY_NANOS = 1_000_000_000L;

    private final int total;
    private final long start = System.nanoTime();
    private final boolean enabled;
    private me.tongfei.progressbar.ProgressBar bar;

    private Progress(int total, boolean enabled) {
        this.total = total;
        this.enabled = enabled;
    }

    static Progress start(int total) {
        boolean terminal = System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
        return new Progress(total, terminal && total > 1);
    }

    synchronized void done(int count) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - start < DELAY_NANOS || count >= total) {
                return;
            }
            bar = new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("checking").setInitialMax(total)
                    .continuousUpdate().build();
        }
        bar.stepTo(count);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
