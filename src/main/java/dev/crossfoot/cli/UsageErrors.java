package dev.crossfoot.cli;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Usage errors in crossfoot's words: one line, lower case, and for a slip of the keyboard, what was meant. */
final class UsageErrors {

    private static final Pattern CHOICE = Pattern.compile("expected one of \\[(.*)] \\(case-sensitive\\) but was '(.*)'$");

    private UsageErrors() {
    }

    /** A usage error in one line; for a mistyped command, option or value, with the nearest one that exists. */
    static String oneLine(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            CommandLine cmd = u.getCommandLine();
            String given = u.getUnmatched().get(0);
            boolean command = !u.isUnknownOption() && !cmd.getSubcommands().isEmpty()
                    && cmd.getCommandSpec().positionalParameters().isEmpty();
            String name = given.startsWith("-") && given.contains("=") ? given.substring(0, given.indexOf('=')) : given;
            String what = u.isUnknownOption() || given.startsWith("-") ? "unknown option '" + name + "'"
                    : command ? "unknown command '" + given + "'" : "unexpected argument '" + given + "'";
            String where = cmd.getParent() == null ? "" : cmd.getCommandName() + ": ";
            String near = nearest(name, name.startsWith("-") ? cmd.getCommandSpec().optionsMap().keySet() : cmd.getSubcommands().keySet());
            return where + what + (near == null ? "" : "; did you mean '" + near + "'?");
        }
        String m = ex.getMessage().replaceAll("\\s+", " ").strip();
        Matcher choice = CHOICE.matcher(m);
        if (choice.find()) {
            String near = nearest(choice.group(2), List.of(choice.group(1).split(", ")));
            m += near == null ? "" : "; did you mean '" + near + "'?";
        }
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /**
     * The name among {@code names} that {@code given} is most likely a slip of: at most two edits away (a letter
     * added, dropped, changed, or two swapped), and fewer than half its letters; null when none is that near.
     */
    static String nearest(String given, Collection<String> names) {
        String g = given.replaceFirst("^-+", "");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names.stream().sorted().toList()) {
            if (n.startsWith("-") != given.startsWith("-")) {
                continue;
            }
            int d = edits(g, n.replaceFirst("^-+", ""));
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return bestDistance <= 2 && bestDistance * 2 < g.length() ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
