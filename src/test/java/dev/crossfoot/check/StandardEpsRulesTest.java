package dev.crossfoot.check;

import static dev.crossfoot.check.StandardRulesTest.check;
import static dev.crossfoot.check.StandardRulesTest.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.InputException;
import dev.crossfoot.parse.StandardReader;
import dev.crossfoot.result.CheckKind;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.NotApplicable;
import dev.crossfoot.testing.FilingCopy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standard earnings-per-share rules (STD-EPS-*) on three small filings (src/test/resources/standard/eps-*): basic
 * and diluted earnings per share are the earnings over the weighted average number of shares, within the precision
 * printed, each figure in its own unit (RMB'000 over thousand shares in RMB per share; HK$'000 over thousand shares in
 * HK cents; US$ million over million shares in US$ per share); each form passes on consistent figures and fails when one figure
 * it reads is changed; a rule whose share count is not printed, or whose units cannot be reconciled, is not applicable.
 */
class StandardEpsRulesTest {

    static final Path FILINGS = StandardRulesTest.FILINGS;

    @TempDir
    Path temp;

    /** Each EPS rule checked, with the form it was checked in (told by the tables its cells come from). */
    static Map<String, String> epsChecks(FilingReport r) {
        return r.findings().stream().filter(f -> f.rule().startsWith("STD-EPS"))
                .collect(Collectors.toMap(f -> f.rule() + "@" + f.column(), f -> f.cells().stream().map(c -> c.key().table())
                        .collect(Collectors.joining(" ")), (a, b) -> a, TreeMap::new));
    }

    static NotApplicable notApplicable(FilingReport r, String rule) {
        return r.basis().notApplicable().stream().filter(n -> n.rule().equals(rule)).findFirst().orElse(null);
    }

    @Test
    void hk_earningsAndSharesInTheNote_givePerShareFiguresInHkCents_basicAndDiluted_onTheStatementAndInTheNote() {
        FilingReport r = check(FILINGS.resolve("eps-hk"));
        assertEquals(Set.of(), failing(r));
        String note = "note-12-earnings-per-share";
        assertEquals(Map.of(
                "STD-EPS-BASIC@2021", "profit-or-loss " + note + " " + note, "STD-EPS-BASIC@2020", "profit-or-loss " + note + " " + note,
                "STD-EPS-DILUTED@2021", "profit-or-loss " + note + " " + note, "STD-EPS-DILUTED@2020", "profit-or-loss " + note + " " + note,
                "STD-EPS-NOTE-BASIC@2021", note + " " + note + " " + note, "STD-EPS-NOTE-BASIC@2020", note + " " + note + " " + note,
                "STD-EPS-NOTE-DILUTED@2021", note + " " + note + " " + note, "STD-EPS-NOTE-DILUTED@2020", note + " " + note + " " + note),
                epsChecks(r));
        Finding basic = r.findings().stream().filter(f -> f.id().equals("STD-EPS-BASIC@2021")).findFirst().orElseThrow();
        assertEquals(CheckKind.RATIO, basic.check().kind());
        assertEquals(0, basic.figures().computed().compareTo(new java.math.BigDecimal("19.200")), "960 thousand HK$ over 5,000 thousand shares "
                + "is HK$0.192, 19.20 HK cents: " + basic.figures().computed());
    }

    @Test
    void us_sharesOnTheStatement_andDilutedEarningsInTheNote() {
        FilingReport r = check(FILINGS.resolve("eps-us"));
        assertEquals(Set.of(), failing(r));
        String note = "note-13-net-income-per-share";
        assertEquals(Map.of(
                "STD-EPS-BASIC@2021", "operations operations operations", "STD-EPS-BASIC@2020", "operations operations operations",
                "STD-EPS-DILUTED@2021", "operations " + note + " operations", "STD-EPS-DILUTED@2020", "operations " + note + " operations"),
                epsChecks(r));
        assertTrue(notApplicable(r, "STD-EPS-NOTE-BASIC") != null, "the note prints no earnings per share");
    }

    @Test
    void ifrs_profitAttributableOnTheStatement_overTheNotesShareCount_andDilutedNotApplicable_withoutDilutedEarnings() {
        FilingReport r = check(FILINGS.resolve("eps-ifrs"));
        assertEquals(Set.of(), failing(r));
        String note = "note-9-earnings-per-share";
        assertEquals(Map.of("STD-EPS-BASIC@2023", "income-statement income-statement " + note,
                "STD-EPS-BASIC@2022", "income-statement income-statement " + note), epsChecks(r));
        assertEquals("table " + note + " (earnings-per-share) prints no earnings-diluted", notApplicable(r, "STD-EPS-DILUTED").why());
    }

