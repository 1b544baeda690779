package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crossfoot foot} and {@code check --infer}, end to end in-process. */
class FootCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = FilingCopy.SENSETIME.toString();

    @TempDir
    Path temp;

    private Path csv(String name, String text) throws IOException {
        Path p = temp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<JsonNode> checks(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        doc.get("filings").forEach(f -> {
            if (f.has("checks")) {
                f.get("checks").forEach(out::add);
            }
        });
        return out;
    }

    @Test
    void aLoneCsvIsFootedWithoutRulesAndEachTotalIsAPassingCheck() throws IOException {
        Path t = csv("sales.csv", """
                label,2019,2018
                Fixed Price,"$  1,452.4","$  1,146.2"
                Other,44.1,56.7
                Total sales,"$1,496.5","$1,202.9"
                """);
        Run run = Run.of("foot", t.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("PASS  INFER-sales-L4"), run::toString);
        assertTrue(run.out().contains("2 checks: 2 passed, 0 failed, 0 warnings"), run::toString);
        assertEquals("", run.err());
    }

    @Test
    void footReportsInTheSameJsonDocumentAsCheck() throws IOException {
        Path t = csv("sales.csv", """
                label,2023,2022
                Products,"4,512","4,100"
                Services,"1,377","1,250"
                Total revenue,"5,889","5,305"
                """);
        Run run = Run.of("foot", "--format", "json", t.toString());
        assertEquals(0, run.exitCode(), "a near-miss is a warning: " + run);
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(1, doc.get("summary").get("passed").asInt());
        assertEquals(1, doc.get("summary").get("warned").asInt());
        JsonNode warned = checks(doc).stream().filter(c -> c.get("status").asText().equals("warn")).findFirst().orElseThrow();
        assertEquals("2022", warned.get("column").asText());
        assertEquals("5,305", warned.get("printed").asText());
        assertEquals(t.toString(), warned.get("file").asText());
        assertEquals(4, warned.get("line").asInt());
        assertTrue(warned.get("diagnoses").size() > 0);
        assertEquals(1, Run.of("foot", "--fail-on", "warning", t.toString()).exitCode());
    }

    @Test
    void emittedRulesForTheFixturePassCheckUnchanged() throws IOException {
        Path rules = temp.resolve("inferred.yaml");
        Run foot = Run.of("foot", "-q", FIXTURE, "--emit-rules", rules.toString());
        assertEquals(0, foot.exitCode(), foot::toString);
        // one warning: the tie across tables finds the MD&A's 629.7 where Note 11(ii)'s 629,753 thousand is 629.8
        // (README, "Where the announcement itself does not reconcile")
        assertTrue(foot.out().contains(" 0 failed, 1 warning, 0 could not be evaluated"), foot::toString);
        assertTrue(foot.out().contains("629.7"), foot::toString);
        FilingCopy copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        Files.delete(copy.dir().resolve("rules.yaml"));
        Run check = Run.of("check", "--format", "json", copy.path(), "--rules", rules.toString());
        assertEquals(0, check.exitCode(), check::toString);
        JsonNode doc = JSON.readTree(check.out());
        JsonNode summary = doc.get("summary");
        assertEquals(summary.get("checks").asInt(), summary.get("passed").asInt());
        assertTrue(summary.get("checks").asInt() > 250, summary.toString());
        String yaml = Files.readString(rules);
        List<JsonNode> all = checks(doc);
        // the families the issue names, found by label rather than by table id
        assertRelation(all, "sum", "Total", "Generative AI");
        assertRelation(all, "sum", "Gross profit", "Cost of sales");
        assertRelation(all, "sum", "Operating loss", "Gross profit");
        assertRelation(all, "sum", "Loss before income tax", "Operating loss");
        assertRelation(all, "sum", "Loss for the year", "Income tax credit");
        assertRelation(all, "sum", "Net cash used in operating activities", "Income tax paid");
        assertRelation(all, "sum", "Net cash generated from financing activities", "Proceeds from borrowings");
        assertRelation(all, "sum", "Net increase/(decrease) in cash and cash equivalents", "Net cash used in operating activities");
        assertRelation(all, "roll-forward", "Cash and cash equivalents at end of year", "Cash and cash equivalents at beginning of year");
        assertRelation(all, "carry-forward", "Cash and cash equivalents at beginning of year", "Cash and cash equivalents at end of year");
        assertRelation(all, "roll-forward", "Closing net book amount", "Depreciation charge");
        assertRelation(all, "cross-foot", "Closing net book amount", "Construction in progress");
        assertTrue(yaml.contains("carry_forward: true"));
    }

    /** Some passing check of this kind reports the row and uses a cell of the item row (the item column, for a cross-foot). */
    private static void assertRelation(List<JsonNode> checks, String kind, String row, String item) {
        String itemField = kind.equals("cross-foot") ? "column" : "row";
        boolean found = checks.stream().anyMatch(c -> c.get("kind").asText().equals(kind) && c.get("status").asText().equals("pass")
                && c.get("row").asText().endsWith(row) && streamCells(c).anyMatch(u -> u.get(itemField).asText().endsWith(item)));
        assertTrue(found, kind + " " + row + " <- " + item);
    }

    private static java.util.stream.Stream<JsonNode> streamCells(JsonNode check) {
        List<JsonNode> out = new ArrayList<>();
        check.get("cells").forEach(out::add);
        return out.stream();
    }

    @Test
    void checkWithInferAddsInferredTotalsThatNoRuleChecksAlready() throws IOException {
        Path filing = Files.createDirectory(temp.resolve("filing"));
        Files.writeString(filing.resolve("filing.yaml"), """
                issuer: Test
                periods: ["2023", "2022"]
                tables:
                  - id: revenue
                    file: revenue.csv
                    unit: RMB million
                """);
        Files.writeString(filing.resolve("revenue.csv"), """
                label,2023,2022
                Products,"1,000.0",900.0
                Services,250.5,300.0
                Total revenue,"1,250.5","1,200.0"
                Cost of sales,(700.0),(650.0)
                Gross profit,550.5,550.0
                """);
        Files.writeString(filing.resolve("rules.yaml"), """
                rules:
                  - id: REV-TOTAL
                    title: Revenue adds up
                    kind: sum
                    table: revenue
                    items: [Products, Services]
                    total: Total revenue
                """);
        Run plain = Run.of("check", "--format", "json", filing.toString());
        Run inferred = Run.of("check", "--infer", "--format", "json", filing.toString());
        assertEquals(0, inferred.exitCode(), inferred::toString);
        List<JsonNode> before = checks(JSON.readTree(plain.out()));
        List<JsonNode> after = checks(JSON.readTree(inferred.out()));
        assertEquals(2, before.size());
        List<String> added = after.stream().filter(c -> c.get("rule").asText().startsWith("INFER-"))
                .map(c -> c.get("row").asText() + "@" + c.get("column").asText() + ":" + c.get("status").asText()).toList();
        assertEquals(List.of("Gross profit@2023:pass", "Gross profit@2022:pass"), added, "Total revenue is checked by REV-TOTAL already");
        assertEquals(before.size() + added.size(), after.size());
    }

    @Test
    void aDirectoryWithoutFilingYamlStandsForItsCsvFiles() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("tables"));
        Files.writeString(dir.resolve("b.csv"), "label,2019\nA,100\nB,200\nTotal,300\n");
        Files.writeString(dir.resolve("a.csv"), "label,2019\nRate,4%\n");
        Files.writeString(dir.resolve("notes.txt"), "not a table");
        Run run = Run.of("foot", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().indexOf("a.csv") < run.out().indexOf("b.csv"), run::toString);
        assertTrue(run.out().contains("Total: 2 filings, 1 check: 1 passed"), run::toString);
    }

    @Test
    void unusableInputIsOneLineNamingTheFileAndExit2() throws IOException {
        Run missing = Run.of("foot", temp.resolve("nope.csv").toString());
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("nope.csv: no such file or directory"), missing::toString);
        assertEquals(1, missing.err().strip().lines().count(), missing::toString);
        Path broken = csv("broken.csv", "label,2019\nA,\"1\nB,2\n");
        Run bad = Run.of("foot", broken.toString());
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().startsWith("crossfoot: " + broken + ":2"), bad::toString);
        assertFalse(bad.err().contains("\tat "), "no stack trace without --verbose");
        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertEquals(2, Run.of("foot", empty.toString()).exitCode());
    }

    @Test
    void footNeverWritesIntoItsInput() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("in"));
        Files.writeString(dir.resolve("t.csv"), "label,2019\nA,100\nB,200\nTotal,300\n");
        Run run = Run.of("foot", dir.toString(), "--emit-rules", dir.resolve("rules.yaml").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(Files.exists(dir.resolve("rules.yaml")));
    }

    @Test
    void helpListsFoot() {
        Run top = Run.of("--help");
        assertTrue(top.out().contains("foot"), top::toString);
        Run help = Run.of("foot", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--emit-rules") && help.out().contains("Exit codes:"), help::toString);
        assertTrue(Run.of("check", "--help").out().contains("--infer"));
    }
}
