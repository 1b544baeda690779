package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.parse.PdfText;
import dev.crossfoot.testing.TestPdf;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDF block finding and columns, on pages the test prints with PDFBox. */
class PdfBlocksTest {

    static final float[] EDGES = {360, 450, 530};

    @TempDir
    Path temp;

    List<Block> blocks(TestPdf pdf) {
        Path file = pdf.save(temp.resolve("t.pdf"));
        PdfLayout.Layout layout = PdfLayout.of(PdfText.read(file, file.toString()));
        return PdfBlocks.find(layout.lines(), new Headings(true));
    }

    static List<String> cells(Block b) {
        return b.lines().stream().map(l -> String.join("|", l.cells())).toList();
    }

    @Test
    void columnsComeFromTheFiguresRightEdges_aHangingParenthesisIncluded() {
        Block b = blocks(new TestPdf().page().text(60, 60, "NOTE 5 TRADE RECEIVABLES")
                .right(450, 100, "2023").right(530, 100, "2022")
                .row(120, "Trade receivables", EDGES, null, "1,000", "900")
                .text(60, 134, "Less: loss allowance").right(453.5f, 134, "(100)").right(533.5f, 134, "(90)")
                .row(148, "", EDGES, null, "900", "810")).get(0);
        assertEquals(1, b.headerLines());
        assertEquals(List.of("|2023|2022", "Trade receivables|1,000|900", "Less: loss allowance|(100)|(90)", "|900|810"), cells(b));
    }

    @Test
    void aNotesColumn_isKeptApart_andAWrappedLabelIsOneRow() {
        Block b = blocks(new TestPdf().page()
                .right(450, 100, "2023").right(530, 100, "2022")
                .right(370, 114, "Notes").right(450, 114, "HK$'000").right(530, 114, "HK$'000")
                .row(134, "Reclassification adjustment for the", EDGES)
                .text(72, 148, "gain on disposal").row(148, "", EDGES, "7", "–", "(76,126)")
                .row(162, "Revenue", EDGES, "4", "598,172", "304,970")).get(0);
        assertEquals(List.of("||2023|2022", "|Notes|HK$'000|HK$'000", "Reclassification adjustment for the gain on disposal|7|–|(76,126)",
                "Revenue|4|598,172|304,970"), cells(b));
    }

    @Test
    void aTableContinuedOnTheNextPage_underItsRepeatedTitle_isMarkedAdjacent() {
        List<Block> bs = blocks(new TestPdf().page().text(60, 60, "CONSOLIDATED STATEMENT OF CASH FLOWS", 12)
                .right(450, 100, "2023").right(530, 100, "2022")
                .row(120, "Cash flows from operating activities", EDGES)
                .row(134, "Profit before tax", EDGES, null, "1,000", "900")
                .row(148, "Depreciation", EDGES, null, "100", "90")
                .page().text(60, 60, "CONSOLIDATED STATEMENT OF CASH FLOWS (continued)", 12)
                .right(450, 100, "2023").right(530, 100, "2022")
                .row(120, "Net cash from financing activities", EDGES, null, "(50)", "(40)")
                .row(134, "Net increase in cash", EDGES, null, "1,050", "950"));
        assertEquals(2, bs.size());
        assertTrue(bs.get(1).adjacentToPrevious());
        assertTrue(!bs.get(0).adjacentToPrevious());
    }

    @Test
    void proseBetweenTables_endsATable_andIsReadAsText() {
        List<Block> bs = blocks(new TestPdf().page()
                .right(450, 100, "2023").right(530, 100, "2022")
                .row(120, "Revenue", EDGES, null, "1,000", "900")
                .row(134, "Cost of sales", EDGES, null, "(600)", "(500)")
                .text(60, 160, "The directors consider that the carrying amounts of the receivables approximate their fair values.")
                .right(450, 190, "2023").right(530, 190, "2022")
                .row(210, "Bank balances", EDGES, null, "300", "200")
                .row(224, "Cash", EDGES, null, "5", "4"));
        assertEquals(2, bs.size());
        assertTrue(bs.get(1).context().textSince().get(0).startsWith("The directors consider"));
    }
}
