package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.render.SarifRendererTest;
import dev.crossfoot.testing.FilingCopy;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A table that cannot be read is an error for that table alone, as a broken filing is in a batch: one line on
 * stderr, an entry for that table in every report format, the rules that read it not run (and said so), every
 * other table of the filing still checked, and exit 2. Findings, input errors and rules not run stay apart.
 */
class UnreadableTableTest {

    static final String TABLE = "note-10-property-plant-and-equipment-2022";
    static final String FILE = TABLE + ".csv";
    /** The rules of the fixture that read that table (that name it, in rules.yaml): PPE-2022-*, PPE-CARRY-*, ... */
    static final int RULES_OF_THE_TABLE = 14;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    FilingCopy copy;
    String reason;

    @BeforeAll
    static void schema() {
        SarifRendererTest.loadSchema();
    }

    @BeforeEach
    void breakOneTable() {
        copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        copy.set(FILE, "At January 1, 2022 > Cost", "Property improvement", "216,95,7");
        reason = copy.dir().resolve(FILE) + ":3:4: column 'Property improvement': '216,95,7' has a thousands separator out of place";
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(copy.path());
        Run run = Run.of(all.toArray(String[]::new));
        assertEquals(2, run.exitCode(), "the input was not all usable: " + run);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().startsWith("crossfoot: " + reason), run.err());
        return run;
    }

    @Test
    void text_showsTheTableAndTheRulesNotRun_andChecksTheRest() {
        // the report wraps long lines to the terminal's width; read each entry back as one line
        String out = run("check").out().replace("\n        ", " ");
        assertTrue(out.contains("  INPUT  table " + TABLE + " could not be read: " + reason), out);
        assertEquals(RULES_OF_THE_TABLE, out.lines().filter(l -> l.startsWith("  NOT RUN  Rule ")).count(), out);
        assertTrue(out.contains("  NOT RUN  Rule CF-PPE-DISPOSAL-2022 "), "a rule that names the table in an expression is not run");
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  PASS  CF-OPS-NET")), "the other tables are checked");
        assertTrue(out.replace("\n  ", " ").contains("1 table could not be read, " + RULES_OF_THE_TABLE + " rules not run"), out);
    }

    @Test
    void json_keepsFindingsInputErrorsAndRulesNotRunApart() throws Exception {
        JsonNode f = JSON.readTree(run("check", "--format", "json").out()).get("filings").get(0);
        assertFalse(f.has("error"), "the filing as a whole could be read");
        assertEquals(1, f.get("inputErrors").size());
        JsonNode e = f.get("inputErrors").get(0);
        assertEquals(TABLE, e.get("table").asText());
        assertEquals(3, e.get("line").asInt());
        assertTrue(e.get("message").asText().startsWith(reason), e.toString());
        assertEquals(RULES_OF_THE_TABLE, f.get("ruleErrors").size());
        Set<String> notRun = new java.util.HashSet<>();
        f.get("ruleErrors").forEach(r -> notRun.add(r.get("rule").asText()));
        assertTrue(notRun.contains("PPE-2022-ROLL") && notRun.contains("PPE-CARRY-NBV"), notRun.toString());
        assertTrue(f.get("checks").size() > 600, "every other rule is checked");
        f.get("checks").forEach(c -> assertFalse(notRun.contains(c.get("rule").asText()), c.toString()));
    }

    @Test
    void junit_hasAnErrorTestcaseForTheTableAndForEachRuleNotRun() throws Exception {
        String xml = run("check", "--format", "junit").out();
        org.w3c.dom.Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList errors = doc.getElementsByTagName("error");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < errors.getLength(); i++) {
            types.add(((Element) errors.item(i)).getAttribute("type"));
        }
        assertEquals(1, types.stream().filter("crossfoot.input"::equals).count(), types.toString());
        assertEquals(RULES_OF_THE_TABLE, types.stream().filter("crossfoot.not-run"::equals).count(), types.toString());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertTrue(Integer.parseInt(suite.getAttribute("errors")) >= 1 + RULES_OF_THE_TABLE, suite.getAttribute("errors"));
        assertTrue(xml.contains("name=\"input:" + TABLE + "\""), xml);
    }

    @Test
    void sarif_isValid_withAnInputResultAtTheCsvLine_andANotRunResultPerRule() throws Exception {
        JsonNode doc = JSON.readTree(run("check", "--format", "sarif").out());
        assertEquals(Set.of(), SarifRendererTest.validate(doc));
        List<JsonNode> input = new ArrayList<>();
        List<JsonNode> notRun = new ArrayList<>();
        for (JsonNode r : doc.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals("crossfoot/input")) {
                input.add(r);
            } else if (r.get("ruleId").asText().equals("crossfoot/not-run")) {
                notRun.add(r);
            }
        }
        assertEquals(1, input.size());
        JsonNode at = input.get(0).get("locations").get(0).get("physicalLocation");
        assertTrue(at.get("artifactLocation").get("uri").asText().endsWith(FILE), at.toString());
        assertEquals(3, at.get("region").get("startLine").asInt());
        assertEquals(RULES_OF_THE_TABLE, notRun.size());
        assertTrue(notRun.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText()
                .endsWith("rules.yaml"));
    }

    @Test
    void github_annotatesTheCsvLineAndEachRuleNotRun() {
        String out = run("check", "--format", "github").out();
        List<String> input = out.lines().filter(l -> l.contains("title=crossfoot input::")).toList();
        assertEquals(1, input.size(), out);
        assertTrue(input.get(0).startsWith("::error file=") && input.get(0).contains(FILE + ",line=3,"), input.get(0));
        assertEquals(RULES_OF_THE_TABLE, out.lines().filter(l -> l.startsWith("::error") && l.contains(" not run::")).count(), out);
    }

    @Test
    void html_listsTheTableAndTheRulesNotRun_andShowsTheOtherTables() {
        Document doc = Jsoup.parse(run("check", "--format", "html").out());
        assertNotNull(doc.selectFirst("tr.cf-input-error[data-table=" + TABLE + "]"), doc.select(".cf-problems").outerHtml());
        assertEquals(RULES_OF_THE_TABLE, doc.select("tr.cf-not-run").size());
        assertNotNull(doc.getElementById("t-cash-flows"), "the other tables are shown");
        assertTrue(doc.getElementById("t-" + TABLE) == null, "the table that could not be read is not shown as read");
    }

    @Test
    void footAndCheckInfer_treatItTheSameWay() throws Exception {
        JsonNode foot = JSON.readTree(run("foot", "--format", "json").out()).get("filings").get(0);
        assertEquals(TABLE, foot.get("inputErrors").get(0).get("table").asText());
        assertTrue(foot.get("checks").size() > 200, "the other tables are footed");
        JsonNode infer = JSON.readTree(run("check", "--infer", "--format", "json").out()).get("filings").get(0);
        assertEquals(TABLE, infer.get("inputErrors").get(0).get("table").asText());
        assertEquals(RULES_OF_THE_TABLE, infer.get("ruleErrors").size());
    }
}
