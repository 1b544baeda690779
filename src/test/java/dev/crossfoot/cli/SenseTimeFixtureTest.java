package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.testing.FilingCopy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End to end, in-process: the bundled SenseTime fixture, and copies of it with one figure changed. */
class SenseTimeFixtureTest {

    private static final String FIXTURE = FilingCopy.SENSETIME.toString();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String checksumBefore;

    @TempDir
    Path temp;

    @BeforeAll
    static void rememberFixture() {
        checksumBefore = FilingCopy.checksum(FilingCopy.SENSETIME);
    }

    @AfterAll
    static void fixtureIsUnchanged() {
        assertEquals(checksumBefore, FilingCopy.checksum(FilingCopy.SENSETIME), "a run wrote into the fixture");
    }

    static JsonNode json(Run run) throws Exception {
        return JSON.readTree(run.out());
    }

    /** Rule ids with at least one check of the given status. */
    static Set<String> rulesWith(JsonNode doc, String status) {
        Set<String> out = new TreeSet<>();
        for (JsonNode c : doc.get("filings").get(0).get("checks")) {
            if (c.get("status").asText().equals(status)) {
                out.add(c.get("rule").asText());
            }
        }
        return out;
    }

    @Test
    void bundledFixture_passesEveryCheck_butTheAnnouncementsOwnWarning() throws Exception {
        Run run = Run.of("check", "--format", "json", FIXTURE);
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode doc = json(run);
        JsonNode summary = doc.get("summary");
        assertEquals(0, summary.get("failed").asInt());
        assertEquals(0, summary.get("errors").asInt());
        assertTrue(summary.get("passed").asInt() >= 200, "passed: " + summary);
        Set<String> warned = new TreeSet<>();
        for (JsonNode c : doc.get("filings").get(0).get("checks")) {
            if (c.get("status").asText().equals("warn")) {
                warned.add(c.get("id").asText());
                assertTrue(c.get("message").asText().contains("exceeds the rounding tolerance"), c.toString());
            }
        }
        // the announcement's own inconsistencies, each explained in the README
        assertEquals(new TreeSet<>(Set.of(
                "REV-SEG-SHARE@2023 %#Traditional AI",
                "COS-SHARE@2023 %#Hardware costs and subcontracting service fees",
                "MDNA-TRA-3Y-PLUS-2022@2022",
                "CF-INVESTMENTS-ACQUIRED@2023",
                "TAX-DEFERRED-MOVEMENT",
                "EQUITY-METHOD-ROLL",
                "TERM-DEPOSITS-CF",
                "BOR-PRINCIPAL-CF",
                "CF-PPE-DISPOSAL-2023")), warned);
        assertTrue(summary.get("checks").asInt() >= 800, "checks: " + summary);
        assertTrue(run.err().isEmpty(), run.err());
    }

