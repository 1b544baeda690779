package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each quirk of announcement text, on a small sample written here ("\t" separates cells, as printed). */
class ExtractorTest {

    static Extraction extract(String... lines) {
        return Extractor.extract("sample.txt", List.of(lines));
    }

    static Extraction.Table only(Extraction x) {
        assertEquals(1, x.tables().size(), () -> "tables: " + x.tables());
        return x.tables().get(0);
    }

    /** Rows as "section > label: cell | cell". */
    static List<String> rows(Extraction.Table t) {
        return t.rows().stream()
                .map(r -> (r.section().isEmpty() ? "" : r.section() + " > ") + r.label() + ": " + String.join(" | ", r.cells()))
                .collect(Collectors.toList());
    }

    @Test
    void markup_isRemoved_andFiguresKeptExactlyAsPrinted() {
        Extraction.Table t = only(extract(
                "\tYear ended December 31,\t",
                "\t2023\t2022",
                "\t<i>RMB'000</i>\t<i>RMB'000</i>",
                "Revenue\t3,405,842\t3,808,510",
                "Cost of sales\t<u>(1,905,055)</u>\t<u>(1,266,243)</u>",
                "Gross profit\t1,500,787\t2,542,267",
                "Put option liability\t–\t278,584",
                "\t<hr/>\t<hr/>"));
        assertEquals(List.of("2023", "2022"), t.columns());
        assertEquals("RMB'000", t.unit());
        assertEquals(List.of("Revenue: 3,405,842 | 3,808,510", "Cost of sales: (1,905,055) | (1,266,243)",
                "Gross profit: 1,500,787 | 2,542,267", "Put option liability: – | 278,584"), rows(t));
    }

    @Test
    void unitLine_readInEachPrintedForm() {
        assertEquals("RMB'000", only(extract("\t2023\t2022", "\tRMB'000\tRMB'000", "A\t1\t2", "B\t3\t4")).unit());
        assertEquals("RMB million", only(extract("\t2023\t2022", "\t<i>RMB million</i>\t<i>RMB million</i>", "A\t1.0\t2.0")).unit());
        Extraction.Table split = only(extract(
                "\t2023\t\t2022\t",
                "\t<i>RMB</i>\t\t<i>RMB</i>\t",
                "\t<i>million</i>\t<i>%</i>\t<i>million</i>\t<i>%</i>",
                "Generative AI\t1,183.7\t34.8\t394.7\t10.4",
                "Total\t<u>3,405.8</u>\t<u>100.0</u>\t<u>3,808.5</u>\t<u>100.0</u>"));
        assertEquals("RMB million", split.unit());
        assertEquals(List.of("2023", "2023 %", "2022", "2022 %"), split.columns());
        assertEquals(Map.of("2023 %", "%", "2022 %", "%"), split.columnUnits());
    }

    @Test
    void noteColumn_isKeptApartFromTheFigures() {
        Extraction.Table t = only(extract(
                "\t\tAs at December 31,\t",
                "\t\t2023\t2022",
                "\t<i>Note</i>\t<i>RMB'000</i>\t<i>RMB'000</i>",
                "Borrowings\t<i>14</i>\t4,278,686\t2,907,153",
                "Lease liabilities\t\t145,290\t105,228"));
        assertEquals(List.of("Note", "2023", "2022"), t.columns());
        assertEquals("text", t.columnUnits().get("Note"));
        assertEquals(List.of("Borrowings: 14 | 4,278,686 | 2,907,153", "Lease liabilities:  | 145,290 | 105,228"), rows(t));
    }

