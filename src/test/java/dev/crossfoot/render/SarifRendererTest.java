package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.Decimals;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.testing.FilingCopy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF report: valid against the OASIS SARIF 2.1.0 schema (shipped in test resources, never fetched),
 * one result per check that did not pass, and fingerprints that survive unrelated lines moving.
 */
public class SarifRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path temp;

    @BeforeAll
    public static void loadSchema() {
        // The schema's own id maps to the copy in test resources, so validation never reaches the network.
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b.schemaMappers(m ->
                m.mapPrefix("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/", "classpath:render/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = factory.getSchema(SchemaLocation.of(SarifRenderer.SCHEMA), config);
    }

    public static Set<ValidationMessage> validate(JsonNode doc) {
        return schema.validate(doc);
    }

    static JsonNode sarif(Report report) throws Exception {
        return JSON.readTree(RenderFixtures.render(new SarifRenderer(), report));
    }

    @Test
    void theSchemaIsTheOasisOneAndTheValidatorRejectsWhatItShould() throws Exception {
        JsonNode shipped = JSON.readTree(getClass().getResourceAsStream("/render/sarif-schema-2.1.0.json"));
        assertEquals(SarifRenderer.SCHEMA, shipped.get("id").asText());
        assertEquals("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema", shipped.get("title").asText());

        ObjectNode doc = (ObjectNode) sarif(RenderFixtures.handmade());
        assertEquals(Set.of(), validate(doc));
        ObjectNode badLevel = doc.deepCopy();
        ((ObjectNode) badLevel.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertFalse(validate(badLevel).isEmpty(), "a level outside the enum must be rejected");
        ObjectNode noMessage = doc.deepCopy();
        ((ObjectNode) noMessage.get("runs").get(0).get("results").get(0)).remove("message");
        assertFalse(validate(noMessage).isEmpty(), "a result without a message must be rejected");
        ObjectNode badLine = doc.deepCopy();
        ((ObjectNode) badLine.get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation")
                .get("region")).put("startLine", 0);
        assertFalse(validate(badLine).isEmpty(), "a line 0 must be rejected");
    }

    @Test
    void theBundledFilingAndAFaultyCopyAreValidSarif() throws Exception {
        assertEquals(Set.of(), validate(sarif(RenderFixtures.sensetime())));
        assertEquals(Set.of(), validate(sarif(RenderFixtures.sensetimeFault(temp))));
    }

    @Test
    void oneResultPerCheckThatDidNotPass() throws Exception {
        Report report = RenderFixtures.sensetimeFault(temp);
        FilingReport filing = RenderFixtures.only(report);
        JsonNode run = sarif(report).get("runs").get(0);
        assertEquals("2.1.0", sarif(report).get("version").asText());
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("crossfoot", driver.get("name").asText());

        JsonNode rules = driver.get("rules");
        Set<String> ruleIds = new TreeSet<>();
        rules.forEach(r -> assertTrue(ruleIds.add(r.get("id").asText()), "rule listed twice: " + r.get("id")));
        assertEquals(new TreeSet<>(filing.findings().stream().map(Finding::rule).toList()), ruleIds,
                "one descriptor per rule that appears");
        for (JsonNode r : rules) {
            Finding first = filing.findings().stream().filter(x -> x.rule().equals(r.get("id").asText())).findFirst().orElseThrow();
            assertEquals(first.title(), r.get("shortDescription").get("text").asText());
            assertTrue(r.get("help").get("text").asText().contains("tolerance"));
            assertEquals(first.severity() == Severity.ERROR ? "error" : "warning",
                    r.get("defaultConfiguration").get("level").asText());
        }

        List<Finding> shown = filing.findings().stream().filter(x -> x.status() != Status.PASS).toList();
        JsonNode results = run.get("results");
        assertEquals(shown.size(), results.size());
        assertTrue(shown.stream().anyMatch(x -> x.status() == Status.FAIL));
        assertTrue(shown.stream().anyMatch(x -> x.status() == Status.WARN));
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < shown.size(); i++) {
            Finding x = shown.get(i);
            JsonNode r = results.get(i);
            assertEquals(x.rule(), r.get("ruleId").asText());
            assertEquals(x.rule(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
            assertEquals(x.status() == Status.FAIL ? "error" : "warning", r.get("level").asText(), x.id());
            String text = r.get("message").get("text").asText();
            assertTrue(text.contains("reported " + x.reported() + ", computed " + Describe.num(x.computed()) + ", difference "
                    + Describe.num(x.difference()) + ", tolerance ±" + Describe.num(x.tolerance())), text);
            assertTrue(text.contains(x.message()), text);
            JsonNode physical = r.get("locations").get(0).get("physicalLocation");
            String uri = physical.get("artifactLocation").get("uri").asText();
            assertEquals(x.file(), uri, "a plain relative path is its own URI");
            assertFalse(uri.startsWith("/") || uri.contains("\\") || uri.contains(":"), uri);
            assertEquals(x.line(), physical.get("region").get("startLine").asInt());
            assertEquals(x.fingerprint(), r.get("partialFingerprints").get(SarifRenderer.FINGERPRINT).asText());
            assertTrue(fingerprints.add(x.fingerprint()), "two results share a fingerprint: " + x.id());
            assertEquals(x.id(), r.get("properties").get("check").asText());
            assertEquals(Decimals.plain(x.computed(), 0), r.get("properties").get("computed").asText(), "as the JSON report has it");
            assertEquals(Decimals.plain(x.difference(), 0), r.get("properties").get("difference").asText());
            assertEquals(x.reportedValue().toPlainString(), r.get("properties").get("reported").asText());
        }
    }

    @Test
    void handmadeStatusesAndUnusableInputMapAsDocumented() throws Exception {
        JsonNode doc = sarif(RenderFixtures.handmade());
        JsonNode results = doc.get("runs").get(0).get("results");
        assertEquals(5, results.size(), "fail, warn, two errors and the unusable filing");
        assertEquals("error", results.get(0).get("level").asText());
        assertEquals("warning", results.get(1).get("level").asText());
        assertEquals("error", results.get(2).get("level").asText(), "an error rule that could not be evaluated");
        assertTrue(results.get(2).get("message").get("text").asText().startsWith("Could not be evaluated: "));
        assertEquals("warning", results.get(3).get("level").asText(), "a warning rule that could not be evaluated");
        assertTrue(results.get(3).get("message").get("text").asText().startsWith("Could not be evaluated: "));
        JsonNode input = results.get(4);
        assertEquals(SarifRenderer.INPUT_RULE, input.get("ruleId").asText());
        assertEquals(SarifRenderer.INPUT_RULE,
                doc.get("runs").get(0).get("tool").get("driver").get("rules").get(input.get("ruleIndex").asInt()).get("id").asText());
        assertEquals("fixtures/broken,dir%3A%20x",
                input.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertEquals("fixtures/odd%20&%20%22quoted%22%20%3Cdir%3E/t1.csv",
                results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertTrue(results.get(0).get("message").get("text").asText().contains("<x> & y\nsecond line"),
                "JSON carries the text as it is; escaping is the viewer's job");
    }

    @Test
    void pathsBecomeRelativeUrisWithForwardSlashes() {
        assertEquals("fixtures/sensetime-2023/cash-flows.csv", SarifRenderer.uri("fixtures/sensetime-2023/cash-flows.csv"));
        assertEquals("fixtures/x/a.csv", SarifRenderer.uri("fixtures\\x\\a.csv"));
        assertEquals("x/a.csv", SarifRenderer.uri("./x/a.csv"));
        assertEquals("C%3A/data/my%20filing/a.csv", SarifRenderer.uri("C:\\data\\my filing\\a.csv"));
        assertEquals("r%C3%A9sultats/100%25/a.csv", SarifRenderer.uri("résultats/100%/a.csv"));
        assertEquals("a%23b%3Fc.csv", SarifRenderer.uri("a#b?c.csv"));
    }

    /**
     * The same fault found in two copies of the filing, one of which has an extra heading row near the top of
     * the CSV: every result keeps its fingerprint although its line moved.
     */
    @Test
    void fingerprintsSurviveUnrelatedLinesMoving() throws Exception {
        FilingCopy plain = RenderFixtures.faultyCopy(temp);
        FilingCopy moved = RenderFixtures.faultyCopy(temp);
        String csv = moved.read(RenderFixtures.FAULT_FILE);
        int headerEnd = csv.indexOf('\n') + 1;
        int fields = csv.substring(0, headerEnd).split(",", -1).length;
        int label = List.of(csv.substring(0, headerEnd).strip().split(",", -1)).indexOf("label");
        String[] heading = new String[fields];
        Arrays.fill(heading, "");
        heading[label] = "A heading a test inserted";
        moved.write(RenderFixtures.FAULT_FILE, csv.substring(0, headerEnd) + String.join(",", heading) + "\n" + csv.substring(headerEnd));

        Checker checker = new Checker(CheckOptions.DEFAULT);
        Map<String, JsonNode> before = byCheck(sarif(RenderFixtures.relocate(checker.check(List.of(plain.dir())), plain.path(), "f")));
        Map<String, JsonNode> after = byCheck(sarif(RenderFixtures.relocate(checker.check(List.of(moved.dir())), moved.path(), "f")));
        assertEquals(before.keySet(), after.keySet(), "the same checks do not pass");
        assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("CF-OPS-NET@")), before.keySet().toString());
        int shifted = 0;
        for (String check : before.keySet()) {
            JsonNode a = before.get(check);
            JsonNode b = after.get(check);
            assertEquals(a.get("partialFingerprints"), b.get("partialFingerprints"), check);
            int lineA = a.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt();
            int lineB = b.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt();
            String uri = a.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
            if (uri.endsWith("/" + RenderFixtures.FAULT_FILE)) {
                assertEquals(lineA + 1, lineB, check + " moved down one line");
                shifted++;
            } else {
                assertEquals(lineA, lineB, check);
            }
        }
        assertTrue(shifted > 0, "no result was in the file whose lines moved");

        FilingCopy other = FilingCopy.of(FilingCopy.SENSETIME, temp);
        other.set(RenderFixtures.FAULT_FILE, RenderFixtures.FAULT_ROW, RenderFixtures.FAULT_COLUMN, "(21,951)");
        Map<String, JsonNode> otherFault = byCheck(sarif(RenderFixtures.relocate(checker.check(List.of(other.dir())), other.path(), "f")));
        String failing = before.keySet().stream().filter(k -> k.startsWith("CF-OPS-NET@")).findFirst().orElseThrow();
        assertNotEquals(before.get(failing).get("partialFingerprints"), otherFault.get(failing).get("partialFingerprints"),
                "another wrong figure is another result");
    }

    private static Map<String, JsonNode> byCheck(JsonNode doc) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode r : doc.get("runs").get(0).get("results")) {
            out.put(r.get("properties").get("check").asText(), r);
        }
        return out;
    }
}
