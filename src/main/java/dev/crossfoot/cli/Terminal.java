package dev.crossfoot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What crossfoot knows of where it writes: whether standard output and standard error are terminals, how wide
 * a report line may be, and whether colour is welcome. Read once from the process's environment.
 *
 * @param stdout standard output is a terminal
 * @param stderr standard error is a terminal
 * @param env    the environment ({@code COLUMNS}, {@code NO_COLOR}, {@code TERM}, {@code CI})
 */
record Terminal(boolean stdout, boolean stderr, Map<String, String> env) {

    /** The width of a text report when {@code COLUMNS} does not say. */
    static final int DEFAULT_COLUMNS = 100;

    /** The narrowest report crossfoot lays out; a smaller {@code COLUMNS} is taken as this. */
    static final int MIN_COLUMNS = 60;

    /**
     * The environment variables crossfoot reads, all through a {@code Terminal}: what a resident server
     * ({@link Resident}) is told of its client's environment. This class is the only one that reads the process's
     * environment for a command ({@code ResidentTest} checks the sources).
     */
    static final java.util.List<String> READ = java.util.List.of("COLUMNS", "NO_COLOR", "TERM", "CI", "SOURCE_DATE_EPOCH");

    /** The terminal of the run on this thread (and the threads it starts), when it is not this process's own. */
    private static final InheritableThreadLocal<Terminal> GIVEN = new InheritableThreadLocal<>();

    /** This run's terminal: the one given to it ({@link #within}), else this process's. */
    static Terminal detect() {
        Terminal given = GIVEN.get();
        if (given != null) {
            return given;
        }
        boolean console = System.console() != null;
        return new Terminal(isTerminal(1, console), isTerminal(2, console), System.getenv());
    }

    /** This process's environment, only the variables crossfoot reads ({@link #READ}). */
    static Map<String, String> environment() {
        Map<String, String> env = new java.util.TreeMap<>();
        for (String name : READ) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    /** Runs {@code work} on this thread with {@code terminal} as the run's terminal (a resident server's client's). */
    static <T> T within(Terminal terminal, Supplier<T> work) {
        Terminal before = GIVEN.get();
        GIVEN.set(terminal);
        try {
            return work.get();
        } finally {
            GIVEN.set(before);
        }
    }

    /**
     * Whether file descriptor {@code fd} is a terminal. Java cannot ask; on Linux the descriptor's link in /proc
     * names the device. Elsewhere, standard output counts as a terminal when Java sees a console, and standard
     * error as one when standard output is.
     */
    static boolean isTerminal(int fd, boolean console) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc link to read (not Linux, or not allowed): the fallback the javadoc gives, not an error
            return console;
        }
    }

    /** The width report lines must fit: {@code COLUMNS} when it is a number, else {@value #DEFAULT_COLUMNS}. */
    int columns() {
        String c = env.get("COLUMNS");
        if (c != null && c.strip().matches("[0-9]{1,4}")) {
            int n = Integer.parseInt(c.strip());
            return n == 0 ? DEFAULT_COLUMNS : Math.max(MIN_COLUMNS, n);
        }
        return DEFAULT_COLUMNS;
    }

    /** Colour is not refused: {@code NO_COLOR} is unset or empty, and the terminal is not {@code dumb}. */
    boolean colourWelcome() {
        String noColor = env.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    /** A progress bar may be drawn on standard error: it is a terminal that can move the cursor, and this is not CI. */
    boolean progressWelcome() {
        return stderr && env.get("CI") == null && !"dumb".equals(env.get("TERM"));
    }
}