    @Test
    void labelOnlyLines_becomeTheSectionOfTheRowsUnderThem_andTotalsCloseThem() {
        Extraction.Table t = only(extract(
                "\t2023\t2022",
                "\tRMB'000\tRMB'000",
                "Current\t\t",
                "Deferred service fee income\t31,934\t50,879",
                "Advances from customers\t234,025\t156,692",
                "\t265,959\t207,571",
                "Non-current\t\t",
                "Deferred service fee income\t24,650\t74,553"));
        assertEquals(List.of("Current:  | ", "Current > Deferred service fee income: 31,934 | 50,879",
                "Current > Advances from customers: 234,025 | 156,692", "Current > : 265,959 | 207,571",
                "Non-current:  | ", "Non-current > Deferred service fee income: 24,650 | 74,553"), rows(t));
    }

    @Test
    void unlabelledTotalSpanningTwoSections_staysAtTopLevel() {
        Extraction.Table t = only(extract(
                "\t2023\t2022",
                "\tRMB'000\tRMB'000",
                "Bank's notes receivables\t\t",
                "– Up to 6 months\t13,236\t31,673",
                "Commercial notes receivables\t\t",
                "– 6 months to 1 year\t–\t–",
                "– Over 1 year\t49,000\t49,000",
                "\t<u>62,236</u>\t<u>80,673</u>"));
        assertEquals(": 62,236 | 80,673", rows(t).get(rows(t).size() - 1));
        assertEquals("Commercial notes receivables > – Over 1 year: 49,000 | 49,000", rows(t).get(4));
    }

    @Test
    void nestedSections_closeAtTheTotalThatAddsThemUp() {
        Extraction.Table t = only(extract(
                "\t2023\t2022",
                "\tRMB'000\tRMB'000",
                "Assets\t\t",
                "Non-current assets\t\t",
                "Property, plant and equipment\t7,378,707\t6,999,010",
                "Intangible assets\t325,675\t332,887",
                "\t<u>7,704,382</u>\t<u>7,331,897</u>",
                "Current assets\t\t",
                "Term deposits\t1,099,898\t6,212,878",
                "Cash and cash equivalents\t9,423,495\t7,962,813",
                "\t<u>10,523,393</u>\t<u>14,175,691</u>",
                "Total assets\t<u>18,227,775</u>\t<u>21,507,588</u>",
                "Net current assets\t13,653,166\t18,201,175"));
        List<String> rows = rows(t);
        assertEquals("Non-current assets > : 7,704,382 | 7,331,897", rows.get(4));
        assertEquals("Assets > Current assets:  | ", rows.get(5));
        assertEquals("Current assets > : 10,523,393 | 14,175,691", rows.get(8));
        assertEquals("Assets > Total assets: 18,227,775 | 21,507,588", rows.get(9));
        assertEquals("Net current assets: 13,653,166 | 18,201,175", rows.get(10));
    }

    @Test
    void tableSplitByAPageBreak_isJoined_evenWhenThePartsHaveDifferentColumns() {
        Extraction x = extract(
                "CONSOLIDATED STATEMENT OF CASH FLOWS",
                "",
                "\t\tYear ended December 31,\t",
                "\t\t2023\t2022",
                "\t<i>Note</i>\tRMB'000\tRMB'000",
                "Cash flows from operating activities\t\t\t",
                "Cash used in operations\t\t(3,212,329)\t(3,073,538)",
                "Income tax paid\t\t(21,931)\t(10,945)",
                "Net cash used in operating activities\t\t(3,234,260)\t(3,084,483)",
                "",
                "\tYear ended December 31,\t",
                "\t2023\t2022",
                "\tRMB'000\tRMB'000",
                "Cash flows from financing activities\t\t",
                "Proceeds from borrowings\t1,644,677\t2,969,496",
                "Net cash generated from financing activities\t1,644,677\t2,969,496");
        Extraction.Table t = only(x);
        assertEquals("cash-flows", t.id());
        assertEquals(List.of("Note", "2023", "2022"), t.columns());
        assertEquals("Cash flows from financing activities > Proceeds from borrowings:  | 1,644,677 | 2,969,496", rows(t).get(5));
        assertEquals(3, t.firstLine());
        assertEquals(16, t.lastLine());
    }

