package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad filings (fixtures/bad) and of odd but accepted ones (fixtures/accepted): each folder
 * carries its expected exit code and message fragments in expected.txt.
 */
class BadCorpusTest {

    static final Path BAD = Path.of("fixtures/bad");
    static final Path ACCEPTED = Path.of("fixtures/accepted");
    private static String badBefore;
    private static String acceptedBefore;

    @TempDir
    Path temp;

    @BeforeAll
    static void remember() {
        badBefore = FilingCopy.checksum(BAD);
        acceptedBefore = FilingCopy.checksum(ACCEPTED);
    }

    @AfterAll
    static void nothingWasWrittenIntoTheInputs() {
        assertEquals(badBefore, FilingCopy.checksum(BAD));
        assertEquals(acceptedBefore, FilingCopy.checksum(ACCEPTED));
    }

    static Stream<Path> badCases() throws IOException {
        return folders(BAD);
    }

    static Stream<Path> acceptedCases() throws IOException {
        return folders(ACCEPTED);
    }

    static Stream<Path> folders(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    /**
     * @param table the table that cannot be read, when the error is that table's alone (the filing's other
     *              tables and rules are still checked); null when the filing is refused whole
     */
    record Expected(int exit, List<String> messages, int line, String table) {
        static Expected of(Path dir) throws IOException {
            int exit = -1;
            int line = 0;
            String table = null;
            List<String> messages = new ArrayList<>();
            for (String l : Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8)) {
                if (l.startsWith("exit: ")) {
                    exit = Integer.parseInt(l.substring(6).strip());
                } else if (l.startsWith("message: ")) {
                    messages.add(l.substring(9).strip());
                } else if (l.startsWith("line: ")) {
                    line = Integer.parseInt(l.substring(6).strip());
                } else if (l.startsWith("table: ")) {
                    table = l.substring(7).strip();
                }
            }
            return new Expected(exit, messages, line, table);
        }
    }

    static void assertOneLine(String err) {
        String e = err.strip();
        assertFalse(e.contains("\n"), () -> "more than one line:\n" + e);
        assertFalse(e.contains("\tat ") || e.contains("Exception"), () -> "stack trace or exception: " + e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void badFiling_getsItsOneLineErrorAndExitCode(Path dir) throws IOException {
        Expected x = Expected.of(dir);
        Run run = Run.of("check", "--no-standard", dir.toString());
        assertEquals(x.exit(), run.exitCode(), run::toString);
        assertOneLine(run.err());
        assertTrue(run.err().startsWith("crossfoot: " + dir), run.err());
        for (String m : x.messages()) {
            assertTrue(run.err().contains(m), () -> "'" + m + "' not in " + run.err());
        }
        if (x.table() == null) {
            assertTrue(run.out().isEmpty(), run.out());
        } else {
            // a table that cannot be read is an error for that table alone: the report says so, with the same words
            String reason = run.err().strip().substring("crossfoot: ".length());
            // long lines wrap to the width: an entry's lines go on indented, a summary's by two spaces
            assertTrue(run.out().replace("\n        ", " ").contains("  INPUT  table " + x.table() + " could not be read: " + reason),
                    run.out());
            assertTrue(run.out().replace("\n  ", " ").contains("; 1 table could not be read, 1 rule not run"), run.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCases")
    void oddButValidFiling_isAcceptedWithRightLineNumbers(Path dir) throws IOException {
        Expected x = Expected.of(dir);
        Run run = Run.of("check", "--format", "json", dir.toString());
        assertEquals(x.exit(), run.exitCode(), run::toString);
        JsonNode check = new ObjectMapper().readTree(run.out()).get("filings").get(0).get("checks").get(0);
        assertEquals("pass", check.get("status").asText());
        assertEquals(x.line(), check.get("line").asInt(), "line of the reported cell");
    }

    @Test
    void wholeBadCorpusAsOneBatch_printsOneErrorLinePerFiling() throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "--no-standard"));
        List<Path> dirs = badCases().toList();
        dirs.forEach(d -> args.add(d.toString()));
        Run run = Run.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals(dirs.size(), lines.size(), run.err());
        for (int i = 0; i < dirs.size(); i++) {
            assertTrue(lines.get(i).startsWith("crossfoot: " + dirs.get(i)), lines.get(i));
            assertFalse(lines.get(i).contains("Exception"), lines.get(i));
        }
    }

    @Test
    void hugeCsv_isRefusedBeforeReading_notAnOutOfMemoryError() throws IOException {
        FilingCopy c = FilingCopy.of(FilingCopy.SENSETIME, temp);
        try (RandomAccessFile f = new RandomAccessFile(c.dir().resolve("note-10-property-plant-and-equipment-2022.csv").toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024);
        }
        Run run = Run.of("check", c.path());
        assertEquals(2, run.exitCode(), run::toString);
        assertOneLine(run.err());
        assertTrue(run.err().contains("note-10-property-plant-and-equipment-2022.csv: the file is 200.0 MiB, over the 16.0 MiB limit"), run.err());
    }

    @Test
    void hugeRulesFile_isRefused() throws IOException {
        Path rules = temp.resolve("big-rules.yaml");
        try (RandomAccessFile f = new RandomAccessFile(rules.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        Run run = Run.of("check", "--rules", rules.toString(), FilingCopy.SENSETIME.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertOneLine(run.err());
        assertTrue(run.err().contains("over the 8.0 MiB limit for a YAML file"), run.err());
    }

    @Test
    void outputInAnUnwritablePlace_isAOneLineError() {
        Run run = Run.of("check", "--output", "/proc/crossfoot-report.txt", FilingCopy.SENSETIME.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertOneLine(run.err());
        assertTrue(run.err().contains("/proc/crossfoot-report.txt"), run.err());
    }
}
