package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches of filings, --fail-on, and baselines. */
class BatchAndBaselineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /**
     * 50 small filings under one root (two tables, three rules each): 3 with broken input (a table file missing), 2
     * with a failing check, the rest clean. Small, so that the run is about the batch, not about one big filing.
     */
    private Path corpus() throws IOException {
        Path root = Files.createDirectory(temp.resolve("corpus"));
        for (int i = 0; i < 50; i++) {
            Path named = Files.createDirectory(root.resolve(String.format("filing-%02d", i)));
            Files.writeString(named.resolve("filing.yaml"), """
                    issuer: Batch Co %d
                    document: a small filing
                    periods: ["2023", "2022"]
                    tables:
                      - {id: revenue, file: revenue.csv, unit: RMB'000}
                      - {id: cash-flows, file: cash-flows.csv, unit: RMB'000}
                    """.formatted(i));
            Files.writeString(named.resolve("rules.yaml"), """
                    rules:
                      - {id: REV-TOTAL, title: Segments add up to revenue, kind: sum, table: revenue, items: [A, B], total: Total}
                      - {id: CF-ROLL, title: Cash rolls forward, kind: roll-forward, table: cash-flows, opening: Opening,
                         movements: [Net change], closing: Closing}
                      - {id: REV-CF, title: Revenue is the net change, kind: tie, figure: "revenue[Total]",
                         agrees_with: "cash-flows[Net change]"}
                    """);
            Files.writeString(named.resolve("revenue.csv"), i == 11 || i == 30
                    ? "label,2023,2022\nA,\"1,200\",900\nB,310,100\nTotal,\"1,500\",\"1,000\"\n"
                    : "label,2023,2022\nA,\"1,200\",900\nB,300,100\nTotal,\"1,500\",\"1,000\"\n");
            Files.writeString(named.resolve("cash-flows.csv"),
                    "label,2023,2022\nOpening,\"2,000\",\"1,000\"\nNet change,\"1,500\",\"1,000\"\nClosing,\"3,500\",\"2,000\"\n");
            if (i == 7 || i == 23 || i == 41) {
                Files.delete(named.resolve("cash-flows.csv"));
            }
        }
        return root;
    }

    @Test
    void batchOf50With3Broken_reports3Errors47Results_inPathOrder_whateverTheJobs() throws IOException {
        Path root = corpus();
        Run parallel = Run.of("check", "--format", "json", "--jobs", "2", "--recursive", root.toString());
        assertEquals(2, parallel.exitCode(), "input errors are the worst outcome");
        JsonNode doc = JSON.readTree(parallel.out());
        JsonNode filings = doc.get("filings");
        assertEquals(50, filings.size());
        List<String> errors = new ArrayList<>();
        int results = 0;
        for (int i = 0; i < 50; i++) {
            JsonNode f = filings.get(i);
            assertTrue(f.get("path").asText().endsWith(String.format("filing-%02d", i)), f.get("path").asText());
            assertFalse(f.has("error"), "a missing table is an error for that table alone");
            if (f.has("inputErrors")) {
                errors.add(f.get("path").asText());
                String message = f.get("inputErrors").get(0).get("message").asText();
                assertTrue(message.contains("cash-flows.csv"), message);
            } else {
                results++;
                assertEquals(i == 11 || i == 30 ? 1 : 0, f.get("summary").get("failed").asInt(), f.get("path").asText());
            }
        }
        assertEquals(3, errors.size());
        assertEquals(47, results);
        assertEquals(3, parallel.err().lines().count(), parallel.err());
        Run serial = Run.of("check", "--format", "json", "--jobs", "1", "--recursive", root.toString());
        assertEquals(parallel.out(), serial.out(), "output must not depend on --jobs");
    }

    @Test
    void batchTextReport_endsWithATableOfFilings() throws IOException {
        Path root = corpus();
        Run run = Run.of("check", "-q", "-r", root.toString());
        assertEquals(2, run.exitCode());
        String out = run.out();
        assertTrue(out.contains("Filing") && out.contains("checks") && out.contains("errors"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("filing-07") && l.contains("input")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("filing-11") && l.matches(".*\\s1\\s+\\d+\\s+0\\s*$")), out);
        assertTrue(out.contains("3 tables could not be read"), out);
    }

    @Test
    void failOn_setsWhichResultsGiveExit1() throws IOException {
        String fixture = FilingCopy.SENSETIME.toString();
        assertEquals(0, Run.of("check", "-q", fixture).exitCode());
        assertEquals(1, Run.of("check", "-q", "--fail-on", "warning", fixture).exitCode(), "the fixture has warnings");
        FilingCopy broken = FilingCopy.of(FilingCopy.SENSETIME, temp);
        broken.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "2023", "343,940");
        assertEquals(1, Run.of("check", "-q", broken.path()).exitCode());
        assertEquals(0, Run.of("check", "-q", "--fail-on", "never", broken.path()).exitCode());
        Files.delete(broken.dir().resolve("note-10-property-plant-and-equipment-2022.csv"));
        assertEquals(2, Run.of("check", "-q", "--fail-on", "never", broken.path()).exitCode(), "unusable input is always 2");
        assertEquals(2, Run.of("check", "--fail-on", "sometimes", fixture).exitCode());
    }

    @Test
    void baseline_hidesExactlyTheRecordedFailures_whileTheirFiguresAreUnchanged() throws IOException {
        FilingCopy c = FilingCopy.of(FilingCopy.SENSETIME, temp);
        c.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "2023", "343,940");
        Path baseline = temp.resolve("crossfoot-baseline.json");
        Run written = Run.of("baseline", c.path(), "-o", baseline.toString());
        assertEquals(0, written.exitCode(), written::toString);
        JsonNode b = JSON.readTree(Files.readString(baseline));
        assertEquals("crossfoot-baseline", b.get("format").asText());
        // the 9 warnings of the announcement and the check the change breaks
        List<String> ids = new ArrayList<>();
        b.get("entries").forEach(e -> ids.add(e.get("id").asText()));
        assertTrue(ids.contains("REV-GEO-TOTAL@2023"), ids.toString());
        assertEquals(10, ids.size(), ids.toString());

        Run known = Run.of("check", "--format", "json", "--baseline", baseline.toString(), c.path());
        assertEquals(0, known.exitCode(), known::toString);
        JsonNode s = JSON.readTree(known.out()).get("summary");
        assertEquals(1, s.get("failed").asInt());
        assertEquals(10, s.get("known").asInt());
        assertTrue(Run.of("check", "-q", "--baseline", baseline.toString(), c.path()).out().contains("KNOWN"));

        // a new failure elsewhere still fails
        c.set("cash-flows.csv", "Cash flows from operating activities > Income tax paid", "2023", "(22,928)");
        Run fresh = Run.of("check", "--format", "json", "--baseline", baseline.toString(), c.path());
        assertEquals(1, fresh.exitCode());
        JsonNode fs = JSON.readTree(fresh.out()).get("summary");
        assertEquals(10, fs.get("known").asInt());
        assertEquals(2, fs.get("failed").asInt());

        // the recorded failure with different figures is new again
        FilingCopy d = FilingCopy.of(FilingCopy.SENSETIME, temp);
        d.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "2023", "343,950");
        Run changed = Run.of("check", "--format", "json", "--baseline", baseline.toString(), d.path());
        assertEquals(1, changed.exitCode(), changed::toString);
        assertEquals(9, JSON.readTree(changed.out()).get("summary").get("known").asInt());
    }

    @Test
    void baselineOfABatchWithAnUnreadableFiling_isNotWritten() throws IOException {
        FilingCopy bad = FilingCopy.of(FilingCopy.SENSETIME, temp);
        Files.delete(bad.dir().resolve("cash-flows.csv"));
        Path baseline = temp.resolve("partial-baseline.json");
        Run run = Run.of("baseline", FilingCopy.SENSETIME.toString(), bad.path(), "-o", baseline.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(Files.exists(baseline), "a baseline missing a filing's failures would hide them later");
        try (var files = Files.list(temp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void baselineThatIsNotOne_isAnInputError() throws IOException {
        Path bad = Files.writeString(temp.resolve("b.json"), "{\"entries\": []}");
        Run run = Run.of("check", "--baseline", bad.toString(), FilingCopy.SENSETIME.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not a crossfoot baseline"), run.err());
        assertFalse(run.err().contains("Exception"));
    }
}
