package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where crossfoot writes: terminals found through a pseudo-terminal (util-linux script), width and colour from the environment. */
class TerminalTest {

    @TempDir
    Path temp;

    /** Runs {@link TerminalProbe} under a pseudo-terminal, with {@code redirect} applied by the shell. */
    private String probe(String redirect) throws IOException, InterruptedException {
        Path result = temp.resolve("probe-" + Math.abs(redirect.hashCode()) + ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' -Xshare:off -cp '" + System.getProperty("java.class.path") + "' "
                + TerminalProbe.class.getName() + " '" + result + "' " + redirect;
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectErrorStream(true).redirectOutput(temp.resolve("typescript").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe did not end");
        assertEquals(0, p.exitValue(), () -> command + "\n" + read(temp.resolve("typescript")));
        return read(result);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void underAPseudoTerminal_eachStreamIsATerminalUnlessRedirected() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc to see a stream's device");
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "script"))),
                "needs util-linux's script for a pseudo-terminal");
        assertEquals("true true", probe(""));
        assertEquals("false true", probe("> /dev/null"), "stdout to a file: the bar still goes to stderr");
        assertEquals("true false", probe("2> /dev/null"));
        assertEquals("false false", probe("> /dev/null 2>&1"));
    }

    @Test
    void width_isColumns_else100_never_below60() {
        assertEquals(100, new Terminal(true, true, Map.of()).columns());
        assertEquals(80, new Terminal(true, true, Map.of("COLUMNS", "80")).columns());
        assertEquals(132, new Terminal(true, true, Map.of("COLUMNS", " 132 ")).columns());
        assertEquals(60, new Terminal(true, true, Map.of("COLUMNS", "20")).columns());
        for (String junk : List.of("", "wide", "-5", "0", "1e3", "99999")) {
            assertEquals(100, new Terminal(true, true, Map.of("COLUMNS", junk)).columns(), junk);
        }
    }

    @Test
    void colour_isRefusedByNoColorOrADumbTerminal() {
        assertTrue(new Terminal(true, true, Map.of()).colourWelcome());
        assertTrue(new Terminal(true, true, Map.of("NO_COLOR", "")).colourWelcome(), "an empty NO_COLOR does not count (no-color.org)");
        assertFalse(new Terminal(true, true, Map.of("NO_COLOR", "1")).colourWelcome());
        assertFalse(new Terminal(true, true, Map.of("TERM", "dumb")).colourWelcome());
        assertFalse(new Terminal(true, true, Map.of("CI", "true")).progressWelcome());
        assertFalse(new Terminal(true, false, Map.of()).progressWelcome());
        assertTrue(new Terminal(false, true, Map.of()).progressWelcome());
    }
}
