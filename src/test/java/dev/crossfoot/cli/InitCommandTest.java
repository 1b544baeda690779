package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Unit;
import dev.crossfoot.parse.FilingReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new company's CSV tables, from nothing to checked: {@code init} writes filing.yaml, {@code foot --emit-rules}
 * writes the rules, {@code check} runs them; {@code check --infer} on the filing without rules foots it.
 */
class InitCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** Two tables as a company prints them: an income statement in RMB'000 with a margin row, and a segment table. */
    private Path tables() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("acme"));
        Files.writeString(dir.resolve("income-statement.csv"), """
                label,Year ended 31 December 2023 RMB'000,Year ended 31 December 2022 RMB'000
                Revenue,"1,200","1,000"
                Cost of sales,(700),(600)
                Gross profit,500,400
                Selling expenses,(120),(100)
                Administrative expenses,(80),(70)
                Operating profit,300,230
                Gross margin,41.7%,40.0%
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("segments.csv"), """
                section,label,2023,2022,2023 %,Comment
                Revenue,Cloud,700,550,58.3,growing
                Revenue,Devices,500,450,41.7,steady
                Revenue,Total,"1,200","1,000",100.0,
                """, StandardCharsets.UTF_8);
        return dir;
    }

    private static JsonNode summary(Run run) throws IOException {
        return JSON.readTree(run.out()).get("summary");
    }

    @Test
    void initThenFootThenCheck_checksANewCompanysTables_endToEnd() throws IOException {
        Path dir = tables();
        Run init = Run.of("init", dir.toString(), "--issuer", "Acme Ltd");
        assertEquals(0, init.exitCode(), init::toString);
        assertTrue(init.out().startsWith("Wrote " + dir.resolve("filing.yaml") + ": 2 tables"), init::toString);
        String yaml = Files.readString(dir.resolve("filing.yaml"));
        assertTrue(yaml.contains("# What it guessed"), yaml);
        assertTrue(yaml.contains("income-statement: row 'Gross margin' is %: every figure in it ends in %"), yaml);
        assertTrue(yaml.contains("segments: column '2023 %' is %: its header says so"), yaml);
        assertTrue(yaml.contains("segments: column 'Comment' is text: it holds no figure"), yaml);
        assertTrue(yaml.contains("segments: unit unknown: the table prints none"), yaml);

        Filing filing = FilingReader.read(dir);
        assertEquals("Acme Ltd", filing.issuer());
        assertEquals(List.of("Year ended 31 December 2023 RMB'000", "2023", "Year ended 31 December 2022 RMB'000", "2022"),
                filing.periods(), "the columns naming a year, newest year first, each as printed");
        assertEquals("RMB'000", filing.tables().get("income-statement").unit().printed(), "from the header's RMB'000");
        assertEquals(Unit.UNKNOWN, filing.tables().get("segments").unit());

        Path rules = temp.resolve("acme-rules.yaml");
        Run foot = Run.of("foot", dir.toString(), "--emit-rules", rules.toString(), "--format", "json");
        assertEquals(0, foot.exitCode(), foot::toString);
        int footed = summary(foot).get("passed").asInt();
        assertTrue(footed >= 6, "gross profit, operating profit and the segment total in both years: " + foot.out());

        Run check = Run.of("check", dir.toString(), "--rules", rules.toString(), "--format", "json");
        assertEquals(0, check.exitCode(), check::toString);
        assertEquals(footed, summary(check).get("passed").asInt(), "the emitted rules pass as footed");
        assertEquals(0, summary(check).get("failed").asInt());

        Run inferred = Run.of("check", "--infer", dir.toString(), "--format", "json");
        assertEquals(0, inferred.exitCode(), "a filing without rules.yaml is footed, not refused: " + inferred);
        assertEquals(footed, summary(inferred).get("passed").asInt());
        List<String> ids = new ArrayList<>();
        JSON.readTree(inferred.out()).get("filings").get(0).get("checks").forEach(c -> ids.add(c.get("id").asText()));
        assertTrue(ids.stream().allMatch(id -> id.startsWith("INFER-")), ids.toString());

        // the rules are real: a misprinted figure fails them
        Path is = dir.resolve("income-statement.csv");
        Files.writeString(is, Files.readString(is).replace("Gross profit,500,400", "Gross profit,510,400"));
        Run broken = Run.of("check", dir.toString(), "--rules", rules.toString(), "-q");
        assertEquals(1, broken.exitCode(), broken::toString);
        assertTrue(broken.out().contains("FAIL"), broken::toString);
    }

    @Test
    void checkWithoutRulesOrStandardRules_saysHowToGetSome() throws IOException {
        Path dir = tables();
        assertEquals(0, Run.of("init", dir.toString()).exitCode());
        Run run = Run.of("check", "--no-standard", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no rules to check") && run.err().contains("--infer"), run.err());
    }

    @Test
    void init_refusesADirectoryThatIsAlreadyAFiling_andWritesNothingElse() throws IOException {
        Path dir = tables();
        assertEquals(0, Run.of("init", dir.toString()).exitCode());
        String first = Files.readString(dir.resolve("filing.yaml"));
        Run again = Run.of("init", dir.toString(), "--issuer", "Other");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().startsWith("crossfoot: " + dir.resolve("filing.yaml") + ": already a filing;"), again.err());
        assertEquals(first, Files.readString(dir.resolve("filing.yaml")), "left as it was");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("filing.yaml", "income-statement.csv", "segments.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no other file written");
        }
    }

    @Test
    void init_onATableCheckCannotRead_namesTheCellAndLeavesNoFilingYaml() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("dollars"));
        Files.writeString(dir.resolve("sales.csv"), """
                label,2019,2018
                Fixed Price,"$  1,452.4","$  1,146.2"
                Total sales,"$1,452.4","$1,146.2"
                """);
        Run run = Run.of("init", dir.toString());
        assertEquals(2, run.exitCode(), run::toString);
        String[] lines = run.err().split("\n");
        assertEquals(2, lines.length, run.err());
        assertTrue(lines[0].startsWith("crossfoot: " + dir.resolve("sales.csv") + ":2:2:"), lines[0]);
        assertTrue(lines[1].contains("filing.yaml not written"), lines[1]);
        assertFalse(Files.exists(dir.resolve("filing.yaml")));
    }

    @Test
    void init_guessesACurrencyAndScaleOnlyWhenTheTablePrintsBoth() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("units"));
        Files.writeString(dir.resolve("a.csv"), "label,2023 (US$ million),2022 (US$ million)\nX,1.0,2.0\nY,3.0,4.0\n");
        Files.writeString(dir.resolve("b.csv"), "label,2023,2022\nX,1,2\n");
        assertEquals(0, Run.of("init", dir.toString()).exitCode());
        Filing f = FilingReader.read(dir);
        assertEquals("US$ million", f.tables().get("a").unit().printed());
        assertEquals(Unit.UNKNOWN, f.tables().get("b").unit());
        assertEquals(List.of("2023 (US$ million)", "2023", "2022 (US$ million)", "2022"), f.periods());
    }
}
