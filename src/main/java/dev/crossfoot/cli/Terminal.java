package dev.crossfoot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

    /** This process's terminal. */
    static Terminal detect() {
        boolean console = System.console() != null;
        return new Terminal(isTerminal(1, console), isTerminal(2, console), System.getenv());
    }

    /**
     * Whether file descriptor {@code fd} is a terminal. Java cannot ask; on Linux the descriptor's link in /proc
     * names the device. Elsewhere, standard output counts as a terminal when Java sees a console, and standard
     * error as one when standard output is.
     */
    private static boolean isTerminal(int fd, boolean console) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
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
