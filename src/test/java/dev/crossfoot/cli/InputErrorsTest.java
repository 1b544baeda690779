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

/** Unusable input: exit 2, one line on stderr naming the file (and line and column), no stack trace. */
class InputErrorsTest {

    @TempDir
    Path temp;

    private FilingCopy copy() {
        return FilingCopy.of(FilingCopy.SENSETIME, temp);
    }

    private static void assertOneLineError(Run run, String... fragments) {
        run.assertOneLineError(fragments);
    }

    @Test
    void missingTableFile_namesTheFileAndWhatToDo() throws IOException {
        FilingCopy c = copy();
        Files.delete(c.dir().resolve("income-statement.csv"));
        assertOneLineError(Run.of("check", c.path()), "filing.yaml", "income-statement.csv", "does not exist");
    }

    @Test
    void mistypedLabel_namesTheRuleTableLabelAndTheNearestLabels() {
        FilingCopy c = copy();
        c.write("rules.yaml", c.read("rules.yaml").replace("items: [Cash used in operations, Income tax paid]",
                "items: [Cash used in operations, Income tax payd]"));
        Run run = Run.of("check", c.path());
        assertOneLineError(run, "rules.yaml:", "CF-OPS-NET", "table 'cash-flows'", "has no row 'Income tax payd'",
                "nearest: 'Cash flows from operating activities > Income tax paid'");
        assertTrue(run.err().matches("(?s).*rules\\.yaml:\\d+:\\d+: .*"), run.err());
    }

    @Test
    void labelThatExistsTwice_mustBeQualifiedWithItsSection() {
        FilingCopy c = copy();
        c.write("rules.yaml", c.read("rules.yaml").replace(
                "agrees_with: balance-sheet[Current assets > Cash and cash equivalents]",
                "agrees_with: balance-sheet[Restricted cash]"));
        assertOneLineError(Run.of("check", c.path()), "CF-CASH-BS", "2 rows 'Restricted cash'", "qualify the label with its section");
    }

    @Test
    void unbalancedQuote_namesTheCsvFileAndLine() {
        FilingCopy c = copy();
        c.write("liquidity-and-financial-resources.csv", c.read("liquidity-and-financial-resources.csv").replace("\"1,083.6\"", "\"1,083.6"));
        assertOneLineError(Run.of("check", c.path()), "liquidity-and-financial-resources.csv:");
    }

    @Test
    void malformedFigure_namesFileLineColumnAndTheForm() {
        FilingCopy c = copy();
        c.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "2022", "52,18,66");
        assertOneLineError(Run.of("check", c.path()), "note-3a-revenue-by-geographical.csv:3:3:", "column '2022'", "'52,18,66'",
                "thousands separator out of place");
    }

    @Test
    void raggedRow_namesTheLine() {
        FilingCopy c = copy();
        c.write("note-3a-revenue-by-geographical.csv", c.read("note-3a-revenue-by-geographical.csv").replace("Southeast Asia,\"66,062\",\"21,904\"",
                "Southeast Asia,\"66,062\""));
        assertOneLineError(Run.of("check", c.path()), "note-3a-revenue-by-geographical.csv:4:", "2 cells but the header has 3");
    }

    @Test
    void unknownRuleKey_isAnErrorNotIgnored() {
        FilingCopy c = copy();
        c.write("rules.yaml", c.read("rules.yaml").replace("    total: Revenue > (unlabelled)\n", "    totl: Revenue > (unlabelled)\n"));
        assertOneLineError(Run.of("check", c.path()), "rules.yaml:", "REV-TIMING-TOTAL", "unknown key 'totl'");
    }

    @Test
    void unknownKeyInFilingYaml_givesLineAndColumn() {
        FilingCopy c = copy();
        c.write("filing.yaml", c.read("filing.yaml").replaceFirst("    unit: RMB'000\n", "    unti: RMB'000\n"));
        assertOneLineError(Run.of("check", c.path()), "filing.yaml:", "unknown key 'unti'");
    }

    @Test
    void missingDirectory_andFileInsteadOfDirectory() throws IOException {
        assertOneLineError(Run.of("check", temp.resolve("nowhere").toString()), "nowhere", "no such directory");
        Path file = Files.writeString(temp.resolve("x.csv"), "label\n");
        assertOneLineError(Run.of("check", file.toString()), "x.csv", "not a directory");
    }

    @Test
    void unknownOption_isAUsageError() {
        Run run = Run.of("check", "--frmat", "json", FilingCopy.SENSETIME.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--frmat"), run.err());
        assertTrue(run.out().isEmpty());
    }

    @Test
    void verbose_printsTheStackTrace() throws IOException {
        FilingCopy c = copy();
        Files.delete(c.dir().resolve("income-statement.csv"));
        Run run = Run.of("check", "--verbose", c.path());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("\tat dev.crossfoot."), run.err());
    }

    @Test
    void oneBadFilingAmongGoodOnes_isAnErrorForThatFilingAndTheOthersStillRun() throws Exception {
        FilingCopy bad = copy();
        Files.delete(bad.dir().resolve("note-10-property-plant-and-equipment-2022.csv"));
        Run run = Run.of("check", "--format", "json", FilingCopy.SENSETIME.toString(), bad.path());
        assertEquals(2, run.exitCode(), run::toString);
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertTrue(doc.get("filings").get(0).get("checks").size() > 200);
        // a table that cannot be read is an error for that table alone: the filing's other tables are still checked
        var second = doc.get("filings").get(1);
        assertTrue(second.get("inputErrors").get(0).get("message").asText().contains("note-10-property-plant-and-equipment-2022.csv"));
        assertTrue(second.get("checks").size() > 200, "the filing's other tables are checked");
    }

    @Test
    void rulesSharedByABatch_areParsedOnce_butErrorsNameEachFilingsOwnFile() throws Exception {
        FilingCopy good = copy();
        FilingCopy bad = copy();
        bad.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "label", "North-east Asia (renamed)");
        Run run = Run.of("check", "-q", good.path(), bad.path());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(bad.dir().resolve("rules.yaml") + ":"), run.err());
        assertFalse(run.err().contains(good.dir().toString()), run.err());
    }

    @Test
    void outputIntoTheFilingDirectory_isRefused() {
        FilingCopy c = copy();
        String before = FilingCopy.checksum(c.dir());
        Run run = Run.of("check", "--output", c.dir().resolve("report.json").toString(), c.path());
        assertOneLineError(run, "never writes into its input");
        assertEquals(before, FilingCopy.checksum(c.dir()));
    }

    @Test
    void outputInAMissingDirectory_isRefusedBeforeTheRun() {
        assertOneLineError(Run.of("check", "--output", temp.resolve("no/such/dir/r.json").toString(),
                FilingCopy.SENSETIME.toString()), "does not exist");
    }

    @Test
    void outputFile_isWrittenWhole() throws IOException {
        Path report = temp.resolve("report.json");
        Run run = Run.of("check", "--format", "json", "--output", report.toString(), FilingCopy.SENSETIME.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().isEmpty());
        String json = Files.readString(report);
        assertTrue(json.startsWith("{") && json.strip().endsWith("}"));
        try (var files = Files.list(temp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
