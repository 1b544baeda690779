package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says to a user who slips: each message in one line, with the way on. */
class CommandLineMessagesTest {

    private static final String FIXTURE = FilingCopy.SENSETIME.toString();

    @TempDir
    Path temp;

    /** The one line on stderr of a run that must exit 2 and print nothing on stdout. */
    private static String usageError(String... args) {
        Run run = Run.of(args);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        return run.err().strip();
    }

    @Test
    void aMistypedCommand_getsTheNearestOne() {
        assertEquals("crossfoot: unknown command 'chekc'; did you mean 'check'? (see 'crossfoot --help')",
                usageError("chekc", FIXTURE));
        assertEquals("crossfoot: unknown command 'extarct'; did you mean 'extract'? (see 'crossfoot --help')",
                usageError("extarct", "x.txt"));
        assertEquals("crossfoot: unknown command 'bogus' (see 'crossfoot --help')", usageError("bogus"),
                "nothing near: no guess");
    }

    @Test
    void aMistypedOptionOrValue_getsTheNearestOne() {
        assertEquals("crossfoot: check: unknown option '--frmat'; did you mean '--format'? (see 'crossfoot check --help')",
                usageError("check", "--frmat", "json", FIXTURE));
        assertEquals("crossfoot: foot: unknown option '--emit-rulz'; did you mean '--emit-rules'? (see 'crossfoot foot --help')",
                usageError("foot", "--emit-rulz=x.yaml", FIXTURE));
        assertEquals("crossfoot: check: unknown option '-X' (see 'crossfoot check --help')", usageError("check", "-X", FIXTURE),
                "a one-letter option is too short to guess");
        assertTrue(usageError("check", "--color", "nevr", FIXTURE).endsWith(
                "but was 'nevr'; did you mean 'never'? (see 'crossfoot check --help')"));
    }

    @Test
    void nearest_isAtMostTwoEditsAndFewerThanHalfTheLetters() {
        Set<String> options = Set.of("--format", "--fail-on", "--exact", "-o", "--output", "-q");
        assertEquals("--exact", UsageErrors.nearest("--exatc", options), "two letters swapped");
        assertEquals("--fail-on", UsageErrors.nearest("--failon", options));
        assertNull(UsageErrors.nearest("--frmt-x", options));
        assertNull(UsageErrors.nearest("-x", options));
        assertEquals("check", UsageErrors.nearest("chek", List.of("check", "foot", "help")));
        assertNull(UsageErrors.nearest("foot", List.of("-f", "--foot")), "options are not offered for a command");
    }

    @Test
    void aDirectoryOfFilings_getsTheRecursiveCommand() throws IOException {
        Path root = Files.createDirectory(temp.resolve("filings"));
        FilingCopy.of(FilingCopy.SENSETIME, Files.createDirectory(root.resolve("2023")));
        FilingCopy.of(FilingCopy.SENSETIME, Files.createDirectory(root.resolve("2024")));
        String line = usageError("check", root.toString());
        assertTrue(line.startsWith("crossfoot: " + root + ": no filing.yaml here, but 2 directories under it hold one ("
                + root.resolve("2023")), line);
        assertTrue(line.contains("; check them all with 'crossfoot check -r " + root + "'"), line);
        Run all = Run.of("check", "-q", "-r", root.toString());
        assertEquals(0, all.exitCode(), "the command it suggests works: " + all);
    }

    @Test
    void shellCompletion_coversEveryCommandAndOption() {
        Run run = Run.of("generate-completion");
        assertEquals(0, run.exitCode(), run::toString);
        String script = run.out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 100));
        assertTrue(script.contains("complete -F _complete_crossfoot"), "registers completion for crossfoot");
        for (String word : List.of("check", "foot", "init", "extract", "baseline", "--format", "--emit-rules", "--recursive")) {
            assertTrue(script.contains(word), word);
        }
        assertTrue(Run.of("--help").out().contains("generate-completion"), "listed in crossfoot --help");
    }

    @Test
    void aSpreadsheetOrABinaryFile_isNotSupported_whateverItsName() throws IOException {
        Path xlsx = Files.write(temp.resolve("sales.csv"), zip("xl/workbook.xml"));
        Run foot = Run.of("foot", xlsx.toString());
        assertEquals(2, foot.exitCode(), foot::toString);
        assertEquals("crossfoot: " + xlsx + ": not supported: this is an Excel workbook (.xlsx), not a CSV table; "
                + "save each sheet as CSV (UTF-8) and give that file\n", foot.err());
        Path pdf = Files.writeString(temp.resolve("table.csv"), "%PDF-1.7\n%âãÏÓ\n");
        assertTrue(Run.of("foot", pdf.toString()).err().contains("not supported: this is a PDF document, not a CSV table"));
        Path text = Files.writeString(temp.resolve("named.xlsx"), "label,2023\nA,1\nB,2\nTotal,3\n");
        assertEquals(0, Run.of("foot", text.toString()).exitCode(), "a CSV table under another name is read: the bytes decide");
    }

    /** The first bytes of a ZIP archive whose first entry has {@code name}. */
    private static byte[] zip(String name) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(b)) {
            z.putNextEntry(new java.util.zip.ZipEntry(name));
            z.write("<workbook/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return b.toByteArray();
    }
}