    @Test
    void textReport_showsEveryCheckAlignedWithASummary() {
        Run run = Run.of("check", FIXTURE);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("PASS  ADJ-EBITDA-BRIDGE"), run.out());
        assertTrue(run.out().contains("WARN  REV-SEG-SHARE"), run.out());
        assertTrue(run.out().contains("would be printed 54.0"), run.out());
        assertTrue(run.out().contains("[fixtures/sensetime-2023/revenue.csv:3]"), run.out());
        assertTrue(run.out().contains("0 failed, 9 warnings"), run.out());
        assertFalse(run.out().contains("\u001B["), "no colour when not on a terminal");
    }

    @Test
    void quiet_printsOnlyTheWarningAndTheSummary() {
        Run run = Run.of("check", "-q", FIXTURE);
        assertEquals(0, run.exitCode());
        assertFalse(run.out().contains("PASS "), run.out());
        assertTrue(run.out().contains("WARN  REV-SEG-SHARE"), run.out());
        assertEquals(9, run.out().lines().filter(l -> l.startsWith("  WARN ")).count(), run.out());
        assertTrue(run.out().contains("Total: 1 filing"), run.out());
    }

    @Test
    void adjustedEbitda2023_footsWithinRoundingOnly() throws Exception {
        JsonNode doc = json(Run.of("check", "--format", "json", FIXTURE));
        JsonNode check = find(doc, "ADJ-EBITDA-BRIDGE@2023");
        assertEquals("pass", check.get("status").asText());
        assertFalse(check.get("exact").asBoolean());
        assertEquals("-4369.0", check.get("reported").asText());
        assertEquals("-4369.1", check.get("computed").asText());
        assertEquals("-0.1", check.get("difference").asText());
        assertEquals("0.25", check.get("tolerance").asText());
        assertEquals(5, check.get("cells").size());
    }

    static JsonNode find(JsonNode doc, String id) {
        for (JsonNode c : doc.get("filings").get(0).get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id);
    }

    static Stream<Arguments> mutations() {
        return Stream.of(
                Arguments.of("revenue segment amount", "revenue.csv", "Smart Auto", "2023", "393.7",
                        Set.of("REV-SEG-TOTAL")),
                Arguments.of("EBITDA bridge depreciation", "non-ifrs-measures.csv", "Add: > Depreciation and amortization", "2023", "1,259.9",
                        Set.of("EBITDA-BRIDGE", "EBITDA-DA-NOTE")),
                Arguments.of("cash-flow operating item", "cash-flows.csv", "Cash flows from operating activities > Income tax paid", "2023", "(21,941)",
                        Set.of("CF-OPS-NET")),
                Arguments.of("PPE additions", "note-10-property-plant-and-equipment-2023.csv", "Year ended December 31, 2023 > Additions", "Large-scale electronic equipment", "1,042,555",
                        Set.of("PPE-2023-ROLL", "PPE-2023-XFOOT")),
                Arguments.of("sign flip", "cash-flows.csv", "Cash flows from investing activities > Interest received from banks", "2023", "(356,068)",
                        Set.of("CF-INV-NET")),
                Arguments.of("transposed digits", "cash-flows.csv", "Cash flows from financing activities > Proceeds from borrowings", "2023", "1,646,477",
                        Set.of("CF-FIN-NET")),
                Arguments.of("closing cash", "cash-flows.csv", "Cash and cash equivalents at end of year", "2022", "7,962,831",
                        Set.of("CF-CASH-ROLL", "CF-CASH-BS", "STD-CF-ROLL", "STD-CF-CASH-BS", "STD-CF-CARRY-2023")),
                Arguments.of("PPE depreciation by function", "note-10b-depreciation-charges-expensed-off.csv", "- Selling expenses", "2022", "20,383",
                        Set.of("DEP-FUNCTION-TOTAL")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void oneFigureChanged_failsExactlyTheRulesThatUseIt(String what, String file, String row, String column, String value,
                                                         Set<String> expectedFailures) throws Exception {
        FilingCopy copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        copy.set(file, row, column, value);
        Run run = Run.of("check", "--format", "json", copy.path());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(new TreeSet<>(expectedFailures), rulesWith(json(run), "fail"));
    }

    @Test
    void onePrintedUnit_passesWithinRounding_butFailsUnderExact() throws Exception {
        FilingCopy copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        copy.set("note-3a-revenue-by-geographical.csv", "Northeast Asia", "2023", "343,041");
        Run run = Run.of("check", "--format", "json", copy.path());
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode check = find(json(run), "REV-GEO-TOTAL@2023");
        assertEquals("pass", check.get("status").asText());
        assertFalse(check.get("exact").asBoolean());
        assertEquals("1", check.get("difference").asText());

        // The announcement itself does not cast exactly in two places; the change adds a third.
        Set<String> announcement = Set.of("ADJ-EBITDA-BRIDGE", "ADJ-NET-LOSS-BRIDGE");
        assertEquals(announcement, rulesWith(json(Run.of("check", "--exact", "--format", "json", FIXTURE)), "fail"));
        Run exact = Run.of("check", "--exact", "--format", "json", copy.path());
        assertEquals(1, exact.exitCode(), exact::toString);
        Set<String> expected = new TreeSet<>(announcement);
        expected.add("REV-GEO-TOTAL");
        assertEquals(expected, rulesWith(json(exact), "fail"));
    }

    @Test
    void tolerance_widensEveryCheck_andTheReportSaysSo() throws Exception {
        FilingCopy copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        copy.set("revenue.csv", "Smart Auto", "2023", "384.0");
        assertEquals(1, Run.of("check", "-q", copy.path()).exitCode());
        Run widened = Run.of("check", "-q", "--tolerance", "2", copy.path());
        assertEquals(0, widened.exitCode(), widened::toString);
        assertTrue(widened.out().contains("--tolerance 2"), widened.out());
        JsonNode doc = json(Run.of("check", "--format", "json", "--tolerance", "2", copy.path()));
        assertEquals("2", doc.get("settings").get("extraTolerance").asText());
    }

    @Test
    void output_isDeterministic() {
        Run a = Run.of("check", "--format", "json", FIXTURE);
        Run b = Run.of("check", "--format", "json", FIXTURE);
        assertEquals(a.out(), b.out());
        assertEquals(Run.of("check", FIXTURE).out(), Run.of("check", FIXTURE).out());
    }

    @Test
    void severalDirectories_areCheckedInOneRun_inOrder() throws Exception {
        FilingCopy broken = FilingCopy.of(FilingCopy.SENSETIME, temp);
        broken.set("cash-flows.csv", "Cash flows from operating activities > Income tax paid", "2023", "(21,941)");
        Run run = Run.of("check", "--format", "json", FIXTURE, broken.path());
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode doc = json(run);
        assertEquals(2, doc.get("filings").size());
        assertEquals(FIXTURE, doc.get("filings").get(0).get("path").asText());
        assertEquals(0, doc.get("filings").get(0).get("summary").get("failed").asInt());
        assertEquals(1, doc.get("filings").get(1).get("summary").get("failed").asInt());
        assertEquals(1, doc.get("summary").get("failed").asInt());
    }
}
