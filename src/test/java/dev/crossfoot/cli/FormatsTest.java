package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.testing.FilingCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every --format through the command line: what it starts with, and that exit codes do not depend on it. */
class FormatsTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "text   | fixtures/sensetime-2023 — SenseTime",
        "json   | {",
        "junit  | <?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "sarif  | {",
        "github | ::",
        "html   | <!DOCTYPE html>"})
    void eachFormat_rendersAFailingFiling_withTheSameExitCode(String format, String start) {
        FilingCopy c = FilingCopy.of(FilingCopy.SENSETIME, temp);
        c.set("cash-flows.csv", "Cash flows from operating activities > Income tax paid", "2023", "(21,941)");
        Run run = Run.of("check", "--format", format, c.path());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith(start.replace("fixtures/sensetime-2023", c.path())), () -> run.out().substring(0, 200));
        assertTrue(run.out().contains("CF-OPS-NET"), format);
    }

    @Test
    void htmlReport_writtenToAFile_isSelfContained() throws Exception {
        Path out = temp.resolve("working-paper.html");
        Run run = Run.of("check", "--format", "html", "-o", out.toString(), FilingCopy.SENSETIME.toString());
        assertEquals(0, run.exitCode(), run::toString);
        String html = Files.readString(out);
        assertTrue(html.contains("<style>") && !html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    }

    @Test
    void knownFailures_areNotesInGithubAndNotFailuresInJunit() throws Exception {
        FilingCopy c = FilingCopy.of(FilingCopy.SENSETIME, temp);
        c.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "2023", "343,940");
        Path baseline = temp.resolve("b.json");
        assertEquals(0, Run.of("baseline", c.path(), "-o", baseline.toString()).exitCode());
        Run github = Run.of("check", "--format", "github", "--baseline", baseline.toString(), c.path());
        assertEquals(0, github.exitCode(), github::toString);
        assertTrue(github.out().contains("::notice file=") && github.out().contains("title=REV-GEO-TOTAL@2023::"), github.out());
        assertTrue(github.out().lines().noneMatch(l -> l.startsWith("::error")), github.out());
        Run junit = Run.of("check", "--format", "junit", "--baseline", baseline.toString(), c.path());
        assertTrue(junit.out().contains("failures=\"0\""), junit.out().substring(0, 300));
        Run sarif = Run.of("check", "--format", "sarif", "--baseline", baseline.toString(), c.path());
        assertTrue(sarif.out().contains("\"baselineState\" : \"unchanged\""), "SARIF marks known results");
    }
}
