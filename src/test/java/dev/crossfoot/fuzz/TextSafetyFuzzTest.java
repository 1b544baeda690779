package dev.crossfoot.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.model.Printable;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the text-safety function every report line and stderr message passes through: whatever the input
 * text, what is printed holds no control, format (invisible, bidirectional) or separator character, a quote
 * stays short, and no line starts a GitHub Actions workflow command.
 */
class TextSafetyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyText_printsWithNothingATerminalOrRunnerWouldObey(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        check(Printable.text(s), s);
        String q = Printable.quote(s);
        check(q, s);
        if (q.length() > Printable.QUOTE_LIMIT * 10 + 40) {
            throw new AssertionError("a quote of " + q.length() + " characters");
        }
        String line = Printable.notACommand(Printable.text(s));
        if (line.stripLeading().startsWith("::")) {
            throw new AssertionError("a workflow command: " + line);
        }
    }

    private static void check(String shown, String from) {
        shown.codePoints().forEach(c -> {
            int t = Character.getType(c);
            if (t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                    || t == Character.PARAGRAPH_SEPARATOR || t == Character.SURROGATE) {
                throw new AssertionError(String.format("U+%04X printed raw from %s", c, Printable.text(from)));
            }
        });
    }
}
