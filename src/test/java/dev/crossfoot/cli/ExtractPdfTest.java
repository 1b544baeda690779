package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.parse.FilingReader;
import dev.crossfoot.testing.TestPdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crossfoot extract} on PDFs the test builds with PDFBox: the statements come out with their roles, periods,
 * units and every printed line; a PDF that cannot be read is one line and exit 2.
 */
class ExtractPdfTest {

    static final float[] NOTE_AND_YEARS = {360, 450, 530};

    @TempDir
    Path temp;

    /** A two-page income statement (continued, with page numbers) and a balance sheet, as HKEX issuers print them. */
    static TestPdf statements() {
        TestPdf pdf = new TestPdf().page()
                .text(200, 40, "ACME HOLDINGS LIMITED", 12)
                .text(60, 80, "CONSOLIDATED STATEMENT OF PROFIT OR LOSS", 12)
                .text(60, 96, "For the year ended 31 December 2023")
                .right(450, 120, "2023").right(530, 120, "2022")
                .right(370, 134, "Notes").right(450, 134, "HK$ ’000").right(530, 134, "HK$ ’000")
                .row(160, "Revenue", NOTE_AND_YEARS, "4", "1,000", "900")
                .row(174, "Cost of sales", NOTE_AND_YEARS, null, "(600)", "(500)")
                .row(194, "Gross profit", NOTE_AND_YEARS, null, "400", "400")
                .row(214, "Other income and gains arising from the", NOTE_AND_YEARS)
                .text(72, 228, "disposal of a subsidiary")
                .row(228, "", NOTE_AND_YEARS, "5", "50", "(1)")
                .row(248, "Profit for the year", NOTE_AND_YEARS, null, "450", "399")
                .text(295, 800, "1");
        pdf.page()
                .text(60, 80, "CONSOLIDATED STATEMENT OF PROFIT OR LOSS (continued)", 12)
                .text(60, 96, "For the year ended 31 December 2023")
                .right(450, 120, "2023").right(530, 120, "2022")
                .right(370, 134, "Notes").right(450, 134, "HK$ ’000").right(530, 134, "HK$ ’000")
                .row(160, "Profit attributable to:", NOTE_AND_YEARS)
                .row(174, "Owners of the Company", NOTE_AND_YEARS, null, "440", "390")
                .row(188, "Non-controlling interests", NOTE_AND_YEARS, null, "10", "9")
                .row(208, "Earnings per share", NOTE_AND_YEARS)
                .row(222, "Basic", NOTE_AND_YEARS, "6", "25.0 HK cents", "4.1 HK cents")
                .text(295, 800, "2");
        pdf.page()
                .text(60, 80, "CONSOLIDATED STATEMENT OF FINANCIAL POSITION", 12)
                .text(60, 96, "As at 31 December 2023")
                .right(450, 120, "2023").right(530, 120, "2022")
                .right(450, 134, "HK$ ’000").right(530, 134, "HK$ ’000")
                .row(160, "Non-current assets", NOTE_AND_YEARS)
                .row(174, "Property, plant and equipment", NOTE_AND_YEARS, null, "700", "650")
                .row(188, "Goodwill", NOTE_AND_YEARS, null, "300", "–")
                .row(202, "Total assets", NOTE_AND_YEARS, null, "1,000", "650")
                .row(222, "Equity", NOTE_AND_YEARS)
                .row(236, "Share capital", NOTE_AND_YEARS, null, "1,000", "650")
                .text(295, 800, "3");
        return pdf;
    }

    static List<String> rows(Table t) {
        return t.rows().stream().map(r -> r.displayName() + ": " + t.columns().stream()
                .map(c -> r.cells().get(c) == null ? "" : r.cells().get(c).printed()).collect(Collectors.joining(" | ")))
                .toList();
    }

    @Test
    void statements_comeOutWithRolesPeriodsUnitsAndEveryPrintedLine() throws IOException {
        Path pdf = statements().save(temp.resolve("acme.pdf"));
        Path out = temp.resolve("filing");
        Run run = Run.of("extract", pdf.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Filing f = FilingReader.read(out, false);
        List<Table> tables = List.copyOf(f.tables().values());
        assertEquals(2, tables.size(), () -> f.tables().keySet().toString());
        Table is = tables.get(0);
        assertEquals("income-statement", is.role());
        assertEquals(List.of("2023", "2022"), is.columns());
        assertEquals(List.of("Note"), is.textColumns());
        assertEquals(3, is.unit().powerOfTen());
        assertEquals("HK$", is.unit().dimension());
        assertEquals(List.of(
                "Revenue: 1,000 | 900",
                "Cost of sales: (600) | (500)",
                "Gross profit: 400 | 400",
                "Other income and gains arising from the disposal of a subsidiary: 50 | (1)",
                "Profit for the year: 450 | 399",
                "Profit attributable to::  | ",
                "Profit attributable to: > Owners of the Company: 440 | 390",
                "Profit attributable to: > Non-controlling interests: 10 | 9",
                "Earnings per share:  | ",
                "Earnings per share > Basic: 25.0 | 4.1"), rows(is));
        Row basic = is.rows().get(is.rows().size() - 1);
        assertEquals("HK cents", basic.cells().get("2023").unit().printed());
        Table bs = tables.get(1);
        assertEquals("balance-sheet", bs.role());
        assertEquals(List.of("2023", "2022"), bs.columns());
        assertTrue(rows(bs).contains("Non-current assets > Goodwill: 300 | –"), rows(bs)::toString);
        String yaml = Files.readString(out.resolve("filing.yaml"));
        assertTrue(yaml.contains("pages: \"1-2\""), yaml);
        assertTrue(yaml.contains("source: \"acme.pdf page 1, line 4 to page 2, line"), yaml);
        assertEquals(0, Run.of("foot", out.toString(), "-q").exitCode());
    }

    private void refused(Path pdf, String expected) {
        Path out = temp.resolve("o-" + pdf.getFileName());
        Run run = Run.of("extract", pdf.toString(), "-o", out.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("crossfoot: " + pdf + ": " + expected), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void encryptedPdf_isOneLineAndExitTwo() throws IOException {
        Path pdf = statements().password("secret").save(temp.resolve("locked.pdf"));
        refused(pdf, "the PDF is encrypted and needs a password");
    }

    @Test
    void corruptPdf_isOneLineAndExitTwo() throws IOException {
        byte[] whole = statements().bytes();
        Path pdf = temp.resolve("broken.pdf");
        Files.write(pdf, java.util.Arrays.copyOf(whole, 40));
        refused(pdf, "not a readable PDF");
    }

    @Test
    void scannedPdfWithoutText_isOneLineAndExitTwo() throws IOException {
        Path pdf = new TestPdf().page().page().save(temp.resolve("scan.pdf"));
        refused(pdf, "the PDF has no text layer on any of its 2 page(s)");
    }

    @Test
    void pdfWithoutTables_isOneLineAndExitTwo() throws IOException {
        Path pdf = new TestPdf().page().text(60, 80, "ANNUAL RESULTS ANNOUNCEMENT", 12)
                .text(60, 100, "The Board is pleased to announce the results for 2023, with revenue of HK$1,000 million.")
                .save(temp.resolve("prose.pdf"));
        refused(pdf, "no numeric tables found");
    }
}
