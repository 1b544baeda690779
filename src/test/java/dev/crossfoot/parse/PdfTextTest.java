package dev.crossfoot.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.testing.TestPdf;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PDF's glyphs, page by page, with where they stand. */
class PdfTextTest {

    @TempDir
    Path temp;

    static String text(PdfText.Page p) {
        return p.glyphs().stream().map(PdfText.Glyph::text).collect(Collectors.joining()).strip();
    }

    @Test
    void glyphsComeWithTheirPlaceOnThePage_inHundredthsOfAPoint() {
        Path pdf = new TestPdf().page().text(60, 100, "Revenue").save(temp.resolve("one.pdf"));
        List<PdfText.Page> pages = PdfText.read(pdf, pdf.toString());
        PdfText.Glyph r = pages.get(0).glyphs().get(0);
        assertEquals("R", r.text());
        assertEquals(6000, r.x0(), 5);
        assertEquals(10000, r.y(), 5);
        assertEquals(1000, r.size(), 5);
        assertEquals("Revenue", text(pages.get(0)));
        assertTrue(PdfText.isPdf(pdf));
    }

    @Test
    void aLongDocument_readFromBothEndsAtOnce_keepsItsPagesInOrder() {
        TestPdf pdf = new TestPdf();
        int n = PdfText.TWO_READERS_FROM + 5;
        for (int i = 1; i <= n; i++) {
            pdf.page().text(60, 100, "Page" + i);
        }
        Path file = pdf.save(temp.resolve("long.pdf"));
        List<PdfText.Page> pages = PdfText.read(file, file.toString());
        assertEquals(n, pages.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, pages.get(i).number());
            assertEquals("Page" + (i + 1), text(pages.get(i)));
        }
    }
}