    @Test
    void twoTablesWithTheSameTitle_areToldApartByPeriod_andKeepTheirOwnColumnOrder() {
        Extraction x = extract(
                "NOTES TO THE CONSOLIDATED FINANCIAL STATEMENTS",
                "",
                "10 PROPERTY, PLANT AND EQUIPMENT",
                "",
                "\tBuildings RMB'000\tComputers RMB'000\tTotal RMB'000",
                "At January 1, 2023\t\t\t",
                "Cost\t4,561,346\t603,069\t5,164,415",
                "",
                "\tComputers RMB'000\tBuildings RMB'000\tTotal RMB'000",
                "At January 1, 2022\t\t\t",
                "Cost\t424,198\t974,306\t1,398,504");
        assertEquals(List.of("note-10-property-plant-and-equipment-2023", "note-10-property-plant-and-equipment-2022"),
                x.tables().stream().map(Extraction.Table::id).toList());
        assertEquals(List.of("Buildings", "Computers", "Total"), x.tables().get(0).columns());
        assertEquals(List.of("Computers", "Buildings", "Total"), x.tables().get(1).columns());
        assertEquals("RMB'000", x.tables().get(1).unit());
        assertEquals("At January 1, 2022 > Cost: 424,198 | 974,306 | 1,398,504", rows(x.tables().get(1)).get(1));
    }

    @Test
    void labelPrintedOnTheLineAfterItsFigures_isAttachedToThatRow_andReported() {
        Extraction x = extract(
                "\t2023\t2022",
                "\t<i>RMB million</i>\t<i>RMB million</i>",
                "Due from third parties\t7,909.0\t7,748.9",
                "Provision for impairment\t(4,191.4)\t(2,578.5)",
                "\t<u>3,717.6</u>\t<u>5,170.4</u>",
                "Total\t\t");
        Extraction.Table t = only(x);
        assertEquals("Total: 3,717.6 | 5,170.4", rows(t).get(2));
        assertEquals(3, t.rows().size());
        assertTrue(x.notices().stream().anyMatch(n -> n.line() == 6 && n.message().contains("'Total'")
                && n.message().contains("line 5")), x.notices().toString());
    }

    @Test
    void tabSeparatedLinesWithoutFigures_areReportedWithTheirLines_notDroppedSilently() {
        Extraction x = extract(
                "Intro text.",
                "IFRS 17\tInsurance Contracts",
                "Amendments to IAS 8\tDefinition of Accounting Estimates",
                "",
                "\t2023",
                "\tRMB'000",
                "Revenue\t1,000");
        assertEquals(1, x.tables().size());
        assertTrue(x.notices().stream().anyMatch(n -> n.line() == 2 && n.message().contains("lines 2-3")), x.notices().toString());
    }

    @Test
    void footnoteMarker_isKeptInTheCell_andItsFootnoteReadAsARange() {
        Extraction x = extract(
                "\tShare capital RMB'000\tOther reserves RMB'000",
                "Exercise of over-allotment option\t*\t692,807",
                "Repurchase of ordinary shares\t(*)\t(69,246)",
                "",
                "* represents that the amount is less than RMB1,000 for the year.");
        assertEquals("Exercise of over-allotment option: * | 692,807", rows(only(x)).get(0));
        Extraction.Marker m = x.markers().get("*");
        assertEquals(List.of("0", "1000", "RMB"), List.of(m.min(), m.max(), m.unit()));
    }

