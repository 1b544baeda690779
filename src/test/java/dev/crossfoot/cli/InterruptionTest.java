package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted or failed run leaves nothing behind and never replaces an earlier report. */
class InterruptionTest {

    @TempDir
    Path temp;

    private static List<String> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void registeredTemporaryFilesAndDirectories_areRemovedAtExit() throws IOException {
        Path file = Files.writeString(temp.resolve(".r.txt.x.tmp"), "half a report");
        Path dir = Files.createDirectories(temp.resolve(".out.tmp-1/sub"));
        Files.writeString(dir.resolve("t.csv"), "label,2023\n");
        TempFiles.register(file);
        TempFiles.register(dir.getParent());
        TempFiles.removeAll();
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(dir.getParent()));
        assertTrue(TempFiles.registered().isEmpty());
    }

    @Test
    void failedRun_leavesTheEarlierReportAsItWas() throws IOException {
        Path report = Files.writeString(temp.resolve("report.json"), "the earlier report\n");
        Run run = Run.of("check", "--format", "json", "-o", report.toString(), "fixtures/bad/filing-missing");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("the earlier report\n", Files.readString(report));
        assertTrue(run.err().contains(report + " left as it was"), run.err());
        assertEquals(List.of(), leftovers(temp));
    }

    @Test
    void failedRun_withoutAnEarlierReport_stillWritesWhatItFound() throws IOException {
        Path report = temp.resolve("report.txt");
        Run run = Run.of("check", "-o", report.toString(), FilingCopy.SENSETIME.toString(), "fixtures/bad/csv-nul-byte");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(Files.readString(report).contains("Total: 2 filings"), Files.readString(report));
    }

    @Test
    void sigintDuringABatch_removesTheTemporaryReport_andKeepsTheEarlierOne() throws Exception {
        Path root = Files.createDirectories(temp.resolve("filings"));
        for (int i = 0; i < 120; i++) {
            FilingCopy.of(FilingCopy.SENSETIME, Files.createDirectories(root.resolve(String.format("f%03d", i))));
        }
        Path out = Files.createDirectories(temp.resolve("out"));
        Path report = Files.writeString(out.resolve("X.json"), "the earlier report\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:off", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "check", "-j", "1", "-r", root.toString(), "--format", "json", "--output", report.toString())
                .redirectOutput(temp.resolve("stdout").toFile()).redirectError(temp.resolve("stderr").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // wait for the report's temporary file, one that stays: the writability probe made before the run is a
        // temporary file too, created and deleted at once, and a poll that saw it made this test flaky
        List<String> seen = List.of();
        while (p.isAlive() && System.nanoTime() < deadline) {
            List<String> now = leftovers(out);
            if (!now.isEmpty() && now.equals(seen)) {
                break;
            }
            seen = now;
            Thread.sleep(now.isEmpty() ? 20 : 200);
        }
        assertTrue(p.isAlive(), "the run ended before it could be interrupted: " + Files.readString(temp.resolve("stderr")));
        assertEquals(1, leftovers(out).size(), "the temporary report exists while the run goes on");
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not end on SIGINT");
        assertEquals(130, p.exitValue(), () -> "exit on SIGINT; stderr: " + read(temp.resolve("stderr")));
        assertEquals(List.of(), leftovers(out), "temporary files left behind");
        assertEquals("the earlier report\n", Files.readString(report));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
