package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.result.Finding;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.testing.ExtractedAnnouncement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's entry points check a filing as the command line does. */
class CheckerTest {

    @Test
    void checkOrThrow_filingWithNarrative_tiesItsProseAsTheCommandLineDoes(@TempDir Path dir) throws IOException {
        ExtractedAnnouncement.bundled(dir);
        Checker checker = new Checker(CheckOptions.DEFAULT);

        FilingReport library = checker.checkOrThrow(dir);
        FilingReport command = checker.check(dir);

        assertTrue(library.narrativeChecks() > 0, "narrative checks: " + library.narrativeChecks());
        assertEquals(lines(command.findings()), lines(library.findings()));
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.id() + " " + f.column() + " " + f.status() + " " + f.message()).toList();
    }
}