    @ParameterizedTest(name = "{5} fails when {0}/{1} [{2}][{3}] is {4}")
    @CsvSource(delimiter = '|', value = {
        // basic, the note's earnings and shares, in HK cents (form 1)
        "eps-hk|profit-or-loss.csv|Earnings per share > Basic|2021|19.30|STD-EPS-BASIC",
        "eps-hk|note-12-earnings-per-share.csv|Number of shares > Weighted average number of ordinary shares for the purposes of basic earnings per share|2020|"
                + "5,100|STD-EPS-BASIC",
        // basic, all on the statement, in US$ per share (form 2)
        "eps-us|operations.csv|Net income per share attributable to Example Inc. common stockholders: > Basic|2020|0.51|STD-EPS-BASIC",
        "eps-us|operations.csv|Weighted-average shares used to compute net income per share attributable to common stockholders: > Basic|2021|"
                + "490|STD-EPS-BASIC",
        // basic, the statement's profit over the note's shares, in RMB per share (form 3)
        "eps-ifrs|income-statement.csv|Earnings per share for profit attributable to owners of the Company > Basic earnings per share (RMB)|2023|0.30|STD-EPS-BASIC",
        "eps-ifrs|note-9-earnings-per-share.csv|Weighted average number of ordinary shares in issue (thousand)|2022|9,500|STD-EPS-BASIC",
        // diluted, the note's diluted earnings and shares, in HK cents (form 1)
        "eps-hk|profit-or-loss.csv|Earnings per share > Diluted|2020|13.95|STD-EPS-DILUTED",
        "eps-hk|note-12-earnings-per-share.csv|Earnings > Earnings for the purposes of diluted earnings per share|2021|1,010|STD-EPS-DILUTED",
        // diluted, the note's diluted earnings over the statement's diluted shares, in US$ per share (form 2)
        "eps-us|operations.csv|Net income per share attributable to Example Inc. common stockholders: > Diluted|2021|0.69|STD-EPS-DILUTED",
        "eps-us|note-13-net-income-per-share.csv|Diluted net income attributable to common stockholders|2020|243|STD-EPS-DILUTED",
        // the note's own basic and diluted earnings per share
        "eps-hk|note-12-earnings-per-share.csv|Basic earnings per share (HK cents)|2021|19.10|STD-EPS-NOTE-BASIC",
        "eps-hk|note-12-earnings-per-share.csv|Diluted earnings per share (HK cents)|2020|13.80|STD-EPS-NOTE-DILUTED",
    })
    void epsRule_oneFigureChanged_fails(String filing, String file, String row, String column, String value, String rule) {
        StandardRulesTest.assertOneFigureChanged_fails(temp, filing, file, row, column, value, rule);
    }

