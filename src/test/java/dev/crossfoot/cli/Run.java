package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
public record Run(int exitCode, String out, String err) {

    public static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Asserts exit 2 with one line on stderr, no exception name or stack trace, holding each of {@code fragments}. */
    public void assertOneLineError(String... fragments) {
        assertEquals(2, exitCode, this::toString);
        String e = err.strip();
        assertFalse(e.contains("\n"), () -> "more than one line: " + e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), () -> "stack trace or exception name: " + e);
        for (String f : fragments) {
            assertTrue(e.contains(f), () -> "'" + f + "' not in: " + e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
