package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Totals;
import dev.crossfoot.testing.FilingCopy;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes by cause: unusable input or environment is 2 in crossfoot's own words; 3 only for a bug. */
class ExitCodesTest {

    @TempDir
    Path temp;

    private static void unusable(Run run, String words) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().contains(words), run::toString);
        assertFalse(run.err().contains("internal error"), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }

    @Test
    void toleranceInExponentFormBeyondAnyStatement_isRefusedUpFront() {
        Run run = Run.of("check", "--tolerance", "1e999999999", FilingCopy.SENSETIME.toString());
        unusable(run, "--tolerance 1E+999999999 is out of range: give at most 30 digits before and after the decimal point");
        assertTrue(run.out().isEmpty(), "no report, and no 'Mode: --tolerance 1000...' line");
        assertTrue(run.err().length() < 300, run::toString);
    }

    @Test
    void tinyToleranceInExponentForm_isRefusedToo_andANegativeOneIsNotEchoedInFull() {
        unusable(Run.of("check", "--tolerance", "1e-999999999", FilingCopy.SENSETIME.toString()), "is out of range");
        Run negative = Run.of("check", "--tolerance", "-1e999999999", FilingCopy.SENSETIME.toString());
        unusable(negative, "is out of range");
        assertTrue(negative.err().length() < 300, negative::toString);
    }

    @Test
    void pathLongerThanPathMax_underRecursive_isExit2InCrossfootsWords() throws Exception {
        Path root = Files.createTempDirectory("crossfoot-pathmax");
        try {
            String name = "d".repeat(250);
            String mk = "cd '" + root + "' && for i in $(seq 20); do mkdir " + name + " && cd " + name + " || exit 1; done";
            Process p = new ProcessBuilder("bash", "-c", mk).redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));
            Run run = Run.of("check", "-r", root.toString());
            unusable(run, "--recursive " + root + ": cannot read ");
            assertTrue(run.err().contains("(File name too long); the path is longer than the system allows (PATH_MAX)"), run::toString);
        } finally {
            new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void unreadableSubdirectory_underRecursive_isExit2InCrossfootsWords() throws IOException {
        Path root = temp.resolve("root");
        FilingCopy.of(FilingCopy.SENSETIME, Files.createDirectories(root));
        Path locked = Files.createDirectories(root.resolve("locked/inner"));
        locked.getParent().toFile().setReadable(false, false);
        locked.getParent().toFile().setExecutable(false, false);
        try {
            Assumptions.assumeFalse(Files.isReadable(locked.getParent()),
                    "running as root, who reads every directory: an unreadable directory cannot be made here");
            unusable(Run.of("check", "-r", root.toString()), "(permission denied); make it readable, or give narrower roots");
        } finally {
            locked.getParent().toFile().setReadable(true, false);
            locked.getParent().toFile().setExecutable(true, false);
        }
    }

    @Test
    void stdoutToDevFull_inARealProcess_isExit2WithAMessage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:off", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", FilingCopy.SENSETIME.toString())
                .redirectOutput(new File("/dev/full")).redirectError(temp.resolve("err").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(temp.resolve("err"), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("crossfoot: cannot write the report to standard output: No space left on device"), err);
    }

    @Test
    void aFilingCrossfootFailedOn_isExit3_neverAnInternalErrorWithExit2() {
        FilingReport bug = FilingReport.bug("f", "ArithmeticException: overflow");
        Totals totals = new Totals(List.of(Totals.FilingTotal.of(bug)), false, BigDecimal.ZERO);
        assertEquals(3, new ReportMixin().exitCode(new Runs.Outcome(totals, false, false, bug.isBug())));
        assertTrue(bug.isBug());
        assertFalse(FilingReport.failed("f", "f: no filing.yaml").isBug());
    }
}
