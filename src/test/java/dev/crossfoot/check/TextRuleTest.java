package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;




import dev.crossfoot.model.Filing;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.NarrativeFigure;

import dev.crossfoot.parse.NarrativeCsv;
import dev.crossfoot.parse.RulesReader;

import dev.crossfoot.testing.ExtractedAnnouncement;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.RuleSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules of kind {@code text}: a narrative figure the reader leaves unattached (line 36's "This segment now accounts
 * for 34.8% of the Group's revenue": the item is a pronoun), tied by hand to the cells it restates, and judged as an
 * attached figure is.
 */
class TextRuleTest {

    @TempDir
    static Path dir;
    static Filing filing;
    static NarrativeCsv.Narrative narrative;

    @BeforeAll
    static void extract() throws IOException {
        ExtractedAnnouncement x = ExtractedAnnouncement.bundled(dir);
        filing = x.filing();
        narrative = x.narrative();
    }

    private static RuleSet rules(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "rules:\n" + yaml, StandardCharsets.UTF_8);
        return RulesReader.read(file, name);
    }

    private static FilingReport check(RuleSet rules, NarrativeCsv.Narrative n) {
        return new Engine(CheckOptions.DEFAULT).check(filing, rules, List.of(), n);
    }

    private static Finding only(FilingReport report, String rule) {
        List<Finding> found = report.findings().stream().filter(f -> f.check().id().equals(rule)).toList();
        assertEquals(1, found.size(), rule + ": " + found);
        return found.get(0);
    }

    private static final String SHARE = """
              - id: GENAI-SHARE
                title: Generative AI's share of revenue in the results highlights
                kind: text
                line: 36
                figure: "%s"
                measure: share
                is: revenue[Generative AI][2023]
                of: revenue[Total][2023]
            """;

    @Test
    void shareOfRevenue_unattachedByTheReader_passesAsAWarningRuleOfTheRulesFile() throws IOException {
        NarrativeFigure f = narrative.figures().stream().filter(x -> x.at().equals("36") && x.printed().equals("34.8%"))
                .findFirst().orElseThrow();
        assertTrue(!f.attachable(), "the reader leaves it unattached: " + f);
        FilingReport report = check(rules("share.yaml", SHARE.formatted("34.8%")), narrative);
        Finding share = only(report, "GENAI-SHARE");
        assertEquals(Status.PASS, share.status(), share.message());
        assertEquals(Severity.WARNING, share.check().severity());
        assertEquals("share.yaml", share.origin());
        assertEquals("36", share.narrated().at());
        assertTrue(share.narrated().words().contains("revenue[Generative AI][2023]"), share.narrated().words());
        assertTrue(report.unattached().stream().noneMatch(u -> u == f), "a figure a rule ties is no longer unattached");
    }

    @Test
    void amount_restatedInAnotherUnit_passes() throws IOException {
        // "The Group's EBITDA (loss) was RMB5,449.6 million" against the financial summary's RMB'000
        FilingReport report = check(rules("amount.yaml", """
                  - id: EBITDA-PROSE
                    title: The EBITDA in the results highlights
                    kind: text
                    line: 36
                    figure: RMB5,449.6 million
                    is: financial-summary[EBITDA][2023]
                """), narrative);
        Finding amount = only(report, "EBITDA-PROSE");
        assertEquals(Status.PASS, amount.status(), amount.message());
        assertEquals(0, new BigDecimal("5449.6").compareTo(amount.computed()), "computed " + amount.computed());
    }

    @Test
    void changeAndMargin_unattachedByTheReader_passWithTheirDirectionWord() throws IOException {
        // "The Group's EBITDA (loss) was RMB5,449.6 million, a 2.2% reduction yoy"; "a gross profit margin of 44.1%"
        String rules = """
                  - id: EBITDA-CHANGE
                    title: EBITDA's change in the results highlights
                    kind: text
                    line: 36
                    figure: 2.2%
                    measure: change
                    is: financial-summary[EBITDA][2023]
                    from: financial-summary[EBITDA][2022]
                  - id: GROSS-MARGIN
                    title: The gross margin in the results highlights
                    kind: text
                    line: 36
                    figure: 44.1%
                    measure: margin
                    is: income-statement[Gross profit][2023]
                    of: income-statement[Revenue][2023]
                """;
        FilingReport report = check(rules("change.yaml", rules), narrative);
        Finding change = only(report, "EBITDA-CHANGE");
        assertEquals(Status.PASS, change.status(), change.message());
        assertTrue(change.computed().signum() < 0, "EBITDA fell: " + change.computed());
        assertEquals(Status.PASS, only(report, "GROSS-MARGIN").status(), only(report, "GROSS-MARGIN").message());
        // the same cells the other way round: an increase of 2.2%, which the sentence's "reduction" contradicts
        FilingReport reversed = check(rules("reversed.yaml", rules.replace("EBITDA][2023]", "EBITDA][x]")
                .replace("EBITDA][2022]", "EBITDA][2023]").replace("EBITDA][x]", "EBITDA][2022]")), narrative);
        Finding wrongWay = only(reversed, "EBITDA-CHANGE");
        assertEquals(Status.WARN, wrongWay.status());
        assertTrue(wrongWay.message().contains("(decrease)"), wrongWay.message());
    }

    @Test
    void share_changedByOnePrintedUnit_warns() throws IOException {
        List<NarrativeFigure> figures = new ArrayList<>();
        for (NarrativeFigure f : narrative.figures()) {
            figures.add(f.at().equals("36") && f.printed().equals("34.8%")
                    ? new NarrativeFigure(f.line(), f.at(), "34.9%", f.kind(), new BigDecimal("34.9"), f.unit(), f.scale(), f.bound(),
                    f.period(), f.item(), f.words(), f.base(), f.direction(), f.comparison(), f.sentence())
                    : f);
        }
        FilingReport report = check(rules("moved.yaml", SHARE.formatted("34.9%")),
                new NarrativeCsv.Narrative(narrative.document(), figures));
        Finding share = only(report, "GENAI-SHARE");
        assertEquals(Status.WARN, share.status());
        assertTrue(share.message().contains("which would be printed 34.8"), share.message());
    }

    @Test
    void severityError_figureOff_fails() throws IOException {
        FilingReport report = check(rules("strict.yaml", SHARE.formatted("34.8%").replace("measure: share",
                "measure: share\n    severity: error").replace("revenue[Generative AI]", "revenue[Smart Auto]")), narrative);
        assertEquals(Status.FAIL, only(report, "GENAI-SHARE").status());
    }

    @Test
    void figureNotOnThatLine_isAnErrorAtTheRule() throws IOException {
        RuleSet rules = rules("wrong-line.yaml", SHARE.formatted("34.8%").replace("line: 36", "line: 37"));
        InputException e = assertThrows(InputException.class, () -> check(rules, narrative));
        assertEquals("wrong-line.yaml", e.location().file());
        assertEquals(2, e.location().line());
        assertTrue(e.oneLine().contains("GENAI-SHARE") && e.oneLine().contains("line '37'"), e.oneLine());
        RuleSet misprinted = rules("wrong-figure.yaml", SHARE.formatted("34.7%"));
        InputException f = assertThrows(InputException.class, () -> check(misprinted, narrative));
        assertTrue(f.oneLine().contains("no figure printed '34.7%' on line 36") && f.oneLine().contains("34.8%"), f.oneLine());
    }

    @Test
    void cellThatDoesNotExist_isAnErrorAtTheRule() throws IOException {
        RuleSet rules = rules("no-cell.yaml", SHARE.formatted("34.8%").replace("revenue[Total]", "revenue[Grand total]"));
        InputException e = assertThrows(InputException.class, () -> check(rules, narrative));
        assertEquals("no-cell.yaml", e.location().file());
        assertTrue(e.oneLine().contains("Grand total"), e.oneLine());
    }
}
