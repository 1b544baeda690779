package dev.crossfoot.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.Filing;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.parse.StandardReader;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.NotApplicable;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.RuleSet;
import dev.crossfoot.rules.StandardPack;
import dev.crossfoot.testing.FilingCopy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standard rule pack on three small filings (src/test/resources/standard): every rule that applies passes on the
 * consistent figures, in each of its forms, and fails when one figure it reads is changed.
 */
class StandardRulesTest {

    static final Path FILINGS = Path.of("src/test/resources/standard");
    static final StandardPack PACK = StandardReader.builtIn();

    @TempDir
    Path temp;

    static FilingReport check(Path dir) {
        Filing filing = FilingReader.read(dir, false);
        return new Engine(CheckOptions.DEFAULT.withStandard(PACK)).check(filing, new RuleSet(List.of()));
    }

    static Set<String> applied(FilingReport r) {
        return r.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> failing(FilingReport r) {
        return r.findings().stream().filter(f -> f.status() != Status.PASS).map(Finding::rule)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void ifrsStatements_everyRuleTheyPrint_applies_andPasses() {
        FilingReport r = check(FILINGS.resolve("ifrs"));
        assertEquals(Set.of(), failing(r));
        Set<String> notMatrix = applied(r).stream().filter(id -> !id.startsWith("STD-CE-")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("STD-BS-ASSETS", "STD-BS-BALANCE", "STD-BS-EQUITY", "STD-BS-EQUITY-AND-LIABILITIES",
                "STD-BS-LIABILITIES", "STD-BS-NET-ASSETS", "STD-BS-NET-ASSETS-EQUITY", "STD-BS-NET-CURRENT", "STD-BS-TALCL",
                "STD-CF-CARRY-2023", "STD-CF-CASH-BS", "STD-CF-NET", "STD-CF-OPEN-BS-2023", "STD-CF-PROFIT", "STD-CF-ROLL",
                "STD-CI-ATTRIBUTION", "STD-CI-PROFIT",
                "STD-CI-TOTAL", "STD-IS-ATTRIBUTION", "STD-IS-GROSS", "STD-IS-TAX")), notMatrix);
        assertEquals(List.of("STD-IS-OPERATING", "STD-IS-DISCONTINUED", "STD-EPS-BASIC", "STD-EPS-DILUTED", "STD-EPS-NOTE-BASIC",
                "STD-EPS-NOTE-DILUTED"),
                r.basis().notApplicable().stream().map(NotApplicable::rule).toList());
        assertTrue(r.findings().stream().allMatch(f -> f.origin().equals("standard")));
        assertEquals(2 * 19 + 2 + 27, r.findings().size(), "each rule in both periods; the two carried ones in 2023, from 2022; "
                + "the changes-in-equity rules per year (and per column: 5 columns closing 2023 and 2022, 5 carried into 2023)");
        assertEquals(29, r.basis().origins().get("standard"), "a carried rule, and a matrix rule checked per year and column, counts once");
    }

    @Test
    void changesInEquity_twoMatrices_eachComponentTiesToTheBalanceSheet_opensTheNextYear_andTakesTheYearsProfit() {
        FilingReport r = check(FILINGS.resolve("ifrs"));
        Set<String> matrix = applied(r).stream().filter(id -> id.startsWith("STD-CE-")).collect(Collectors.toCollection(TreeSet::new));
        List<String> columns = List.of("share-capital", "reserves", "equity-owners", "nci-equity", "total-equity");
        Set<String> expected = new TreeSet<>();
        for (String c : columns) {
            expected.add("STD-CE-BS-2023-" + c);
            expected.add("STD-CE-BS-2022-" + c);
            expected.add("STD-CE-CARRY-2023-" + c);
        }
        for (String rule : List.of("PROFIT", "PROFIT-OWNERS", "PROFIT-NCI", "TCI", "TCI-OWNERS", "TCI-NCI")) {
            expected.add("STD-CE-" + rule + "-2023");
            expected.add("STD-CE-" + rule + "-2022");
        }
        assertEquals(expected, matrix);
        Finding carry = r.findings().stream().filter(f -> f.rule().equals("STD-CE-CARRY-2023-reserves")).findFirst().orElseThrow();
        assertEquals("Reserves", carry.column(), "checked in the matrix's column");
    }

    @Test
    void changesInEquity_oneMatrixOfTwoYears_periodsAreReadFromItsBalanceRows_andTheLastTotalColumnIsTotalEquity() {
        FilingReport r = check(FILINGS.resolve("hk"));
        assertEquals(Set.of(), failing(r));
        Set<String> matrix = applied(r).stream().filter(id -> id.startsWith("STD-CE-")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("STD-CE-BS-2020-share-capital", "STD-CE-BS-2020-reserves", "STD-CE-BS-2020-total-equity",
                "STD-CE-BS-2021-share-capital", "STD-CE-BS-2021-reserves", "STD-CE-BS-2021-total-equity",
                "STD-CE-CARRY-2021-share-capital", "STD-CE-CARRY-2021-reserves", "STD-CE-CARRY-2021-total-equity",
                "STD-CE-PROFIT-2020", "STD-CE-PROFIT-2021", "STD-CE-TCI-2020", "STD-CE-TCI-2021")), matrix);
        assertTrue(r.basis().notApplicable().stream().anyMatch(n -> n.rule().equals("STD-CE-PROFIT-NCI")
                && n.why().equals("table profit-or-loss (income-statement) prints no profit-nci")), r.basis().notApplicable().toString());
    }

