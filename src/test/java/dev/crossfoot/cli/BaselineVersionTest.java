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

/** A baseline is read only in the version this crossfoot writes; its parser's limits are told in crossfoot's words. */
class BaselineVersionTest {

    @TempDir
    Path temp;

    private Run check(String baseline) throws IOException {
        Path f = Files.writeString(temp.resolve("baseline.json"), baseline);
        return Run.of("check", "-q", "--baseline", f.toString(), FilingCopy.SENSETIME.toString());
    }

    @Test
    void baselineOfAnUnknownVersion_isRefused() throws IOException {
        Run run = check("{\"format\": \"crossfoot-baseline\", \"version\": 99, \"entries\": []}");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("baseline version 99: this crossfoot reads version 1 only"), run.err());
    }

    @Test
    void baselineWithoutAVersion_isRefused() throws IOException {
        Run run = check("{\"format\": \"crossfoot-baseline\", \"entries\": []}");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("baseline version missing"), run.err());
    }

    @Test
    void baselineThatAWrittenOneIs_isRead() throws IOException {
        Path b = temp.resolve("written.json");
        assertEquals(0, Run.of("baseline", FilingCopy.SENSETIME.toString(), "-o", b.toString()).exitCode());
        assertEquals(0, Run.of("check", "-q", "--baseline", b.toString(), FilingCopy.SENSETIME.toString()).exitCode());
    }

    @Test
    void baselineWithA2000DigitNumber_isRefusedWithoutNamingTheParsersSettings() throws IOException {
        Run run = check("{\"format\": \"crossfoot-baseline\", \"version\": 1, \"entries\": [], \"x\": " + "9".repeat(2000) + "}");
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(run.err().contains("StreamReadConstraints"), run.err());
        assertTrue(run.err().contains("Number value length (2000) exceeds the maximum allowed (at most 1000)"), run.err());
    }
}
