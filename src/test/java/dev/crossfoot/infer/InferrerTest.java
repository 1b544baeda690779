package dev.crossfoot.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.Filing;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.result.CheckKind;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import dev.crossfoot.rules.Items;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Footing tables without rules: what is found, what is flagged, and what stays silent. */
class InferrerTest {

    @TempDir
    Path temp;

    private record Footed(Inferrer.Inference inference, FilingReport report) {
        List<Finding> with(Status status) {
            return report.findings().stream().filter(f -> f.status() == status).toList();
        }

        /** "total <- item + item" for each confirmed sum or roll-forward, in order. */
        List<String> relations() {
            return inference.confirmed().stream().map(InferrerTest::describe).toList();
        }
    }

    private Footed foot(String csv) throws IOException {
        Path file = temp.resolve("table.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Filing filing = FilingReader.readTable(file);
        Inferrer.Inference inference = new Inferrer(BigDecimal.ZERO).infer(filing);
        FilingReport report = new Checker(CheckOptions.DEFAULT).check(filing, new RuleSet(inference.all()));
        return new Footed(inference, report);
    }

    static String describe(Rule r) {
        if (r instanceof Rule.Sum s) {
            return s.total() + " <- " + names(s.items());
        }
        if (r instanceof Rule.RollForward f) {
            return f.closing() + " <- " + f.opening() + " + " + names(f.movements());
        }
        if (r instanceof Rule.CrossFoot c) {
            return "[" + c.total() + "] <- " + String.join(" + ", c.items());
        }
        return r.kind().key();
    }

    private static String names(Items items) {
        return ((Items.Listed) items).rows().stream().map(RowRef::toString).collect(Collectors.joining(" + "));
    }

    @Test
    void unlabelledSubtotalsAreFoundAndNamedByOccurrence() throws IOException {
        Footed f = foot("""
                label,2023,2022
                Cash,"1,200","1,000"
                Receivables,300,250
                ,"1,500","1,250"
                Plant,900,800
                Goodwill,100,100
                ,"1,000",900
                Total assets,"2,500","2,150"
                """);
        assertEquals(List.of(
                "(unlabelled) #1 <- Cash + Receivables",
                "(unlabelled) #2 <- Plant + Goodwill",
                "Total assets <- (unlabelled) #1 + (unlabelled) #2"), f.relations());
        assertEquals(6, f.with(Status.PASS).size());
        assertEquals(f.report().findings().size(), f.with(Status.PASS).size());
    }

    @Test
    void aTotalSpanningSectionsAddsTheSectionTotals() throws IOException {
        Footed f = foot("""
                label,2019,2018
                Transportation:,,
                Automotive,"$ 5,686","$ 6,092"
                Sensors,914,918
                Total Transportation,"6,600","7,010"
                Industrial:,,
                Equipment,"1,949","1,987"
                Energy,699,712
                Total Industrial,"2,648","2,699"
                Total,"$ 9,248","$ 9,709"
                """);
        assertEquals(List.of(
                "Total Transportation <- Automotive + Sensors",
                "Total Industrial <- Equipment + Energy",
                "Total <- Total Transportation + Total Industrial"), f.relations());
        assertTrue(f.with(Status.WARN).isEmpty());
    }

    @Test
    void percentageRowsInterleavedWithAmountsAreSkipped() throws IOException {
        Footed f = foot("""
                label,2019,2018
                Product revenue,"$ 1,000",$ 900
                % of total,80%,75%
                Service revenue,250,300
                % of total,20%,25%
                Total revenue,"$ 1,250","$ 1,200"
                As a percentage of total revenue,100.0 %,100.0 %
                """);
        assertEquals(List.of("Total revenue <- Product revenue + Service revenue"), f.relations());
        assertTrue(f.inference().nearMisses().isEmpty());
    }

    @Test
    void aTableOfKeyFiguresThatAreNotPartsOfAWholeGivesNothing() throws IOException {
        Footed f = foot("""
                label,2019,2018,2017
                Expected life (in years),4.6,4.7,4.8
                Risk-free interest rate,2.7%,2.0%,1.0%
                Volatility,24%,22%,23%
                Dividend yield,1.7%,1.5%,1.5%
                Weighted-average fair value per share,$10.77,$9.34,$8.18
                Total revenues,"$39,506","$39,383","$37,792"
                Operating income,"$13,535","$13,264","$12,913"
                Net income,"$11,083","$3,587","$9,452"
                Total assets,"$108,709","$137,851","$136,003"
                """);
        assertTrue(f.report().findings().isEmpty(), () -> f.report().findings().toString());
    }

    @Test
    void aRollForwardOpensWhereThePriorPeriodClosed() throws IOException {
        Footed f = foot("""
                label,2023,2022
                Balance at beginning of year,"1,250","1,000"
                Additions,400,350
                Disposals,(50),(100)
                Balance at end of year,"1,600","1,250"
                """);
        assertEquals(1, f.inference().confirmed().size());
        Rule.RollForward roll = assertInstanceOf(Rule.RollForward.class, f.inference().confirmed().get(0));
        assertEquals("Balance at beginning of year", roll.opening().label());
        assertEquals("Balance at end of year", roll.closing().label());
        assertTrue(roll.carryForward(), "the 2023 opening equals the 2022 closing");
        List<Finding> carried = f.report().findings().stream().filter(x -> x.kind() == CheckKind.CARRY_FORWARD).toList();
        assertEquals(1, carried.size());
        assertEquals(Status.PASS, carried.get(0).status());
        assertEquals(3, f.with(Status.PASS).size());
    }

    @Test
    void aRollForwardDownTheRowsTakesThePriorClosingAsOpening() throws IOException {
        Footed f = foot("""
                label,Cost
                At 1 January 2022,"4,000"
                Additions,500
                Disposals,(100)
                At 31 December 2022,"4,400"
                Additions,300
                Disposals,(200)
                At 31 December 2023,"4,500"
                """);
        assertEquals(List.of(
                "At 31 December 2022 <- At 1 January 2022 + Additions #1 + Disposals #1",
                "At 31 December 2023 <- At 31 December 2022 + Additions #2 + Disposals #2"), f.relations());
        f.inference().confirmed().forEach(r -> assertInstanceOf(Rule.RollForward.class, r));
    }

    @Test
    void aOneUnitRoundingDifferencePassesWithinRoundingButNotExactly() throws IOException {
        Footed f = foot("""
                label,2023,2022
                Segment A,10.4,12.0
                Segment B,20.4,13.0
                Segment C,30.4,14.0
                Total,61.3,39.0
                """);
        assertEquals(List.of("Total <- Segment A + Segment B + Segment C"), f.relations());
        Finding rounded = f.report().findings().stream().filter(x -> x.column().equals("2023")).findFirst().orElseThrow();
        assertEquals(Status.PASS, rounded.status());
        assertFalse(rounded.exact(), "61.2 would be printed, not 61.3");
        assertEquals(0, new BigDecimal("-0.1").compareTo(rounded.difference()), rounded.difference().toPlainString());
    }

    @Test
    void aTotalThatFootsInOneYearButNotTheOtherIsANearMissWithItsDiagnosis() throws IOException {
        Footed f = foot("""
                label,2023,2022
                Revenue from products,"4,512","4,100"
                Revenue from services,"1,377","1,250"
                Total revenue,"5,889","5,305"
                """);
        assertEquals(List.of("Total revenue <- Revenue from products + Revenue from services"), f.relations());
        List<Finding> warned = f.with(Status.WARN);
        assertEquals(1, warned.size());
        Finding w = warned.get(0);
        assertEquals("2022", w.column());
        assertTrue(w.rule().startsWith(Inferrer.PREFIX));
        assertTrue(w.message().contains("foot in 2023 but not here"), w.message());
        assertTrue(w.diagnoses().stream().anyMatch(d -> d.text().contains("transposed")), w.diagnoses().toString());
    }

    @Test
    void aLabelledTotalThatIsNotTheSumOfTheRowsAboveStaysSilent() throws IOException {
        Footed f = foot("""
                label,2023,2022
                Revenue,"10,000","9,000"
                Cost of sales,"6,000","5,500"
                Gross profit,"4,000","3,500"
                """);
        assertTrue(f.report().findings().isEmpty(), () -> f.report().findings().toString());
    }

    @Test
    void aLessRowPrintedPositiveIsTakenAwayButALessThanRowIsAdded() throws IOException {
        Footed f = foot("""
                label,2019,2018
                Trade accounts receivable,$875.8,$557.8
                Other,6.8,8.1
                "Total accounts receivable, gross",882.6,565.9
                Less allowance for doubtful accounts,2.0,2.2
                "Total accounts receivable, net",$880.6,$563.7
                Less than one year,100,90
                One to five years,50,40
                Total maturities,150,130
                """);
        Rule.Formula net = assertInstanceOf(Rule.Formula.class, f.inference().confirmed().get(1));
        assertEquals("[Total accounts receivable, net] = [Total accounts receivable, gross] - [Less allowance for doubtful accounts]",
                net.result() + " = " + net.expression());
        assertEquals("Total maturities <- Less than one year + One to five years", describe(f.inference().confirmed().get(2)));
        assertEquals(6, f.with(Status.PASS).size());
    }

    @Test
    void aMatrixColumnThatIsTheSumOfTheColumnsLeftOfItIsACrossFoot() throws IOException {
        Footed f = foot("""
                label,Buildings,Equipment,Vehicles,Total
                Opening,"1,000",500,200,"1,700"
                Additions,100,50,-,150
                Depreciation,(40),(60),(20),(120)
                Closing,"1,060",490,180,"1,730"
                """);
        assertTrue(f.relations().contains("[Total] <- Buildings + Equipment + Vehicles"), f.relations().toString());
        assertTrue(f.relations().contains("Closing <- Opening + Additions + Depreciation"), f.relations().toString());
        assertTrue(f.with(Status.WARN).isEmpty() && f.with(Status.FAIL).isEmpty());
    }

    @Test
    void smallWholeNumbersThatAddUpByChanceAreNotTakenForTotals() throws IOException {
        Footed f = foot("""
                label,2019,2018,2017
                Research credits,(11),(9),(7)
                Change in allowance,6,(49),7
                Stock basis,5,(16),—
                Change in accruals,4,1,—
                Dividends,(2),(2),(4)
                Foreign operations,2,—,(4)
                """);
        assertTrue(f.report().findings().isEmpty(), () -> f.report().findings().toString());
    }

    @Test
    void cellsThatAreNotFiguresNeverMakeAnError() throws IOException {
        Footed f = foot("""
                (In millions),Dec 29 2018,Other,Dec 28 2019
                Group A,"$5,424",$—,"$5,424"
                Group B,"1,579",8,"1,587"
                Total,"$7,003",$8,"$7,011"
                (In millions),"Dec 30, 2017",Other,"Dec 29, 2018"
                Spread,12 bps,n/a,3-5
                """);
        assertTrue(f.relations().contains("Total <- Group A + Group B"), f.relations().toString());
        assertTrue(f.with(Status.ERROR).isEmpty());
    }

    @Test
    void aRowLabelledLikeTheUnlabelledPlaceholder_isInNoRelation_andNeverAnError() throws IOException {
        // found by LooseTableFuzzTest: "(unlabelled)" names rows without a label, so no reference names this row
        Footed f = foot("""
                label,2019,2018
                (unlabelled),"1,452.4","1,146.2"
                Other,44.1,56.7
                Total sales,"1,496.5","1,202.9"
                Fixed price,"1,452.4","1,146.2"
                More,44.1,56.7
                Total,"1,496.5","1,202.9"
                """);
        assertEquals(List.of("Total <- Fixed price + More"), f.relations());
        assertTrue(f.with(Status.ERROR).isEmpty());
    }

    @Test
    void aLabelledTotalOfSmallFiguresThatAddUpByChance_isNotConfirmed() throws IOException {
        // issue 18: "Total" = A + B holds within rounding in both columns (3 + 0 against 2, 0 + 1 against 2), but
        // no total is 5 times its rounding tolerance, so nothing is evidence of a relation
        Footed f = foot("""
                label,2023,2022
                A,3,0
                B,0,1
                Total,2,2
                """);
        assertEquals(List.of(), f.relations());
        assertTrue(f.report().findings().isEmpty(), () -> f.report().findings().toString());
    }

    @Test
    void aColumnWhereEachRowIsTheSumOfAllRowsAbove_givesNoCascadeOfNearMisses() throws IOException {
        // issue 18: 1, 1, 2, 4, 8, ...: each row is the sum of every row above it, totals included; a total
        // found early then stands for its items, so every later row misses by a fixed amount that becomes a
        // tiny fraction of the figures (a "near-miss" in every column of every row)
        StringBuilder csv = new StringBuilder("label,2023,2022\n");
        BigDecimal sum = BigDecimal.ONE;
        csv.append("Total 1,1,1\n");
        for (int i = 2; i <= 45; i++) {
            csv.append("Total ").append(i).append(',').append(sum).append(',').append(sum).append('\n');
            sum = sum.add(sum);
        }
        Footed f = foot(csv.toString());
        assertEquals(List.of(), f.inference().nearMisses().stream().map(r -> r.info().title()).toList());
        assertEquals(0, f.with(Status.WARN).size());
        assertEquals(0, f.with(Status.FAIL).size());
    }

    @Test
    void aSectionOfOneItem_itsSubtotalStandsForTheItem_andTheTotalBelowFootsWithoutANearMiss() throws IOException {
        // issue 12 (Emperor's cash-flow statement): the investing section prints one item and its subtotal;
        // counting both made the net change miss by that item, a false near-miss in both years
        Footed f = foot("""
                label,2021,2020
                OPERATING ACTIVITIES,,
                Loss before tax,"(541,560)","(679,607)"
                Interest received,"3,701,774","(922,415)"
                NET CASH FROM (USED IN) OPERATING ACTIVITIES,"3,160,214","(1,602,022)"
                INVESTING ACTIVITIES,,
                Purchase of property and equipment,(274),"(1,074)"
                NET CASH USED IN INVESTING ACTIVITIES,(274),"(1,074)"
                FINANCING ACTIVITIES,,
                Drawdown on bank borrowings,"3,470,000","34,502,200"
                Repayment of bank borrowings,"(6,457,910)","(33,952,580)"
                NET CASH (USED IN) FROM FINANCING ACTIVITIES,"(2,987,910)","549,620"
                NET INCREASE (DECREASE) IN CASH AND CASH EQUIVALENTS,"172,030","(1,053,476)"
                """);
        assertEquals(List.of(), f.with(Status.WARN), () -> f.with(Status.WARN).toString());
        assertTrue(f.relations().contains("NET INCREASE (DECREASE) IN CASH AND CASH EQUIVALENTS <- "
                + "NET CASH FROM (USED IN) OPERATING ACTIVITIES + NET CASH USED IN INVESTING ACTIVITIES"
                + " + NET CASH (USED IN) FROM FINANCING ACTIVITIES"), f.relations().toString());
    }

    @Test
    void aSectionOfOneItem_isCheckedAsTheSumOfThatItem_soAMisprintedItemFails() throws IOException {
        // Emperor's investing section and JLIF's non-current assets: the item and its subtotal were in no check,
        // so a misprint of either went unseen; the subtotal is now the sum of its one item
        String table = """
                label,2021,2020
                Loss before tax,"(541,560)","(679,607)"
                Interest received,"3,701,774","(922,415)"
                NET CASH FROM (USED IN) OPERATING ACTIVITIES,"3,160,214","(1,602,022)"
                INVESTING ACTIVITIES,,
                Purchase of property and equipment,(274),"(1,074)"
                NET CASH USED IN INVESTING ACTIVITIES,(274),"(1,074)"
                """;
        Footed f = foot(table);
        assertTrue(f.relations().contains("NET CASH USED IN INVESTING ACTIVITIES <- Purchase of property and equipment"),
                f.relations().toString());
        assertEquals(0, f.with(Status.FAIL).size() + f.with(Status.WARN).size());
        // a heading's one item is not a total of anything when the row below it prints other figures
        Footed other = foot(table.replace("NET CASH USED IN INVESTING ACTIVITIES,(274)", "NET CASH USED IN INVESTING ACTIVITIES,(275)"));
        assertFalse(other.relations().stream().anyMatch(r -> r.startsWith("NET CASH USED IN INVESTING")), other.relations().toString());
    }

    @Test
    void anUnlabelledSubtotalBelowASectionOfOneItem_isTheSumOfThatItem() throws IOException {
        // JLIF's income statement: "Attributable to:" / "Owners of the Company" / an unlabelled line of the same figures
        Footed f = foot("""
                label,2015,2014
                Profit before tax,"46,966","67,158"
                Tax,–,–
                Profit for the year,"46,966","67,158"
                Attributable to:,,
                Owners of the Company,"46,966","67,158"
                ,"46,966","67,158"
                """);
        assertTrue(f.relations().contains("(unlabelled) <- Owners of the Company"), f.relations().toString());
        assertEquals(0, f.with(Status.FAIL).size() + f.with(Status.WARN).size());
    }

    @Test
    void anUnlabelledRowPrintingTheFiguresOfARowWithoutAHeading_isNoTotal() throws IOException {
        // the same figures twice, with no heading over the first, are no section of one item
        Footed f = foot("""
                label,2015,2014
                Revenue,"46,966","67,158"
                Costs,"(1,000)","(2,000)"
                Other,"46,966","67,158"
                ,"46,966","67,158"
                """);
        assertFalse(f.relations().stream().anyMatch(r -> r.startsWith("(unlabelled)")), f.relations().toString());
    }

    @Test
    void aSubtotalClosingASectionOfOneItem_standsForIt_evenWithoutATotalLabel() throws IOException {
        // issue 12 (Emperor's income statement): "Other comprehensive income (expense) for the year" closes its
        // section of one item; counted beside that item, the total comprehensive expense missed by it
        Path dir = temp.resolve("filing");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("filing.yaml"), """
                issuer: Test
                periods: ["2021", "2020"]
                tables:
                  - id: is
                    title: Income statement
                    file: is.csv
                    unit: "HK$'000"
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("is.csv"), """
                section,label,2021,2020
                "",Revenue,"676,812","917,407"
                "",Expenses,"(1,218,372)","(1,597,014)"
                "",Loss before tax,"(541,560)","(679,607)"
                "",Income tax expense,"(34,534)","(10,140)"
                "",Loss for the year,"(576,094)","(689,747)"
                "",Other comprehensive income (expense),,
                Other comprehensive income (expense),Item that may be reclassified subsequently:,,
                Item that may be reclassified subsequently:,Exchange differences on translation,123,(166)
                Other comprehensive income (expense),Other comprehensive income (expense) for the year,123,(166)
                "",Total comprehensive expense for the year,"(575,971)","(689,913)"
                """, StandardCharsets.UTF_8);
        Filing filing = new Checker(CheckOptions.DEFAULT).load(dir, false).filing();
        Inferrer.Inference inference = new Inferrer(BigDecimal.ZERO).infer(filing);
        assertEquals(List.of(), inference.nearMisses().stream().map(r -> r.info().title()).toList());
        assertTrue(inference.confirmed().stream().map(InferrerTest::describe).toList().contains(
                "Total comprehensive expense for the year <- Loss for the year + "
                        + "Other comprehensive income (expense) for the year"),
                () -> inference.confirmed().stream().map(InferrerTest::describe).toList().toString());
    }

    @Test
    void aColumnWhereEachRowIsTheSumOfAllRowsAbove_confirmsTheRunThatAddsUpExactly_notACoincidenceWithinRounding() throws IOException {
        // issue 18: in 1, 1, 2, 4, 8, 16 the run 2 + 4 + 8 = 14 reaches 16 only at the very edge of its rounding
        // (each figure taken half a unit up); the whole run above adds up to 16 exactly, and that is the total
        StringBuilder csv = new StringBuilder("label,2023,2022\nRow 1,1,1\n");
        BigDecimal sum = BigDecimal.ONE;
        for (int i = 2; i <= 12; i++) {
            csv.append("Row ").append(i).append(',').append(sum).append(',').append(sum).append('\n');
            sum = sum.add(sum);
        }
        Footed f = foot(csv.toString());
        assertEquals(List.of("Row 6 <- Row 1 + Row 2 + Row 3 + Row 4 + Row 5"), f.relations());
        assertTrue(f.report().findings().stream().allMatch(x -> x.status() == Status.PASS
                && x.figures().difference().signum() == 0), () -> f.report().findings().toString());
    }

    @Test
    void aConfirmedTotal_claimsNoColumnWhereItHoldsOnlyByTheRoundingOfSmallFigures() throws IOException {
        // issue 18: Total = A + B is evident in 2023 (30 = 30 + 0); in 2022, 2 against 0 + 1 holds within rounding
        // only, and 2 is not 5 times its tolerance: a coincidence, not a check that passes
        Footed f = foot("""
                label,2023,2022
                A,30,0
                B,0,1
                Total,30,2
                """);
        assertEquals(List.of("Total <- A + B"), f.relations());
        assertEquals(List.of("2023"), f.report().findings().stream().map(Finding::column).toList());
    }

    @Test
    void aColumnOfPercentagesUnderAHeaderWithoutPercent_isLeftOut_andTheTotalsBesideItAreFound() throws IOException {
        // issue 13 (TAT-QA dev133): "Actual" and "Constant" hold growth rates; judged by their header, every row
        // held a percentage and was skipped, hiding the table's totals
        Footed f = foot("""
                "Year Ended May 31, (Dollars in millions)",2019,Actual,Constant,2018
                Americas,"$18,410",2%,3%,"$18,030"
                EMEA,"9,168",0%,4%,"9,163"
                Asia Pacific,"5,004",3%,7%,"4,848"
                Total revenues,"32,582",2%,4%,"32,041"
                """);
        assertEquals(List.of("Total revenues <- Americas + EMEA + Asia Pacific"), f.relations());
        assertEquals(List.of("2019", "2018"), f.report().findings().stream().map(Finding::column).toList());
    }

    @Test
    void aBalanceLabelledWithADate_closesARollForward() throws IOException {
        // issue 13 (TAT-QA dev034): "Outstanding at September 30, 2017" is a closing balance; in a table of one
        // additive column, only a label that says total is evidence enough
        Footed f = foot("""
                label,Number of Shares,Weighted-Average Exercise Price Per Share
                "Outstanding at September 30, 2016","3,015,374",$3.95
                Granted,"147,800",$7.06
                Exercised,"(235,514)",$2.92
                Canceled,"(81,794)",$3.59
                "Outstanding at September 30, 2017","2,845,866",$4.21
                """);
        assertEquals(List.of("Outstanding at September 30, 2017 <- Outstanding at September 30, 2016 + Granted + Exercised + Canceled"),
                f.relations());
    }

    private static String formula(Rule r) {
        Rule.Formula f = assertInstanceOf(Rule.Formula.class, r, r::toString);
        return f.result() + " = " + f.expression();
    }

    @Test
    void aTotalPrintedAboveItsParts_isTheSumOfTheRowsBelow_eachBreakdownStandingForItsRow() throws IOException {
        // issue 13 (TAT-QA dev216): the total energy heads the table; direct energy is broken down below it
        // ("Including:" three fuels), indirect energy into one row that prints its figures
        Footed f = foot("""
                label,2019,2018
                Total energy consumption (MWh),"205,092.26","167,488.48"
                Direct energy consumption (MWh),"19,144.17","12,852.04"
                Including: Gasoline (MWh),805.77,780.24
                Diesel (MWh),41.33,42.10
                Natural gas (MWh),"18,297.07","12,029.70"
                Indirect energy consumption (MWh),"185,948.09","154,636.44"
                Including: Purchased electricity (MWh),"185,948.09","154,636.44"
                Running water consumption (tonnes),"1,283,749.73","973,413.06"
                """);
        assertEquals(List.of(
                "Direct energy consumption (MWh) <- Including: Gasoline (MWh) + Diesel (MWh) + Natural gas (MWh)",
                "Total energy consumption (MWh) <- Direct energy consumption (MWh) + Indirect energy consumption (MWh)"),
                f.relations());
        assertEquals(4, f.with(Status.PASS).size());
        assertEquals(f.report().findings().size(), f.with(Status.PASS).size());
    }

    @Test
    void aTotalPrintedAboveRowsThatDoNotAddUpToIt_staysSilent() throws IOException {
        // key figures under a first row labelled as a total: no run below it foots in both years, and a total
        // printed above its parts is never a near-miss
        Footed f = foot("""
                label,2019,2018
                Total revenues,"39,506","39,383"
                Operating income,"13,535","13,264"
                Net income,"11,083","3,587"
                Capital expenditure,"2,100","2,050"
                """);
        assertEquals(List.of(), f.relations());
        assertTrue(f.report().findings().isEmpty(), () -> f.report().findings().toString());
    }

    @Test
    void aTotalPrintedAboveItsParts_thatFootsInOneYearOnly_isNeitherConfirmedNorFlagged() throws IOException {
        // every column where the total has a figure must hold: 2019 adds up, 2018 misses by 100
        Footed f = foot("""
                label,2019,2018
                Total energy consumption (MWh),"205,092","167,588"
                Direct energy consumption (MWh),"19,144","12,852"
                Indirect energy consumption (MWh),"185,948","154,636"
                """);
        assertEquals(List.of(), f.relations());
        assertTrue(f.report().findings().isEmpty(), () -> f.report().findings().toString());
    }

    @Test
    void aSectionOfCostsTakenAwayInOneYearOnly_isNeitherConfirmedNorFlagged() throws IOException {
        // the margin is revenues less expenses in 2019 only (2018 misses by 1,000): no reading the layout signals
        // holds in every column, and such a reading is never a near-miss
        Footed f = foot("""
                "(Dollars in millions)",2019,2018
                Americas,"$18,410","$18,030"
                EMEA,"14,172","14,011"
                Total revenues,"32,582","32,041"
                Expenses:,,
                Cloud services and license support,"3,597","3,441"
                Sales and marketing,"7,398","7,213"
                Total expenses,"10,995","10,654"
                Total Margin,"$21,587","$22,387"
                """);
        assertEquals(List.of("Total revenues <- Americas + EMEA", "Total expenses <- Cloud services and license support + Sales and marketing"),
                f.relations());
        assertTrue(f.with(Status.WARN).isEmpty(), () -> f.with(Status.WARN).toString());
    }

    @Test
    void aSectionOfCostsWithItsOwnTotal_isTakenAwayInTheMarginBelowIt() throws IOException {
        // issue 13 (TAT-QA dev133): Total Margin is total revenues less total expenses, both printed positive; the
        // heading "Expenses:" and the label "Margin" say so, not a "Less" row
        Footed f = foot("""
                "(Dollars in millions)",2019,2018
                Americas,"$18,410","$18,030"
                EMEA,"9,168","9,163"
                Asia Pacific,"5,004","4,848"
                Total revenues,"32,582","32,041"
                Expenses:,,
                Cloud services and license support,"3,597","3,441"
                Sales and marketing,"7,398","7,213"
                Total expenses,"10,995","10,654"
                Total Margin,"$21,587","$21,387"
                """);
        assertEquals(3, f.inference().confirmed().size(), f.relations()::toString);
        assertEquals("[Total Margin] = [Total revenues] - [Total expenses]", formula(f.inference().confirmed().get(2)));
        assertEquals(6, f.with(Status.PASS).size());
        assertEquals(f.report().findings().size(), f.with(Status.PASS).size());
    }

    @Test
    void aSectionOfCostsWithItsOwnTotal_isAddedInATotalThatNamesNoResult() throws IOException {
        // "Total" names no margin, profit or income: what it adds is as printed, and 32,582 + 10,995 is no total here
        Footed f = foot("""
                "(Dollars in millions)",2019,2018
                Americas,"$18,410","$18,030"
                EMEA,"14,172","14,011"
                Total revenues,"32,582","32,041"
                Expenses:,,
                Cloud services and license support,"3,597","3,441"
                Sales and marketing,"7,398","7,213"
                Total expenses,"10,995","10,654"
                Total,"$21,587","$21,387"
                """);
        assertEquals(List.of("Total revenues <- Americas + EMEA", "Total expenses <- Cloud services and license support + Sales and marketing"),
                f.relations());
    }

    @Test
    void aLessRowPrintedNegative_isTakenAway_whenAnotherLessRowOfItsRunIsPrintedPositive() throws IOException {
        // issue 13 (TAT-QA dev058): the issuer prints what it takes away as it stands; the current part of a
        // negative financing component is a negative amount taken away
        Footed f = foot("""
                label,2019,2018
                Accrued receivables,"399,302","336,858"
                Significant financing component,"(35,569 )","(35,029 )"
                "Total accrued receivables, net","363,733","301,829"
                Less: current accrued receivables,"161,714","123,053"
                Less: current significant financing component,"(11,022 )","(10,234 )"
                "Total long-term accrued receivables, net","213,041","189,010"
                """);
        assertEquals(2, f.inference().confirmed().size(), f.relations()::toString);
        assertEquals("[Total long-term accrued receivables, net] = [Total accrued receivables, net] - [Less: current accrued receivables]"
                + " - [Less: current significant financing component]", formula(f.inference().confirmed().get(1)));
        assertEquals(4, f.with(Status.PASS).size());
        assertEquals(f.report().findings().size(), f.with(Status.PASS).size());
    }

    @Test
    void aLessRowPrintedNegativeAlone_isAdded() throws IOException {
        // TAT-QA dev110: "Less Voyage expenses (141,770)" carries its sign; with no other "Less" row printed
        // positive in its run, it is added as printed
        Footed f = foot("""
                label,2019,2018
                Voyage Revenue,"317,220","289,016"
                Less Voyage expenses,"(141,770)","(165,012)"
                Net Voyage Revenue,"175,450","124,004"
                """);
        assertEquals(List.of("Net Voyage Revenue <- Voyage Revenue + Less Voyage expenses"), f.relations());
    }

    @Test
    void aTotalAddsTheSubtotalThatRowsBelowItTakeAPartFrom_notWhatIsLeftOfIt() throws IOException {
        // issue 13 (TAT-QA dev058): the long-term part of accrued receivables is their total less its current part;
        // the total receivables add billed receivables and all accrued receivables, the subtotal two rows up
        Footed f = foot("""
                label,2019,2018
                Billed receivables,"$213,654","$239,275"
                Allowance for doubtful accounts,"(5,149)","(3,912)"
                "Billed receivables, net","208,505","235,363"
                Accrued receivables,"399,302","336,858"
                Significant financing component,"(35,569 )","(35,029 )"
                "Total accrued receivables, net","363,733","301,829"
                Less: current accrued receivables,"161,714","123,053"
                "Total long-term accrued receivables, net","202,019","178,776"
                "Total receivables, net","$572,238","$537,192"
                """);
        assertEquals("Total receivables, net <- Billed receivables, net + Total accrued receivables, net",
                describe(f.inference().confirmed().get(3)));
        assertEquals(8, f.with(Status.PASS).size());
        assertEquals(f.report().findings().size(), f.with(Status.PASS).size());
    }

    private Inferrer.Inference footFiling(String yaml, String... tables) throws IOException {
        Path dir = temp.resolve("filing");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("filing.yaml"), yaml, StandardCharsets.UTF_8);
        for (int i = 0; i < tables.length; i += 2) {
            Files.writeString(dir.resolve(tables[i]), tables[i + 1], StandardCharsets.UTF_8);
        }
        Filing filing = new Checker(CheckOptions.DEFAULT).load(dir, false).filing();
        return new Inferrer(BigDecimal.ZERO).infer(filing);
    }

    private static final String TWO_TABLES = """
            issuer: Test
            periods: ["2021", "2020"]
            tables:
              - id: balance-sheet
                title: Balance sheet
                role: balance-sheet
                file: bs.csv
                unit: "HK$'000"
              - id: note-24
                title: Trade receivables
                role: note
                file: note.csv
                unit: "HK$ million"
            """;

    @Test
    void theSameLineItemInANoteAndTheStatement_isTiedInEachPeriod_acrossUnits() throws IOException {
        // issue 13: a note's total and the statement line of the same name, in HK$ million against HK$'000
        Inferrer.Inference inference = footFiling(TWO_TABLES, "bs.csv", """
                section,label,2021,2020
                "",Inventories,"4,150","3,020"
                "",Trade receivables,"27,611","19,766"
                """, "note.csv", """
                section,label,2021,2020
                "",Trade receivables – third parties,20.1,15.0
                "",Trade receivables – related parties,7.5,4.8
                "",Total trade receivables,27.6,19.8
                """);
        List<Rule> ties = inference.confirmed().stream().filter(r -> r.kind() == dev.crossfoot.rules.RuleKind.TIE).toList();
        assertEquals(1, ties.size(), ties::toString);
        Rule.Tie tie = (Rule.Tie) ties.get(0);
        assertEquals("note-24", tie.figure().table(), "the rounder figure is the one reported");
        assertEquals(List.of("2021", "2020"), tie.columns());
        assertTrue(tie.info().title().contains("matched by label"), tie.info().title());
        assertEquals(List.of(), inference.nearMisses());
    }

    @Test
    void twoRowsOfTheSameNameThatDisagreeByMuch_areNotTied_andRaiseNothing() throws IOException {
        // a segment's "Revenue" is not the group's: never a tie on the label alone when the figures are far apart
        Inferrer.Inference inference = footFiling(TWO_TABLES, "bs.csv", """
                section,label,2021,2020
                "",Revenue,"27,611","19,766"
                """, "note.csv", """
                section,label,2021,2020
                "",Revenue,20.1,19.8
                """);
        assertEquals(List.of(), inference.confirmed());
        assertEquals(List.of(), inference.nearMisses());
    }

    @Test
    void aTieThatHoldsInOnePeriodAndMissesNarrowlyInAnother_isANearMiss() throws IOException {
        Inferrer.Inference inference = footFiling(TWO_TABLES, "bs.csv", """
                section,label,2021,2020
                "",Trade receivables,"27,611","19,766"
                """, "note.csv", """
                section,label,2021,2020
                "",Trade receivables,27.6,19.7
                """);
        assertEquals(1, inference.confirmed().size());
        assertEquals(List.of("2020"), ((Rule.Tie) inference.nearMisses().get(0)).columns());
    }

    @Test
    void aRowThatMissesOnlyByAnItemPrintedForOneYear_isNoNearMiss() throws IOException {
        // issue 13: the run A + B foots in 2021 and 2020 and misses 2019 by 100, which C above them, printed for 2019
        // only, makes up; stopping short of C flagged a false near-miss
        Footed f = foot("""
                label,2021,2020,2019
                Z,50,50,50
                C,,,100
                A,"1,000","2,000","5,000"
                B,"2,000","3,000","6,000"
                Segment result,"3,000","5,000","11,100"
                """);
        assertEquals(List.of(), f.with(Status.WARN), () -> f.with(Status.WARN).toString());
        assertEquals(List.of("2021", "2020"), f.with(Status.PASS).stream().map(Finding::column).toList());
    }

    @Test
    void crossFoot_oneRowFarOffAColumnNamedTotal_whileEveryOtherRowFoots_isANearMiss() throws IOException {
        // a changes-in-equity matrix whose credit-risk line misprints a dash in Share capital as 997 (issue 13's
        // mutation test): the row is far off its Total, but every other row cross-foots, three of them with evidence
        Footed f = foot("""
                label,Share capital,Reserves,Accumulated losses,Total,Non-controlling interests,Total equity
                As at January 1,5,"1,000",(400),605,10,615
                Loss for the year,-,-,(60),(60),(5),(65)
                Credit risk,997,(37),-,(37),-,(37)
                Exchange differences,-,20,-,20,2,22
                Total comprehensive loss,-,(17),(60),(77),(3),(80)
                Share options,-,100,-,100,-,100
                As at December 31,5,"1,083",(460),628,7,635
                """);
        List<Finding> warned = f.with(Status.WARN).stream().filter(x -> x.id().contains("XF-Total-NEAR")).toList();
        assertEquals(1, warned.size(), f.report().findings().toString());
        assertEquals("Credit risk", warned.get(0).cells().get(0).row());
    }

    @Test
    void crossFoot_throughAMarkerTheFilingBounds_findsTheMisprintInThatRow() throws IOException {
        // SenseTime's 2022 changes in equity print share capital '*' (less than RMB1,000) on two rows: read as its
        // range, the row is inside the cross-foot, so a dash misprinted 997 on it is flagged
        Files.writeString(temp.resolve("filing.yaml"), """
                issuer: Test
                document: markers
                periods: ["2022"]
                markers:
                  "*":
                    meaning: the amount is less than RMB1,000
                    min: "0"
                    max: "1"
                    unit: RMB'000
                tables:
                  - id: equity
                    title: Changes in equity
                    file: equity.csv
                    unit: RMB'000
                """, StandardCharsets.UTF_8);
        Files.writeString(temp.resolve("equity.csv"), """
                label,Share capital,Reserves,Accumulated losses,Total
                As at January 1,5,"1,000",(400),605
                Loss for the year,-,-,(60),(60)
                Over-allotment,*,692,997,692
                Share options,-,100,-,100
                Exchange differences,-,20,(10),10
                As at December 31,5,"1,812",(470),"1,347"
                """, StandardCharsets.UTF_8);
        Filing filing = FilingReader.read(temp);
        Inferrer.Inference inference = new Inferrer(BigDecimal.ZERO).infer(filing);
        FilingReport report = new Checker(CheckOptions.DEFAULT).check(filing, new RuleSet(inference.all()));
        List<Finding> warned = report.findings().stream().filter(x -> x.status() == Status.WARN && x.id().contains("XF-Total")).toList();
        assertEquals(1, warned.size(), report.findings().toString());
        assertEquals("Over-allotment", warned.get(0).cells().get(0).row());
    }
}