    @Test
    void changesInEquity_closingRowPrintedOnceForTwoYears_isNotCarriedOntoItself() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("hk"), temp);
        copy.write("changes-in-equity.csv", copy.read("changes-in-equity.csv").replace(",At 1 January 2021,100,160,260\n", ""));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertTrue(applied(r).contains("STD-CE-BS-2021-reserves"), applied(r).toString());
        assertTrue(r.basis().notApplicable().stream().anyMatch(n -> n.rule().equals("STD-CE-CARRY")), r.basis().notApplicable().toString());
    }

    @ParameterizedTest(name = "{5} fails when {0}/{1} [{2}][{3}] is {4}")
    @CsvSource(delimiter = '|', value = {
        "ifrs|changes-in-equity-2023.csv|As at December 31, 2023|Share capital|105|STD-CE-BS-2023-share-capital",
        "ifrs|changes-in-equity-2023.csv|As at December 31, 2023|Total|425|STD-CE-BS-2023-equity-owners",
        "ifrs|changes-in-equity-2022.csv|As at December 31, 2022|Non-controlling interests|29|STD-CE-BS-2022-nci-equity STD-CE-CARRY-2023-nci-equity",
        "ifrs|changes-in-equity-2023.csv|As at January 1, 2023|Reserves|259|STD-CE-CARRY-2023-reserves",
        "ifrs|changes-in-equity-2023.csv|Profit for the year|Total equity|214|STD-CE-PROFIT-2023",
        "ifrs|changes-in-equity-2022.csv|Profit for the year|Total|219|STD-CE-PROFIT-OWNERS-2022",
        "ifrs|changes-in-equity-2023.csv|Profit for the year|Non-controlling interests|14|STD-CE-PROFIT-NCI-2023",
        "ifrs|changes-in-equity-2023.csv|Total comprehensive income for the year|Total equity|229|STD-CE-TCI-2023",
        "ifrs|changes-in-equity-2022.csv|Total comprehensive income for the year|Total|205|STD-CE-TCI-OWNERS-2022",
        "ifrs|changes-in-equity-2023.csv|Total comprehensive income for the year|Non-controlling interests|15|STD-CE-TCI-NCI-2023",
        "ifrs|balance-sheet.csv|Equity > Share capital|2022|95|STD-CE-BS-2022-share-capital",
        "hk|changes-in-equity.csv|At 31 December 2021|Total|305|STD-CE-BS-2021-total-equity",
        "hk|changes-in-equity.csv|At 1 January 2021|Reserves|165|STD-CE-CARRY-2021-reserves",
        "hk|changes-in-equity.csv|At 31 December 2020|Share capital|(100)|STD-CE-BS-2020-share-capital STD-CE-CARRY-2021-share-capital",
    })
    void matrixRule_oneFigureChanged_failsThatYearAndColumnOnly(String filing, String file, String row, String column, String value, String rules) {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve(filing), temp);
        copy.set(file, row, column, value);
        FilingReport r = check(copy.dir());
        Set<String> standard = failing(r).stream().filter(id -> id.startsWith("STD-CE-")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(rules.split(" "))), standard);
    }

    @ParameterizedTest(name = "hk {2} fails when its second year's {0} is changed")
    @CsvSource(delimiter = '|', value = {
        ",Profit for the year,–,100,100|,Profit for the year,–,100,104|STD-CE-PROFIT-2021",
        ",Total comprehensive income for the year,–,108,108|,Total comprehensive income for the year,–,108,104|STD-CE-TCI-2021",
    })
    void matrixRule_inTheIncomeStatementForm_oneFigureChanged_fails(String line, String changed, String rule) {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("hk"), temp);
        String csv = copy.read("changes-in-equity.csv");
        int at = csv.lastIndexOf(line);
        assertTrue(at > csv.indexOf("At 1 January 2021"), "the line is in the second year");
        copy.write("changes-in-equity.csv", csv.substring(0, at) + changed + csv.substring(at + line.length()));
        assertEquals(Set.of(rule), failing(check(copy.dir())));
    }

    @Test
    void redeemableNciColumnBesideEquity_profitAndTotalComprehensiveIncomeOfEquity_notApplicable() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("ifrs"), temp);
        copy.write("changes-in-equity-2023.csv", copy.read("changes-in-equity-2023.csv")
                .replace("section,label,", "section,label,Redeemable non-controlling interests,")
                .replaceAll("\n,(\"[^\"]+\"|[^,\"]+),", "\n,$1,7,"));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        for (String rule : List.of("STD-CE-PROFIT-2023", "STD-CE-PROFIT-NCI-2023", "STD-CE-TCI-2023", "STD-CE-TCI-NCI-2023")) {
            assertFalse(applied(r).contains(rule), rule);
        }
        assertTrue(applied(r).containsAll(List.of("STD-CE-PROFIT-2022", "STD-CE-PROFIT-OWNERS-2023", "STD-CE-BS-2023-total-equity")), applied(r).toString());
    }

    @Test
    void matrixWithoutItsProfitRow_orWithTwoDifferentProfitRows_orRestatedBalances_notApplicable_neverAnError() throws java.io.IOException {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("ifrs"), temp);
        for (String year : List.of("2023", "2022")) {
            String file = "changes-in-equity-" + year + ".csv";
            copy.write(file, copy.read(file).replace(",Profit for the year,", ",Profit for the year,–,1,1,–,1\n,Profit for the year,"));
        }
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        NotApplicable profit = r.basis().notApplicable().stream().filter(n -> n.rule().equals("STD-CE-PROFIT")).findFirst().orElseThrow();
        assertEquals("table changes-in-equity-2023 (changes-in-equity) prints no profit row in 2023; "
                + "table changes-in-equity-2022 (changes-in-equity) prints no profit row in 2022", profit.why());

        FilingCopy restated = FilingCopy.of(FILINGS.resolve("ifrs"), java.nio.file.Files.createDirectories(temp.resolve("restated")));
        restated.write("changes-in-equity-2023.csv", restated.read("changes-in-equity-2023.csv").replace("As at January 1, 2023", "As at January 1, 2023 (restated)"));
        FilingReport s = check(restated.dir());
        assertEquals(Set.of(), failing(s));
        assertFalse(applied(s).stream().anyMatch(id -> id.startsWith("STD-CE-") && id.contains("-2023")), applied(s).toString());
        assertTrue(applied(s).contains("STD-CE-PROFIT-2022"), applied(s).toString());
    }

    @Test
    void matrixWhoseTotalEquityColumnIsHeadedTotalTwo_asExtractedWhenTwoColumnsAreHeadedTotal_isTotalEquityAsTheLastColumn() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("ifrs"), temp);
        copy.write("changes-in-equity-2023.csv", copy.read("changes-in-equity-2023.csv").replace(",Total equity\n", ",Total (2)\n"));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertTrue(applied(r).containsAll(List.of("STD-CE-BS-2023-total-equity", "STD-CE-BS-2023-equity-owners", "STD-CE-PROFIT-2023",
                "STD-CE-CARRY-2023-total-equity")), applied(r).toString());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "As at January 1, 2023|2023-01-01",
        "At 30th September, 2020|2020-09-30",
        "At 1st October, 2019|2019-10-01",
        "Balance as of December 31, 2019|2019-12-31",
        "Balance at 1 January 2014|2014-01-01",
        "At 31 Dec 2021|2021-12-31",
        "Total transactions with equity holders|",
        "At 31 February 2021|",
    })
    void balanceRowLabel_givesItsDate_orNone(String label, String date) {
        assertEquals(date == null ? null : java.time.LocalDate.parse(date), EquityMatrices.date(label));
    }

    @Test
    void matrixInAnotherUnit_isNotComparedWithTheBalanceSheet() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("ifrs"), temp);
        copy.write("filing.yaml", copy.read("filing.yaml").replace("file: changes-in-equity-2023.csv, unit: \"RMB'000\"",
                "file: changes-in-equity-2023.csv, unit: shares"));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertFalse(applied(r).contains("STD-CE-BS-2023-share-capital"), applied(r).toString());
        assertFalse(applied(r).contains("STD-CE-CARRY-2023-share-capital"), applied(r).toString());
        assertTrue(applied(r).contains("STD-CE-BS-2022-share-capital"), applied(r).toString());
    }

    @Test
    void bothMatricesInAnotherUnit_tieToTheBalanceSheetNotApplicable_andWhySaysTheUnits() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("ifrs"), temp);
        copy.write("filing.yaml", copy.read("filing.yaml").replaceAll("file: (changes-in-equity-20..\\.csv), unit: \"RMB'000\"", "file: $1, unit: shares"));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        NotApplicable bs = r.basis().notApplicable().stream().filter(n -> n.rule().equals("STD-CE-BS")).findFirst().orElseThrow();
        assertEquals("its figures are in different units (shares, RMB)", bs.why());
        assertTrue(applied(r).contains("STD-CE-CARRY-2023-reserves"), "two matrices in the same unit still carry: " + applied(r));
    }

    @Test
    void usStatements_costsPrintedPositive_areSubtracted_andATaxBenefitIsAdded() {
        FilingReport r = check(FILINGS.resolve("us"));
        assertEquals(Set.of(), failing(r));
        assertTrue(applied(r).containsAll(List.of("STD-IS-OPERATING", "STD-IS-TAX", "STD-IS-ATTRIBUTION", "STD-BS-BALANCE",
                "STD-BS-EQUITY-AND-LIABILITIES", "STD-BS-EQUITY", "STD-CF-NET", "STD-CF-ROLL", "STD-CF-CASH-BS", "STD-CF-PROFIT")), applied(r).toString());
    }

    @Test
    void hkStatements_balanceThroughNetAssets_withUnlabelledSubtotals_andNetCurrentLiabilitiesInBrackets() {
        FilingReport r = check(FILINGS.resolve("hk"));
        assertEquals(Set.of(), failing(r));
        assertTrue(applied(r).containsAll(List.of("STD-BS-BALANCE", "STD-BS-NET-ASSETS", "STD-BS-NET-ASSETS-EQUITY",
                "STD-BS-NET-CURRENT", "STD-BS-TALCL", "STD-IS-GROSS", "STD-IS-TAX", "STD-IS-DISCONTINUED", "STD-CI-TOTAL")), applied(r).toString());
    }

    @Test
    void cashAndRestrictedCashReconciliation_rollsForward_butIsNeverTiedToTheBalanceSheetsCash() {
        FilingReport r = check(FILINGS.resolve("us-restricted"));
        assertEquals(Set.of(), failing(r));
        assertTrue(applied(r).containsAll(List.of("STD-CF-ROLL", "STD-CF-CARRY-2021", "STD-CF-NET")), applied(r).toString());
        assertTrue(r.basis().notApplicable().stream().anyMatch(n -> n.rule().equals("STD-CF-CASH-BS")), "closing cash and restricted cash "
                + "(480) is not the balance sheet's cash (300)");
    }

    @Test
    void usStatements_noncontrollingSpelledWithoutAHyphen_areStillNoncontrollingInterests_notAFalseAlarm() {
        // US filers print "noncontrolling" (ASC 810): not recognised, the balance sheet fell through to total assets =
        // total equity + total liabilities and failed by the redeemable non-controlling interests
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("us"), temp);
        for (String file : List.of("operations.csv", "balance-sheets.csv")) {
            copy.write(file, copy.read(file).replace("non-controlling", "noncontrolling").replace("Non-redeemable", "Nonredeemable"));
        }
        FilingReport before = check(FILINGS.resolve("us"));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertEquals(applied(before), applied(r));
    }

    @Test
    void continuingAndDiscontinuedOperations_withoutForTheYear_areRecognised_notAFalseAlarm() {
        // "Profit from continuing operations" was not recognised: profit for the year was taken as profit before tax less
        // tax, and failed by the discontinued operations' 25 in 2020
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("hk"), temp);
        copy.write("profit-or-loss.csv", copy.read("profit-or-loss.csv")
                .replace("Profit for the year from continuing operations", "Profit from continuing operations")
                .replace("Profit for the year from discontinued operations", "Profit from discontinued operation"));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertEquals(applied(check(FILINGS.resolve("hk"))), applied(r));
    }

    @ParameterizedTest(name = "{0}: {1} is profit from continuing operations")
    @CsvSource(delimiter = '|', value = {
        "Income from continuing operations|Income from discontinued operations, net of tax",
        "Net income (loss) from continuing operations|Net income (loss) from discontinued operations",
        "Profit for the period from continuing operations|Profit for the period from discontinued operations",
        "(Loss)/profit for the year from continuing operations|Profit/(loss) for the year from discontinued operations",
    })
    void continuingAndDiscontinuedOperations_asUsAndHkIssuersPrintThem_areRecognised(String continuing, String discontinued) {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("hk"), temp);
        copy.write("profit-or-loss.csv", copy.read("profit-or-loss.csv")
                .replace("Profit for the year from continuing operations", '"' + continuing + '"')
                .replace("Profit for the year from discontinued operations", '"' + discontinued + '"'));
        FilingReport r = check(copy.dir());
        assertEquals(Set.of(), failing(r));
        assertTrue(applied(r).containsAll(List.of("STD-IS-TAX", "STD-IS-DISCONTINUED")), applied(r).toString());
    }

    @ParameterizedTest(name = "{5} fails when {0}/{1} [{2}][{3}] is {4}")
    @CsvSource(delimiter = '|', value = {
        "ifrs|income-statement.csv|Gross profit|2023|410|STD-IS-GROSS",
        "ifrs|income-statement.csv|Income tax expense|2022|(85)|STD-IS-TAX",
        "ifrs|income-statement.csv|Profit attributable to: > Owners of the Company|2023|210|STD-IS-ATTRIBUTION",
        "ifrs|comprehensive-income.csv|Other comprehensive income for the year|2023|25|STD-CI-TOTAL",
        "ifrs|comprehensive-income.csv|Total comprehensive income attributable to: > Owners of the Company|2022|199|STD-CI-ATTRIBUTION",
        "ifrs|comprehensive-income.csv|Profit for the year|2023|220|STD-CI-PROFIT",
        "ifrs|balance-sheet.csv|Total assets|2023|760|STD-BS-BALANCE",
        "ifrs|balance-sheet.csv|Total equity and liabilities|2022|660|STD-BS-EQUITY-AND-LIABILITIES",
        "ifrs|balance-sheet.csv|Net assets|2023|460|STD-BS-NET-ASSETS",
        "ifrs|balance-sheet.csv|Net assets|2022|390|STD-BS-NET-ASSETS-EQUITY",
        "ifrs|balance-sheet.csv|Non-current assets > Total non-current assets|2023|510|STD-BS-ASSETS",
        "ifrs|balance-sheet.csv|Non-current liabilities > Total non-current liabilities|2023|210|STD-BS-LIABILITIES",
        "ifrs|balance-sheet.csv|Net current assets|2022|120|STD-BS-NET-CURRENT",
        "ifrs|balance-sheet.csv|Total assets less current liabilities|2023|660|STD-BS-TALCL",
        "ifrs|balance-sheet.csv|Equity > Non-controlling interests|2023|40|STD-BS-EQUITY",
        "ifrs|cash-flows.csv|Net cash used in investing activities|2023|(110)|STD-CF-NET",
        "ifrs|cash-flows.csv|Effect of foreign exchange rate changes|2022|(15)|STD-CF-ROLL",
        "ifrs|balance-sheet.csv|Current assets > Cash and cash equivalents|2023|160|STD-CF-CASH-BS",
        "ifrs|cash-flows.csv|Profit before income tax|2023|290|STD-CF-PROFIT",
        "ifrs|cash-flows.csv|Cash and cash equivalents at beginning of year|2023|130|STD-CF-CARRY-2023",
        "ifrs|cash-flows.csv|Cash and cash equivalents at beginning of year|2023|130|STD-CF-OPEN-BS-2023",
        "us|operations.csv|Income from operations|2021|410|STD-IS-OPERATING",
        "us|operations.csv|Loss from equity method investments|2020|(15)|STD-IS-TAX",
        "us|operations.csv|Provision for (benefit from) income taxes|2021|20|STD-IS-TAX",
        "us|operations.csv|Less: net income attributable to non-controlling interests|2021|20|STD-IS-ATTRIBUTION",
        "us|balance-sheets.csv|Redeemable non-controlling interests|2021|60|STD-BS-BALANCE",
        "us|cash-flows.csv|Effect of exchange rate changes on cash and cash equivalents|2021|20|STD-CF-NET",
        "us|cash-flows.csv|Cash and cash equivalents at beginning of year|2020|165|STD-CF-ROLL",
        "us-restricted|cash-flows.csv|Cash and cash equivalents, and restricted cash and cash equivalents > Reclassification from (to) assets held for sale during the period|2021|40|STD-CF-ROLL",
        "hk|profit-or-loss.csv|Profit for the year from discontinued operations|2020|35|STD-IS-DISCONTINUED",
        "hk|profit-or-loss.csv|Taxation|2021|(30)|STD-IS-TAX",
        "hk|profit-or-loss.csv|Other comprehensive income for the year|2020|(13)|STD-CI-TOTAL",
        "hk|financial-position.csv|Non-current liabilities > (unlabelled)|2021|80|STD-BS-BALANCE",
        "hk|financial-position.csv|Net current liabilities|2021|(40)|STD-BS-NET-CURRENT",
        "hk|financial-position.csv|Net current liabilities|2020|(20)|STD-BS-TALCL",
        "hk|financial-position.csv|Net assets|2021|310|STD-BS-NET-ASSETS",
    })
    void rule_oneFigureChanged_fails(String filing, String file, String row, String column, String value, String rule) {
        assertOneFigureChanged_fails(temp, filing, file, row, column, value, rule);
    }

    /**
     * Sets one figure of a copy of the filing and asserts that the rule fails, and that nothing fails in another period
     * (a changes-in-equity rule's column is the matrix's, not a period, so those are left out of that).
     */
    static void assertOneFigureChanged_fails(Path temp, String filing, String file, String row, String column, String value, String rule) {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve(filing), temp);
        copy.set(file, row, column, value);
        FilingReport r = check(copy.dir());
        assertTrue(failing(r).contains(rule), rule + " should fail; failing: " + failing(r));
        assertTrue(r.findings().stream().filter(f -> f.status() != Status.PASS && !f.rule().startsWith("STD-CE-"))
                .allMatch(f -> f.column().equals(column)), "only the changed period fails (a matrix rule's column is the matrix's)");
    }

    @Test
    void filingWithoutRoles_everyStandardRule_isNotApplicable_neverAnError() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("ifrs"), temp);
        copy.write("filing.yaml", copy.read("filing.yaml").replaceAll(", role: [a-z-]+", ""));
        FilingReport r = check(copy.dir());
        assertEquals(List.of(), r.findings());
        assertEquals(PACK.rules().size(), r.basis().notApplicable().size());
        assertTrue(r.basis().notApplicable().get(0).why().startsWith("no table has role"), r.basis().notApplicable().get(0).why());
    }

    @Test
    void itemNotPrinted_ruleIsNotApplicable_andSaysWhichItem() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("ifrs"), temp);
        copy.write("income-statement.csv", copy.read("income-statement.csv").replace("Gross profit", "Contribution"));
        FilingReport r = check(copy.dir());
        NotApplicable gross = r.basis().notApplicable().stream().filter(n -> n.rule().equals("STD-IS-GROSS")).findFirst().orElseThrow();
        assertEquals("table income-statement (income-statement) prints no gross-profit", gross.why());
        assertEquals(Set.of(), failing(r));
    }

    @Test
    void labelMatchingTwoRowsWithDifferentFigures_isNotGuessed() {
        FilingCopy copy = FilingCopy.of(FILINGS.resolve("ifrs"), temp);
        copy.write("balance-sheet.csv", copy.read("balance-sheet.csv") + ",Total assets,1,2\n");
        FilingReport r = check(copy.dir());
        assertTrue(r.basis().notApplicable().stream().anyMatch(n -> n.rule().equals("STD-BS-ASSETS")));
        assertEquals(Set.of(), failing(r));
    }
}