    @Test
    void aPerSharePrecisionOfTwoDecimals_toleratesWhatRoundingAllows_notMore() {
        // 2,650 thousand over 9,800 thousand shares is RMB0.27041: printed 0.27 passes; 0.28 is one printed unit off and fails
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("eps-ifrs"), temp);
        copy.set("income-statement.csv", "Earnings per share for profit attributable to owners of the Company > Basic earnings per share (RMB)",
                "2022", "0.28");
        assertTrue(failing(check(copy.dir())).contains("STD-EPS-BASIC"));
    }

    @ParameterizedTest(name = "earnings per share in {0}, printed {1} and {2}, passes")
    @CsvSource(delimiter = '|', value = {
        "RMB per share|0.29|0.27",
        "RMB|0.29|0.27",
        "RMB cents|29.00|27.04",
    })
    void perShareFigures_inTheCurrency_orItsCents_areReconciled(String unit, String y2023, String y2022) {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("eps-ifrs"), temp);
        copy.write("filing.yaml", copy.read("filing.yaml").replace("Basic earnings per share (RMB): RMB per share",
                "Basic earnings per share (RMB): " + unit));
        String row = "Earnings per share for profit attributable to owners of the Company > Basic earnings per share (RMB)";
        copy.set("income-statement.csv", row, "2023", y2023);
        copy.set("income-statement.csv", row, "2022", y2022);
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertEquals(Set.of("STD-EPS-BASIC@2023", "STD-EPS-BASIC@2022"), epsChecks(r).keySet());
        // the same figures one cent off fail in cents as in the currency
        copy.set("income-statement.csv", row, "2023", unit.equals("RMB cents") ? "30.00" : "0.30");
        assertTrue(failing(check(copy.dir())).contains("STD-EPS-BASIC"));
    }

    @ParameterizedTest(name = "earnings per share in {0}: not applicable")
    @CsvSource(delimiter = '|', value = {
        "RMB'000|eps-basic is in RMB'000, not RMB per share",
        "HK cents|eps-basic is in HK cents, not RMB per share",
    })
    void perShareFigures_inAUnitThatCannotBeReconciled_areNotApplicable_neverAFalseAlarm(String unit, String why) {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("eps-ifrs"), temp);
        copy.write("filing.yaml", copy.read("filing.yaml").replace("Basic earnings per share (RMB): RMB per share",
                "Basic earnings per share (RMB): " + unit));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertEquals(Map.of(), epsChecks(r));
        assertTrue(notApplicable(r, "STD-EPS-BASIC").why().endsWith(why), notApplicable(r, "STD-EPS-BASIC").why());
    }

    @Test
    void shareCountAbsent_basicEpsIsNotApplicable_andSaysSo() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("eps-hk"), temp);
        copy.write("note-12-earnings-per-share.csv", copy.read("note-12-earnings-per-share.csv")
                .replaceAll("(?m)^Number of shares,Weighted average number of ordinary shares for the purposes of basic.*\\n", ""));
        copy.write("filing.yaml", copy.read("filing.yaml")
                .replaceAll("(?m)^ *Weighted average number of ordinary shares for the purposes of basic.*\\n", ""));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertEquals(Set.of("STD-EPS-DILUTED@2021", "STD-EPS-DILUTED@2020", "STD-EPS-NOTE-DILUTED@2021", "STD-EPS-NOTE-DILUTED@2020"),
                epsChecks(r).keySet());
        assertEquals("table note-12-earnings-per-share (earnings-per-share) prints no shares-basic", notApplicable(r, "STD-EPS-BASIC").why());
        assertEquals("table note-12-earnings-per-share (earnings-per-share) prints no shares-basic", notApplicable(r, "STD-EPS-NOTE-BASIC").why());
    }

    @Test
    void shareCountPrintedWithoutAUnitOfShares_isNotApplicable() {
        // a note whose share count is read in the table's RMB'000 (no row unit): not a number of shares
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("eps-ifrs"), temp);
        copy.write("filing.yaml", copy.read("filing.yaml").replace("Weighted average number of ordinary shares in issue (thousand): thousand shares\n", ""));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertTrue(notApplicable(r, "STD-EPS-BASIC").why().startsWith("its units cannot be reconciled: shares-basic is in RMB'000"),
                notApplicable(r, "STD-EPS-BASIC").why());
    }

    @Test
    void continuingOperationsAlone_isNotTakenForEarningsPerShare() {
        // "Earnings per share from continuing operations" divides another profit: it is not matched
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("eps-hk"), temp);
        copy.write("profit-or-loss.csv", copy.read("profit-or-loss.csv").replace("Earnings per share,", "Earnings per share from continuing operations,"));
        copy.write("filing.yaml", copy.read("filing.yaml").replace("Earnings per share >", "Earnings per share from continuing operations >"));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertTrue(epsChecks(r).keySet().stream().noneMatch(k -> k.startsWith("STD-EPS-BASIC@") || k.startsWith("STD-EPS-DILUTED@")),
                epsChecks(r).toString());
        assertEquals(List.of("STD-EPS-BASIC", "STD-EPS-DILUTED"), r.basis().notApplicable().stream().map(NotApplicable::rule)
                .filter(x -> x.startsWith("STD-EPS")).toList());
    }

    @Test
    void quotientForm_withAConstant_isRefused_namingTheRule() throws java.io.IOException {
        Path pack = temp.resolve("my-standard.yaml");
        java.nio.file.Files.writeString(pack, "rules:\n  - id: MY-EPS\n    title: mine\n    forms:\n"
                + "      - check: income-statement[eps-basic] = income-statement[profit-owners] / earnings-per-share[shares-basic] + 1\n");
        InputException e = assertThrows(InputException.class, () -> StandardReader.extended(pack));
        assertTrue(e.getMessage().contains("rule MY-EPS: a quotient is 'role[item] = role[item] / role[item]'"), e.getMessage());
    }

    @Test
    void quotientForm_fromAUsersPack_isChecked() throws java.io.IOException {
        // a user's --standard file may write a quotient of its own: here the note's EPS over the statement's
        Path pack = temp.resolve("my-standard.yaml");
        java.nio.file.Files.writeString(pack, "rules:\n  - id: MY-EPS\n    title: mine\n    forms:\n"
                + "      - check: earnings-per-share[eps-basic] = income-statement[profit-owners] / earnings-per-share[shares-basic]\n");
        FilingReport r = new Engine(CheckOptions.DEFAULT.withStandard(StandardReader.extended(pack)))
                .check(dev.crossfoot.parse.FilingReader.read(FILINGS.resolve("eps-hk"), false), new dev.crossfoot.rules.RuleSet(List.of()));
        assertEquals(Set.of(), failing(r));
        assertEquals(2, r.findings().stream().filter(f -> f.rule().equals("MY-EPS")).count());
    }
}
