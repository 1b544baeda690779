package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossfoot.parse.PdfText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Glyphs laid out as lines and chunks, page furniture and Chinese beside English left out. */
class PdfLayoutTest {

    /** Glyphs for a text starting at x (points), on baseline y, 10 points high, each character 5 points wide. */
    static List<PdfText.Glyph> word(int x, int y, String text) {
        List<PdfText.Glyph> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            String ch = text.substring(i, i + 1);
            out.add(new PdfText.Glyph(ch, (x + 5 * i) * 100, (x + 5 * i + 5) * 100, y * 100, 1000));
        }
        return out;
    }

    static PdfText.Page page(int number, List<List<PdfText.Glyph>> words) {
        List<PdfText.Glyph> all = new ArrayList<>();
        words.forEach(all::addAll);
        return new PdfText.Page(number, 59500, 84200, all);
    }

    static List<String> chunks(PdfLayout.TextLine l) {
        return l.chunks().stream().map(PdfLayout.Chunk::text).toList();
    }

    @Test
    void glyphsOnOneBaseline_formALine_andAWideGapOrTwoFiguresSideBySide_splitChunks() {
        PdfText.Page p = page(1, List.of(word(60, 200, "Cost of sales"), word(300, 200, "(61,689)"), word(345, 201, "(46,232)"),
                word(60, 214, "Turnover"), word(300, 214, "598,172")));
        List<PdfLayout.TextLine> lines = PdfLayout.of(List.of(p)).lines();
        assertEquals(2, lines.size());
        assertEquals(List.of("Cost of sales", "(61,689)", "(46,232)"), chunks(lines.get(0)));
        assertEquals(List.of("Turnover", "598,172"), chunks(lines.get(1)));
    }

    @Test
    void pageNumbersAndRunningHeads_areLeftOut() {
        List<PdfText.Page> pages = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            pages.add(page(n, List.of(word(60, 40, "ANNUAL REPORT 2021"), word(60, 300, "Revenue"), word(300, 300, "1,000"),
                    word(290, 820, String.valueOf(n + 58)))));
        }
        PdfLayout.Layout layout = PdfLayout.of(pages);
        assertEquals(4, layout.lines().size());
        assertEquals(8, layout.furniture());
        assertEquals(List.of(1, 4, 7, 10), layout.pageStarts());
    }

    @Test
    void chineseBesideEnglish_isDropped_andCounted() {
        PdfText.Page p = page(1, List.of(word(60, 200, "Revenue"), word(110, 200, "收入"), word(300, 200, "1,000")));
        PdfLayout.Layout layout = PdfLayout.of(List.of(p));
        assertEquals(List.of("Revenue", "1,000"), chunks(layout.lines().get(0)));
        assertEquals(1, layout.bilingual());
    }

    @Test
    void letterSpacedText_isJoinedIntoWords() {
        List<List<PdfText.Glyph>> letters = new ArrayList<>();
        int x = 60;
        for (String w : List.of("CONSOLIDATED", "STATEMENT")) {
            for (char ch : w.toCharArray()) {
                letters.add(word(x, 100, String.valueOf(ch)));
                x += 8;
            }
            x += 8;
        }
        List<PdfLayout.TextLine> lines = PdfLayout.of(List.of(page(1, letters))).lines();
        assertEquals("CONSOLIDATED STATEMENT", lines.get(0).text());
        assertEquals("CONSOLIDATED STATEMENT", Cells.unspace("C O N S O L I D A T E D   S T A T E M E N T"));
        assertEquals("Revenue  1,000", Cells.unspace("Revenue  1,000"));
    }

    @Test
    void aRaisedFootnoteMark_joinsTheLineItBelongsTo() {
        List<PdfText.Glyph> mark = List.of(new PdfText.Glyph("1", 9500, 9800, 19700, 600));
        PdfText.Page p = page(1, List.of(word(60, 200, "Revenue"), mark, word(300, 200, "1,000")));
        List<PdfLayout.TextLine> lines = PdfLayout.of(List.of(p)).lines();
        assertEquals(1, lines.size());
        assertEquals("Revenue1", chunks(lines.get(0)).get(0));
    }
}
