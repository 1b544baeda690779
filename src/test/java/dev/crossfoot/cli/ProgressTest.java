package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The batch progress bar, driven through its own abstraction on a fake clock, writing to a small terminal
 * emulator that both standard output and standard error print to (as on a real terminal, where they share the
 * screen): carriage return, line feed, erase to the end of the line and colour codes.
 */
class ProgressTest {

    /** A screen: what a terminal shows after the bytes written to it. */
    static final class Screen extends Writer {
        final StringBuilder raw = new StringBuilder();
        final List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
        int col;
        int flushes;

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                raw.append(buf[i]);
            }
            String s = new String(buf, off, len);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                StringBuilder line = lines.get(lines.size() - 1);
                if (c == '\r') {
                    col = 0;
                } else if (c == '\n') {
                    lines.add(new StringBuilder());
                    col = 0;
                } else if (c == '\u001B') {
                    int end = i + 2;
                    while (end < s.length() && !Character.isLetter(s.charAt(end))) {
                        end++;
                    }
                    if (s.charAt(end) == 'K') {
                        line.setLength(Math.min(line.length(), col));
                    }
                    i = end;
                } else {
                    while (line.length() < col) {
                        line.append(' ');
                    }
                    if (col < line.length()) {
                        line.setCharAt(col, c);
                    } else {
                        line.append(c);
                    }
                    col++;
                }
            }
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
        }

        List<String> shown() {
            List<String> out = new ArrayList<>();
            lines.forEach(l -> out.add(l.toString()));
            while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            return out;
        }
    }

    static Terminal terminal(boolean stdout, boolean stderr, String... env) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < env.length; i += 2) {
            m.put(env[i], env[i + 1]);
        }
        return new Terminal(stdout, stderr, m);
    }

    static final long SECOND = 1_000_000_000L;

    @Test
    void reportLinesAndMessages_writtenWhileTheBarShows_areNeverOverwritten() throws IOException {
        Screen screen = new Screen();
        AtomicLong clock = new AtomicLong();
        Progress bar = Progress.of(60, screen, terminal(true, true), ReportMixin.ColorMode.never, clock::get);
        Writer out = bar.lines(screen);
        PrintWriter err = new PrintWriter(bar.lines(screen), true);
        String fail = "  FAIL  REV-SEG-TOTAL  2023  Total  3,405.8  3,360.8  -45.0  ±0.2";
        String explanation = "        Revenue segments add up to total revenue: reported 3,405.8 but the items add up to 3,360.8";

        clock.set(2 * SECOND);
        bar.done(5);
        assertTrue(screen.shown().get(0).startsWith("checking  5/60 ["), screen.shown().toString());

        out.write("filing-01\n");
        out.write(fail.substring(0, 20));
        bar.tick();
        bar.done(6);
        out.write(fail.substring(20) + "\n" + explanation);
        out.flush();
        err.println("crossfoot: filing-07/cash-flows.csv: no such file");
        bar.done(7);
        out.write("\n");
        out.flush();
        List<String> during = screen.shown();
        assertEquals(List.of("filing-01", fail, "crossfoot: filing-07/cash-flows.csv: no such file", explanation),
                during.subList(0, 4), "the report lines, whole, in order");
        assertTrue(during.get(4).startsWith("checking  7/60 ["), "the bar is drawn again below them: " + during);
        assertEquals(5, during.size(), during.toString());

        bar.done(60);
        out.write("Total: 60 filings, 48,360 checks");
        bar.close();
        out.flush();
        assertEquals(List.of("filing-01", fail, "crossfoot: filing-07/cash-flows.csv: no such file", explanation,
                "Total: 60 filings, 48,360 checks"), screen.shown(), "the bar is gone; the last line is written whole");
    }

    @Test
    void theBarAppearsOnlyOnceTheBatchHasTakenMoreThanASecond() throws IOException {
        Screen screen = new Screen();
        AtomicLong clock = new AtomicLong();
        Progress bar = Progress.of(10, screen, terminal(false, true), ReportMixin.ColorMode.auto, clock::get);
        clock.set(SECOND / 2);
        bar.done(3);
        bar.tick();
        assertEquals("", screen.raw.toString(), "nothing within the first second");
        clock.set(SECOND + 1);
        bar.tick();
        assertTrue(screen.shown().get(0).startsWith("checking  3/10 "), screen.shown().toString());
        assertTrue(screen.shown().get(0).endsWith(" 30%  0:01"), screen.shown().toString());
        bar.done(10);
        bar.close();
        assertEquals(List.of(), screen.shown(), "closing clears the bar");
    }

    @Test
    void colour_onlyWhenWelcome() {
        Screen never = drawn(terminal(true, true), ReportMixin.ColorMode.never);
        assertFalse(never.raw.toString().contains("\u001B[3"), "--color=never: " + never.raw);
        Screen noColor = drawn(terminal(true, true, "NO_COLOR", "1"), ReportMixin.ColorMode.auto);
        assertFalse(noColor.raw.toString().contains("\u001B[3"), "NO_COLOR: " + noColor.raw);
        assertTrue(noColor.shown().get(0).startsWith("checking"), noColor.shown().toString());
        Screen coloured = drawn(terminal(true, true, "TERM", "xterm-256color"), ReportMixin.ColorMode.auto);
        assertTrue(coloured.raw.toString().contains("\u001B[32m"), coloured.raw.toString());
        Screen forced = drawn(terminal(true, true, "NO_COLOR", "1"), ReportMixin.ColorMode.always);
        assertTrue(forced.raw.toString().contains("\u001B[32m"), "--color=always: " + forced.raw);
    }

    /** A bar of 8 inputs, 2 done, drawn after two seconds. */
    static Screen drawn(Terminal t, ReportMixin.ColorMode mode) {
        Screen screen = new Screen();
        AtomicLong clock = new AtomicLong();
        Progress bar = Progress.of(8, screen, t, mode, clock::get);
        clock.set(2 * SECOND);
        bar.done(2);
        return screen;
    }

    @Test
    void theBarFitsTheTerminal() {
        for (int columns : new int[] {60, 80, 100, 200}) {
            Screen s = drawn(terminal(false, true, "COLUMNS", String.valueOf(columns)), ReportMixin.ColorMode.never);
            String line = s.shown().get(0);
            assertTrue(line.length() < Math.min(columns, 61), columns + " columns: " + line.length() + " " + line);
            assertTrue(line.contains("[") && line.contains("]"), line);
        }
    }

    @Test
    void noBar_offATerminal_inCi_onADumbTerminal_orForOneInput() {
        StringWriter err = new StringWriter();
        for (Progress none : List.of(
                Progress.of(50, err, terminal(true, false), ReportMixin.ColorMode.always, () -> 9 * SECOND),
                Progress.of(50, err, terminal(true, true, "CI", "true"), ReportMixin.ColorMode.always, () -> 9 * SECOND),
                Progress.of(50, err, terminal(true, true, "TERM", "dumb"), ReportMixin.ColorMode.always, () -> 9 * SECOND),
                Progress.of(1, err, terminal(true, true), ReportMixin.ColorMode.always, () -> 9 * SECOND))) {
            assertSame(err, none.lines(err), "what is written goes straight through");
            none.done(1);
            none.tick();
            none.close();
        }
        assertEquals("", err.toString());
    }

    @Test
    void stderrATerminal_whateverStdoutIs_showsTheBar() {
        Screen s = drawn(terminal(false, true), ReportMixin.ColorMode.auto);
        assertTrue(s.shown().get(0).startsWith("checking 2/8 ["), s.shown().toString());
    }
}