    @Test
    void rowUnits_andTextColumns_areDeclared() {
        Extraction.Table t = only(extract(
                "\t2023\t2022",
                "Loss attributable to equity holders of the Company (RMB'000)\t(6,440,159)\t(6,044,796)",
                "Weighted average number of ordinary shares in issue (thousand)\t<u>32,222,681</u>\t<u>31,932,411</u>",
                "Basic loss per share (expressed in RMB per share)\t<u>(0.20)</u>\t<u>(0.19)</u>"));
        assertEquals("RMB'000", t.unit());
        assertEquals("thousand shares", t.rowUnits().get("Weighted average number of ordinary shares in issue (thousand)"));
        assertEquals("RMB per share", t.rowUnits().get("Basic loss per share (expressed in RMB per share)"));
        Extraction.Table text = only(extract(
                "Individual\tTrade receivables RMB'000\tExpected credit loss rate %\tLoss allowance RMB'000\tReason",
                "Trade receivables\t959,677\t69.18%\t(663,922)\tThe likelihood of recovery"));
        assertEquals(List.of("Trade receivables", "Expected credit loss rate", "Loss allowance", "Reason"), text.columns());
        assertEquals(Map.of("Expected credit loss rate", "%", "Reason", "text"), text.columnUnits());
    }

    @Test
    void tableIds_comeFromTheNoteNumberAndTitle_orTheHeadingAboveTheTable() {
        Extraction x = extract(
                "MANAGEMENT DISCUSSION AND ANALYSIS",
                "",
                "Cost of sales",
                "",
                "Our cost of sales increased by 50.5%.",
                "",
                "\t2023\t2022",
                "\tRMB million\tRMB million",
                "Hardware costs\t1,537.9\t1,118.9",
                "",
                "NOTES TO THE CONSOLIDATED FINANCIAL STATEMENTS",
                "",
                "3 SEGMENT INFORMATION",
                "",
                "(a) Revenue by geographical",
                "",
                "\t2023\t2022",
                "\tRMB'000\tRMB'000",
                "Mainland China\t2,907,390\t3,168,880");
        assertEquals(List.of("cost-of-sales", "note-3a-revenue-by-geographical"),
                x.tables().stream().map(Extraction.Table::id).toList());
        assertEquals("Note 3(a) – Revenue by geographical", x.tables().get(1).title());
    }

    @Test
    void aDashedEnumeratorUnderALetteredOne_nestsInIt_andALeadInIsNotATitle() {
        Extraction x = extract(
                "NOTES TO THE CONSOLIDATED FINANCIAL STATEMENTS",
                "13 TRADE AND OTHER PAYABLES",
                "(a) Trade and other payables",
                "- (i) The carrying amounts are considered to be approximated to their fair values.",
                "- (ii) Aging analysis of the trade payables is as follows:",
                "\t2023\t2022",
                "\tRMB'000\tRMB'000",
                "Up to 6 months\t599,714\t718,327",
                "",
                "7 INCOME TAX CREDIT",
                "(ix) PRC Withholding Tax",
                "(a) Super deduction for research and development expenses",
                "\t2023\t2022",
                "\tRMB'000\tRMB'000",
                "Super deduction\t216,850\t218,342");
        assertEquals(List.of("note-13a-ii-aging-analysis-of-trade-payables", "note-7a-super-deduction-research-and-development"),
                x.tables().stream().map(Extraction.Table::id).toList());
        assertEquals("Note 13(a)(ii) – Aging analysis of the trade payables", x.tables().get(0).title());
    }

    @Test
    void aHeadingFollowedByManyParagraphs_doesNotNameTheTableAfterThem() {
        Extraction x = extract(
                "NOTES TO THE CONSOLIDATED FINANCIAL STATEMENTS",
                "14 BORROWINGS",
                "Secured bank borrowing",
                "As at December 31, 2023, the Group had bank borrowings of RMB259,080,000 which were secured.",
                "As at December 31, 2023, the Group had a bank borrowing of RMB1,608,850,000.",
                "As at December 31, 2023, the Group had a bank borrowing of RMB1,664,140,000.",
                "The exposure of the Group's borrowings to interest rate changes is as follows:",
                "\tAs at December 31,\t",
                "\t2023\t2022",
                "\tRMB'000\tRMB'000",
                "6 months or less\t111,500\t199,954");
        assertEquals("note-14-borrowings", only(x).id());
    }
}
