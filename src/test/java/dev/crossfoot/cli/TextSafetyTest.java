package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from the input never speaks to the terminal or to a CI runner: not in the text report, not on stderr. */
class TextSafetyTest {

    /** The tester's label: an OSC title, BEL, clear screen, a newline and a GitHub Actions workflow command. */
    static final String EVIL = "Total\u001b]0;PWNED\u0007\u001b[2J\r\n::error file=evil.py,line=1::INJECTED";

    @TempDir
    Path temp;

    static void noneRaw(String text) {
        assertFalse(text.contains("\u001b"), () -> "ESC in: " + text);
        assertFalse(text.contains("\u0007"), () -> "BEL in: " + text);
        assertFalse(text.contains("\r"), () -> "CR in: " + text);
        for (String line : text.split("\n")) {
            assertFalse(line.strip().startsWith("::"), () -> "a workflow command line: " + line);
        }
    }

    @Test
    void footOfATableWithAnEscapeLabel_textReportShowsItEscaped() throws IOException {
        Path csv = Files.writeString(temp.resolve("evil.csv"),
                "label,2023,2022\nFixed Price,\"1,452.4\",\"1,146.2\"\nOther,44.1,56.7\n\"" + EVIL + "\",\"1,496.5\",\"1,202.9\"\n");
        Run run = Run.of("foot", csv.toString());
        assertTrue(run.exitCode() <= 1, run::toString);
        noneRaw(run.out());
        noneRaw(run.err());
        assertTrue(run.out().contains("PASS  INFER-evil-L4"), run.out());
        assertTrue(run.out().contains("Total\\x1b]0;PWNED"), run.out());
    }

    @Test
    void checkWithAnEscapeLabel_neitherReportNorStderrHoldsItRaw() {
        FilingCopy c = FilingCopy.of(FilingCopy.SENSETIME, temp);
        c.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "2023", EVIL);
        Run run = Run.of("check", c.path());
        assertEquals(2, run.exitCode(), run::toString);
        noneRaw(run.out());
        noneRaw(run.err());
        assertTrue(run.err().contains("'Total\\x1b]0;PWNED\\x07\\x1b[2J\\r\\n::error file=evil.py,line=1::INJECTED'"), run.err());
        for (String line : run.err().split("\n")) {
            assertTrue(line.startsWith("crossfoot: "), () -> "a line that is not crossfoot's: " + line);
        }
    }

    @Test
    void filingDirectoryWithANewlineInItsName_keepsStderrToOneLine() throws IOException {
        Path dir = temp.resolve("evil\n::error::x");
        Files.createDirectories(dir);
        try (var files = Files.list(Path.of("fixtures/bad/label-missing"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        Run run = Run.of("check", dir.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().startsWith("crossfoot: " + temp + "/evil\\n::error::x"), run.err());
        noneRaw(run.out());
    }

    @Test
    void invisibleCharacterInARuleLabel_isShownAsItsCodePoint() {
        FilingCopy c = FilingCopy.of(FilingCopy.SENSETIME, temp);
        c.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "label", "North\u202Eeast Asia");
        Run run = Run.of("check", c.path());
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(run.err().contains("\u202E"), run.err());
        assertTrue(run.err().contains("North<U+202E>east Asia"), run.err());
    }

    @Test
    void hugeLabel_isCutInTheMessage_notEchoed() {
        FilingCopy c = FilingCopy.of(FilingCopy.SENSETIME, temp);
        c.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "2023", "1" + "N".repeat(2_000_000));
        Run run = Run.of("check", c.path());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().length() < 5_000, () -> "stderr of " + run.err().length() + " characters");
        assertTrue(run.err().contains("… (1999801 more characters)"), run.err().substring(0, Math.min(3000, run.err().length())));
    }

    @Test
    void everyFormatButGithub_printsNoLineThatStartsAWorkflowCommand() throws IOException {
        Path csv = Files.writeString(temp.resolve("evil.csv"),
                "label,2023,2022\nFixed Price,\"1,452.4\",\"1,146.2\"\nOther,44.1,56.7\n\"" + EVIL + "\",\"1,496.5\",\"1,202.9\"\n");
        for (String format : new String[] {"text", "json", "junit", "sarif", "html"}) {
            Run run = Run.of("foot", "--format", format, csv.toString());
            assertEquals(0, run.exitCode(), run::toString);
            assertFalse(run.out().contains("\u001b"), format);
            for (String line : run.out().split("\n")) {
                assertFalse(line.strip().startsWith("::"), () -> format + ": " + line);
            }
        }
    }
}
