package dev.crossfoot.cli;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's training run, from which it records the start-up archive (AppCDS on Java 17, the AOT cache on 25 and
 * later): several command lines in one JVM, each run as {@link Main#main} runs it, their output discarded, so that the
 * archive holds the classes of each (the text report's and the JSON report's, say) and not of one run alone.
 * Command lines are separated by {@value #THEN}. Exits with the highest exit code of the runs.
 */
final class Training {

    /** Separates the command lines given. */
    static final String THEN = "--then";

    private Training() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs each command line of {@code args} in turn; the highest exit code. */
    static int run(String[] args) {
        int worst = ExitCodes.OK;
        for (String[] line : lines(args)) {
            Main.readAhead(line);
            worst = Math.max(worst, Main.run(line, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
        }
        return worst;
    }

    /** The command lines of {@code args}, split at each {@value #THEN}. */
    static List<String[]> lines(String[] args) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals(THEN)) {
                lines.add(Arrays.copyOfRange(args, start, i));
                start = i + 1;
            }
        }
        return lines;
    }
}
