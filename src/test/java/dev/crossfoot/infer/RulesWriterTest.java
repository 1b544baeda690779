package dev.crossfoot.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.parse.RulesReader;
import dev.crossfoot.result.Severity;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Items;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.parse.RulesWriter;
import dev.crossfoot.rules.Term;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What RulesWriter writes, RulesReader reads back as the same rules, whatever the labels hold. */
class RulesWriterTest {

    @TempDir
    Path temp;

    private static final SourceLocation NOWHERE = SourceLocation.of("x.yaml", 1, 1);

    private static RuleInfo info(String id, Severity severity, String reason) {
        return new RuleInfo(id, "Title with \"quotes\", a colon: and a # hash", severity, reason, NOWHERE);
    }

    /** A rule with its location dropped, for comparison. */
    private static Rule located(Rule r) {
        RuleInfo i = r.info();
        return r.withInfo(new RuleInfo(i.id(), i.title(), i.severity(), i.reason(), NOWHERE));
    }

    @Test
    void everyKindReadsBackUnchanged() throws IOException {
        Map<String, List<String>> share = new LinkedHashMap<>();
        share.put("2023 %", List.of("2023"));
        Map<String, List<String>> change = new LinkedHashMap<>();
        change.put("YoY", List.of("2023", "2022"));
        List<Rule> rules = List.of(
                new Rule.Sum(info("INFER-t-L4", Severity.ERROR, ""), "t",
                        new Items.Listed(List.of(new RowRef(null, "Fixed Price"), new RowRef("", ">90 days"),
                                new RowRef("Current assets", "Cash \\ \"bank\""), new RowRef(null, "(unlabelled) #2"),
                                new RowRef(null, "Straße – net: 'ok' – 資產"), new RowRef(null, "yes"), new RowRef(null, "123"),
                                new RowRef(null, "NEL\u0085 LS\u2028 PS\u2029 BEL\u0007 ESC\u001B[31m DEL\u007F CSI\u009B BOM\uFEFF 😀\ttab"))),
                        new RowRef(null, "Total"), List.of("2019", "2018 (4)")),
                new Rule.Sum(info("S2", Severity.WARNING, "near: within 2%\nsecond line"), "t",
                        new Items.Range(new RowRef(null, "A"), new RowRef(null, "B")), new RowRef(null, "C"), List.of(Rule.ALL_COLUMNS)),
                new Rule.RollForward(info("R1", Severity.ERROR, ""), "cash", new RowRef(null, "At beginning"),
                        new Items.Listed(List.of(new RowRef(null, "Net increase"))), new RowRef(null, "At end"),
                        List.of("2023", "2022"), true),
                new Rule.CrossFoot(info("X1", Severity.ERROR, ""), "ppe", List.of("Buildings (a)", "Other"), "Total",
                        List.of(new RowRef("At January 1, 2023", "Cost"))),
                new Rule.Formula(info("F1", Severity.ERROR, ""), "t", new CellRef(null, new RowRef(null, "EBITDA"), null),
                        new LinearExpr(List.of(new Term(BigDecimal.ONE, new CellRef("is", new RowRef(null, "Loss"), null)),
                                new Term(BigDecimal.ONE.negate(), new CellRef(null, new RowRef(null, "Finance income"), "2023"))),
                                BigDecimal.ZERO), List.of("2023")),
                new Rule.Tie(info("T1", Severity.ERROR, ""), null, new CellRef("a", new RowRef(null, "Total"), null),
                        LinearExpr.of(new CellRef("b", new RowRef(null, "Revenue"), null)), List.of("2023")),
                new Rule.Ratio(info("Q1", Severity.WARNING, ""), "t", Rule.Measure.SHARE, List.of(new RowRef(null, "A")),
                        new RowRef(null, "Total"), share, null, null, null, List.of()),
                new Rule.Ratio(info("Q2", Severity.WARNING, ""), "t", Rule.Measure.CHANGE, List.of(new RowRef(null, "A")),
                        null, change, null, null, null, List.of()),
                new Rule.Text(info("N1", Severity.WARNING, ""), "36", "RMB3,885 million", NarrativeFigure.Kind.AMOUNT,
                        new CellRef("cash", new RowRef("Operating", "Receipts: \"trade\""), "2023"), null),
                new Rule.Text(info("N2", Severity.ERROR, ""), "page 3, line 12", "48.5%", NarrativeFigure.Kind.CHANGE,
                        new CellRef("cash", new RowRef(null, "Receipts"), "2023"), new CellRef("cash", new RowRef(null, "Receipts"), "2022")),
                new Rule.Text(info("N3", Severity.WARNING, ""), "40", "34.8%", NarrativeFigure.Kind.SHARE,
                        new CellRef("revenue", new RowRef(null, "Generative AI"), "2023"), new CellRef("revenue", new RowRef(null, "Total"), "2023")),
                new Rule.Text(info("N4", Severity.WARNING, ""), "41", "44.1%", NarrativeFigure.Kind.MARGIN,
                        new CellRef("is", new RowRef(null, "Gross profit"), "2023"), new CellRef("is", new RowRef(null, "Revenue"), "2023")));
        Path file = temp.resolve("rules.yaml");
        Files.writeString(file, RulesWriter.write(rules, List.of("written by a test", "# with a hash")), StandardCharsets.UTF_8);
        List<Rule> back = RulesReader.read(file, file.toString()).rules().stream().map(RulesWriterTest::located).toList();
        assertEquals(rules.stream().map(RulesWriterTest::located).toList(), back);
    }

    @Test
    void noRulesIsAnEmptyRuleListThatReadsBack() throws IOException {
        Path file = temp.resolve("rules.yaml");
        Files.writeString(file, RulesWriter.write(List.of(), List.of()), StandardCharsets.UTF_8);
        assertEquals("rules: []\n", Files.readString(file));
        assertEquals(List.of(), RulesReader.read(file, file.toString()).rules());
    }
}
