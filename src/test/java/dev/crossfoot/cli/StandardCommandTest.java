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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} with the standard rules: without rules.yaml, with it, --no-standard, --standard FILE, and origins. */
class StandardCommandTest {

    static final Path IFRS = Path.of("src/test/resources/standard/ifrs");
    static final Path UK = Path.of("src/test/resources/standard/uk");

    @TempDir
    Path temp;

    static JsonNode json(Run run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    static List<String> origins(JsonNode filing) {
        List<String> out = new ArrayList<>();
        filing.get("checks").forEach(c -> {
            String o = c.get("origin").asText();
            if (!out.contains(o)) {
                out.add(o);
            }
        });
        return out;
    }

    static List<String> notApplicable(Run run) throws IOException {
        List<String> out = new ArrayList<>();
        json(run).get("filings").get(0).get("notApplicable").forEach(n -> out.add(n.get("rule").asText()));
        return out;
    }

    @Test
    void withoutRulesFile_checksTheStandardRulesAndFooting_andTheHeaderSaysSo() {
        Run run = Run.of("check", IFRS.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Checked against: standard rules (29 applied, 6 not applicable), inferred by footing ("), run.out());
        assertTrue(run.out().replace("\n  ", " ").contains("6 standard rules not applicable (--verbose lists them)"), run.out());
    }

    @Test
    void verbose_listsEachStandardRuleNotApplicable_withWhy() {
        Run run = Run.of("check", IFRS.toString(), "--verbose", "-q");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().replace("\n        ", " ").contains("N/A  STD-IS-DISCONTINUED not applicable: Profit for the year is continuing "
                + "plus discontinued operations (table income-statement (income-statement) prints no profit-continuing)"), run.out());
    }

    @Test
    void verbose_listsEveryRuleNotApplicable_asJsonDoes_andNoRuleCheckedInALaterForm() throws IOException {
        List<String> json = notApplicable(Run.of("check", UK.toString(), "--format", "json"));
        Run run = Run.of("check", UK.toString(), "--verbose", "-q");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> listed = run.out().lines().filter(l -> l.startsWith("  N/A  ")).map(l -> l.substring(7).split(" ")[0]).toList();
        assertEquals(json, listed, run.out());
        assertEquals(22, listed.size(), run.out());
        assertTrue(run.out().contains("Checked against: standard rules (13 applied, 22 not applicable)"), run.out());
        assertTrue(run.out().replace("\n  ", " ").contains("22 standard rules not applicable"), run.out());
        assertFalse(run.out().contains("--verbose lists them"), run.out());
        // the balance sheet balances through net assets (its fifth form), so it is checked, not listed
        assertFalse(listed.contains("STD-BS-BALANCE"), run.out());
        assertTrue(run.out().replace("\n        ", " ").contains("N/A  STD-BS-ASSETS not applicable: Total assets are non-current plus current "
                + "assets (table balance-sheet (balance-sheet) prints no total-assets)"), run.out());

        Run quiet = Run.of("check", UK.toString(), "-q");
        assertEquals(0, quiet.exitCode(), quiet::toString);
        assertFalse(quiet.out().contains("N/A  "), quiet.out());
        assertTrue(quiet.out().replace("\n  ", " ").contains("22 standard rules not applicable (--verbose lists them)"), quiet.out());
    }

    @Test
    void usersOwnRule_namingALineNotPrinted_isAnInputError_whereTheStandardRuleOverItIsNotApplicable() throws IOException {
        Run standard = Run.of("check", UK.toString(), "--format", "json");
        assertEquals(0, standard.exitCode(), standard::toString);
        assertTrue(notApplicable(standard).contains("STD-IS-GROSS"), "the UK filing prints no gross profit");
        FilingCopy copy = FilingCopy.of(UK, temp);
        copy.write("rules.yaml", """
                rules:
                  - id: OWN-GROSS
                    title: gross profit, as the user writes it
                    kind: sum
                    table: income-statement
                    items: [Revenue, Administrative expenses]
                    total: Gross profit
                """);
        Run run = Run.of("check", copy.path());
        run.assertOneLineError("rules.yaml", "OWN-GROSS", "table 'income-statement'", "has no row 'Gross profit'");
    }

    @Test
    void json_everyCheckSaysItsOrigin_andTheFilingListsTheRulesNotApplicable() throws IOException {
        FilingCopy copy = FilingCopy.of(IFRS, temp);
        copy.write("rules.yaml", """
                rules:
                  - id: OWN-GROSS
                    title: gross profit, as the user writes it
                    kind: sum
                    table: income-statement
                    items: [Revenue, Cost of sales]
                    total: Gross profit
                """);
        JsonNode filing = json(Run.of("check", copy.path(), "--format", "json")).get("filings").get(0);
        assertEquals(List.of(copy.dir().resolve("rules.yaml").toString(), "standard"), origins(filing));
        assertEquals(29, filing.get("origins").get("standard").asInt());
        assertEquals("STD-IS-OPERATING", filing.get("notApplicable").get(0).get("rule").asText());

        JsonNode footed = json(Run.of("check", IFRS.toString(), "--format", "json")).get("filings").get(0);
        assertEquals(List.of("inferred", "standard"), origins(footed).stream().sorted().toList());
    }

    @Test
    void noStandard_leavesTheUsersRulesAlone_andAFilingWithoutRulesIsRefusedAsBefore() {
        Run run = Run.of("check", IFRS.toString(), "--no-standard");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no rules to check"), run.err());
    }

    @Test
    void standardRuleThatFails_failsTheRun_andSaysItIsStandard() {
        FilingCopy copy = FilingCopy.of(IFRS, temp);
        copy.set("balance-sheet.csv", "Total assets", "2023", "760");
        Run run = Run.of("check", copy.path(), "-q");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("FAIL  STD-BS-BALANCE"), run.out());
        assertTrue(run.out().contains("[standard]"), run.out());
    }

    @Test
    void standardFile_addsALabelVariant_soARuleApplies_withoutRecompiling() throws IOException {
        FilingCopy copy = FilingCopy.of(IFRS, temp);
        copy.write("balance-sheet.csv", copy.read("balance-sheet.csv").replace("Cash and cash equivalents", "Cash at bank and on hand"));
        assertTrue(notApplicable(Run.of("check", copy.path(), "--format", "json")).contains("STD-CF-CASH-BS"), "not applicable without the variant");
        Path pack = temp.resolve("my-standard.yaml");
        Files.writeString(pack, """
                items:
                  cash:
                    labels: [Cash at bank and on hand]
                """);
        Run after = Run.of("check", copy.path(), "--standard", pack.toString(), "--format", "json");
        assertEquals(0, after.exitCode(), after::toString);
        assertTrue(after.out().contains("\"id\" : \"STD-CF-CASH-BS@2023\""), after.out());
        assertFalse(notApplicable(after).contains("STD-CF-CASH-BS"), "applies with the variant");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "changes-in-equity[closing] = balance-sheet[total-equity]|5|'changes-in-equity[closing]' names no column",
        "changes-in-equity[start][total-equity] = balance-sheet[total-equity]|5|no item 'start' in the pack's 'items' (nor opening, closing)",
        "changes-in-equity[closing][revenue] = balance-sheet[total-equity]|5|no item 'revenue' with 'columns' in the pack's 'items' (nor *)",
        "changes-in-equity[closing][total-equity] = balance-sheet[*]|5|'balance-sheet[*]' (each row) needs a changes-in-equity[...][*] in the same form",
    })
    void standardFile_badMatrixReference_isOneLineNamingFileAndLine(String check, int line, String message) throws IOException {
        Path pack = temp.resolve("bad.yaml");
        Files.writeString(pack, "rules:\n  - id: STD-MINE\n    title: Mine\n    forms:\n      - check: " + check + "\n");
        Run run = Run.of("check", IFRS.toString(), "--standard", pack.toString());
        run.assertOneLineError(pack + ":" + line + ":", message);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "items:\\n  total-equity:\\n    columns: Total\\n|3|item total-equity: 'columns' must be a list of column headers",
        "items:\\n  total-equity:\\n    columns: ['/total(/ < (end)']\\n|3|not a valid /regular expression/",
        "rules:\\n  - id: STD-MINE\\n    title: Mine\\n    forms:\\n      - check: changes-in-equity[profit][total-equity] = income-statement[profit]\\n        unless: [nothing]\\n|5|rule STD-MINE: 'unless' names no item 'nothing'",
        "rules:\\n  - id: STD-MINE\\n    title: Mine\\n    forms:\\n      - check: changes-in-equity[profit][total-equity] = income-statement[profit]\\n        unless: redeemable-nci\\n|6|rule STD-MINE: 'unless' must be a list of items",
    })
    void standardFile_badColumnsOrUnless_isOneLineNamingFileAndLine(String yaml, int line, String message) throws IOException {
        Path pack = temp.resolve("bad.yaml");
        Files.writeString(pack, yaml.replace("\\n", "\n"));
        Run run = Run.of("check", IFRS.toString(), "--standard", pack.toString());
        run.assertOneLineError(pack + ":" + line + ":", message);
    }

    @Test
    void standardFile_thatCannotBeUsed_isOneLineAndExit2() throws IOException {
        Path pack = temp.resolve("bad.yaml");
        Files.writeString(pack, "items:\n  cash:\n    labels: ['/unclosed(/']\n");
        Run run = Run.of("check", IFRS.toString(), "--standard", pack.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("crossfoot: " + pack + ":3:"), run.err());
        assertTrue(run.err().contains("not a valid /regular expression/"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
