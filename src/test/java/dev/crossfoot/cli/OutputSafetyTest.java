package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.testing.FilingCopy;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No path through links lets a command write into its input, or replace anything that is not a regular file. */
class OutputSafetyTest {

    @TempDir
    Path temp;

    private FilingCopy filing;
    private Path link;
    private String before;

    @BeforeEach
    void filingAndALinkToIt() throws IOException {
        filing = FilingCopy.of(FilingCopy.SENSETIME, temp);
        link = Files.createSymbolicLink(temp.resolve("l"), filing.dir());
        before = FilingCopy.checksum(filing.dir());
    }

    private void refused(Run run, String words) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().contains(words), run::toString);
        assertEquals(before, FilingCopy.checksum(filing.dir()), "the input was changed");
    }

    @Test
    void reportThroughALinkToTheFilingDirectory_isRefused() {
        refused(Run.of("check", filing.path(), "-q", "--output", link.resolve("revenue.csv").toString()),
                "it is inside the input directory " + filing.path() + " (through a link)");
    }

    @Test
    void reportIntoTheFilingDirectory_whenTheFilingIsNamedThroughALink_isRefused() {
        refused(Run.of("check", link.toString(), "--output", filing.dir().resolve("revenue.csv").toString()),
                "inside the input directory " + link);
    }

    @Test
    void baselineThroughALinkToTheFilingDirectory_isRefused() {
        refused(Run.of("baseline", filing.path(), "-o", link.resolve("rules.yaml").toString()), "inside the input directory");
    }

    @Test
    void emittedRulesThroughALinkToTheFilingDirectory_areRefused() {
        refused(Run.of("foot", filing.path(), "--emit-rules", link.resolve("income-statement.csv").toString()),
                "inside the input directory");
    }

    @Test
    void outputThatIsASymlinkToAnInputFile_isRefused() throws IOException {
        Path out = Files.createSymbolicLink(temp.resolve("report.txt"), filing.dir().resolve("income-statement.csv"));
        refused(Run.of("check", filing.path(), "-o", out.toString()), "inside the input directory");
    }

    @Test
    void outputThatIsAHardLinkToAFilingFile_isRefused() throws IOException {
        Path out = Files.createLink(temp.resolve("report.txt"), filing.dir().resolve("income-statement.csv"));
        refused(Run.of("check", filing.path(), "-o", out.toString()),
                "it is a hard link to the input file " + filing.dir().resolve("income-statement.csv"));
    }

    @Test
    void outputThatIsTheRulesFile_isRefused() throws IOException {
        Path rules = Files.writeString(temp.resolve("extra.yaml"), "rules: []\n");
        String was = Files.readString(rules);
        Run run = Run.of("check", filing.path(), "--rules", rules.toString(), "-o", temp.resolve("l/../extra.yaml").toString());
        refused(run, "it is the input file " + rules);
        assertEquals(was, Files.readString(rules));
    }

    @Test
    void emittedRulesOverATableBesideTheTablesGiven_areRefused() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("tables"));
        Path a = Files.writeString(dir.resolve("a.csv"), "label,2023\nA,1\nB,2\nTotal,3\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "label,2023\nC,1\nD,2\nTotal,3\n");
        Path c = Files.writeString(dir.resolve("c.csv"), "label,2023\nE,1\n");
        Run run = Run.of("foot", a.toString(), b.toString(), "--emit-rules", c.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("refusing to replace " + c + ": it is beside the input table " + a), run.err());
        assertEquals("label,2023\nE,1\n", Files.readString(c));
        Run fresh = Run.of("foot", a.toString(), b.toString(), "--emit-rules", dir.resolve("rules.yaml").toString());
        assertEquals(0, fresh.exitCode(), fresh::toString);
        assertTrue(Files.readString(dir.resolve("rules.yaml")).contains("rules:"));
    }

    @Test
    void reportToASymlinkToDevNull_writesThroughAndLeavesTheDevice() throws IOException {
        Path out = Files.createSymbolicLink(temp.resolve("null"), Path.of("/dev/null"));
        Run run = Run.of("check", filing.path(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.isSymbolicLink(out));
        assertTrue(Files.readAttributes(Path.of("/dev/null"), BasicFileAttributes.class).isOther(), "/dev/null is no longer a device");
    }

    @Test
    void reportToAFifo_isWrittenThroughIt_andTheFifoStays() throws Exception {
        Path fifo = temp.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available here");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        Run run = Run.of("check", filing.path(), "-q", "-o", fifo.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(reader.get(60, TimeUnit.SECONDS).contains("Total: 1 filing"), reader.get());
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(), "the FIFO was replaced");
    }

    @Test
    void reportToACharacterDevice_madeWithMknod_isWrittenThrough_neverReplaced() throws Exception {
        Path dev = temp.resolve("null-device");
        Process mk = new ProcessBuilder("mknod", dev.toString(), "c", "1", "3").redirectErrorStream(true).start();
        boolean made = mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0;
        Assumptions.assumeTrue(made, "mknod needs root (skipped: " + new String(mk.getInputStream().readAllBytes()).strip() + ")");
        Run run = Run.of("check", filing.path(), "-o", dev.toString());
        // a file system mounted nodev refuses to open the device: then crossfoot says so, and still replaces nothing
        assertTrue(run.exitCode() == 0 || run.exitCode() == 2 && run.err().contains("cannot write the report to " + dev), run::toString);
        assertTrue(Files.readAttributes(dev, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(), "the device was replaced");
    }

    @Test
    void newReport_getsTheModeAnyNewFileGets_notTheTemporaryFilesMode() throws IOException {
        Path control = Files.createFile(temp.resolve("control"));
        Path report = temp.resolve("report.txt");
        assertEquals(0, Run.of("check", filing.path(), "-o", report.toString()).exitCode());
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(control)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        assertTrue(Files.getPosixFilePermissions(report).size() > 2, "mode 0600 or less: " + Files.getPosixFilePermissions(report));
    }

    @Test
    void stdoutThatCannotBeWritten_devFull_isExit2WithAMessage() throws IOException {
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter full = new PrintWriter(new FileOutputStream("/dev/full"), true)) {
            code = Main.execute(new String[] {"check", filing.path()}, full, new PrintWriter(err, true));
        }
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().startsWith("crossfoot: cannot write the report to standard output"), err.toString());
    }

    @Test
    void reportFileThatCannotBeWritten_devFull_isExit2WithAMessage() {
        Run run = Run.of("check", filing.path(), "-o", "/dev/full");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot write the report to /dev/full: No space left on device"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void extractIntoADanglingSymlink_isExit2InItsOwnWords() throws IOException {
        Path out = Files.createSymbolicLink(temp.resolve("out"), temp.resolve("nowhere"));
        Run run = Run.of("extract", "fixtures/sensetime-2023-announcement.txt", "-o", out.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is a symbolic link to " + temp.resolve("nowhere") + ", which does not exist"), run.err());
        assertFalse(Files.exists(temp.resolve("nowhere")));
    }

    @Test
    void reportToADanglingSymlink_isRefused() throws IOException {
        Path out = Files.createSymbolicLink(temp.resolve("r.txt"), filing.dir().resolve("new.txt"));
        refused(Run.of("check", filing.path(), "-o", out.toString()), "which does not exist");
    }

    @Test
    void reportToDevStdout_whenTheShellAppendsToAFile_isWrittenThroughThatFile_neverReplacingIt() throws Exception {
        Path log = Files.writeString(temp.resolve("ci.log"), "earlier lines\n");
        Object inode = Files.readAttributes(log, BasicFileAttributes.class).fileKey();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:off", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", filing.path(), "-q", "-o", "/dev/stdout")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectError(temp.resolve("err").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(temp.resolve("err")));
        String text = Files.readString(log);
        assertTrue(text.startsWith("earlier lines\n") && text.contains("Total: 1 filing"), text);
        assertEquals(inode, Files.readAttributes(log, BasicFileAttributes.class).fileKey(), "the file was replaced by a rename");
    }
}
