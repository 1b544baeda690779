package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the text layer of a PDF with Apache PDFBox: every glyph of every page with where it stands. Positions
 * are whole hundredths of a point, measured from the page's top left corner, so that nothing downstream needs
 * floating point. Refuses, with a one-line message, what has no usable text layer: a broken or encrypted file, or
 * a scanned document.
 */
public final class PdfText {

    /** Largest PDF read. Larger files are refused before reading. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    /** PDFBox reports recoverable oddities of a file through commons-logging; they are not the user's concern. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    static {
        PDFBOX_LOG.setLevel(Level.OFF);
        if (System.getProperty("org.apache.commons.logging.LogFactory") == null) {
            System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.LogFactoryImpl");
            System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.NoOpLog");
        }
    }

    /**
     * One glyph (or ligature) as drawn: its text, its box and its baseline, in hundredths of a point.
     *
     * @param x0   left edge
     * @param x1   right edge
     * @param y    baseline, from the top of the page
     * @param size font size (the glyph's height on the page)
     */
    public record Glyph(String text, int x0, int x1, int y, int size) {
    }

    /** One page: its number (from 1), its size and its glyphs in the order they were drawn. */
    public record Page(int number, int width, int height, List<Glyph> glyphs) {
        public Page {
            glyphs = List.copyOf(glyphs);
        }
    }

    private PdfText() {
    }

    /** Whether the file starts as a PDF does ({@code %PDF-} in its first kilobyte). */
    public static boolean isPdf(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            return s.contains("%PDF-");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every page's glyphs.
     *
     * @param shown the file as the user named it, for messages
     * @throws InputException when the file cannot be opened, is encrypted with a password, is broken, or has no
     *                        text on any page (a scan)
     */
    public static List<Page> read(Path file, String shown) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(SourceLocation.of(shown), Files.exists(file)
                    ? "not a file; give the announcement's PDF" : "no such file; give the path of an announcement (PDF or text)");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(SourceLocation.of(shown), "the file is " + Sizes.megabytes(size)
                        + ", over the " + Sizes.megabytes(MAX_BYTES) + " limit for an announcement; is it the right file?");
            }
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read the file (" + e.getMessage() + ")", e);
        }
        List<Page> pages;
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            pages = pages(file, doc);
        } catch (InvalidPasswordException e) {
            throw new InputException(SourceLocation.of(shown), "the PDF is encrypted and needs a password to open; "
                    + "save an unprotected copy of the announcement and extract that");
        } catch (IOException | RuntimeException e) {
            throw new InputException(SourceLocation.of(shown), "not a readable PDF (" + firstLine(e) + "); the file may "
                    + "be damaged or truncated: download the announcement again", e);
        }
        if (pages.stream().allMatch(p -> p.glyphs().isEmpty())) {
            throw new InputException(SourceLocation.of(shown), "the PDF has no text layer on any of its " + pages.size()
                    + " page(s) (a scanned document?); crossfoot reads a PDF's text: run OCR on it first, or give the "
                    + "announcement's text");
        }
        return pages;
    }

    /** Documents of at least this many pages are read by two threads at once, each from its own copy. */
    static final int TWO_READERS_FROM = 40;

    /**
     * The glyphs of every page. A long document is read by two threads at once when the machine has two cores or
     * more: one takes pages from the front, the other from the back, one page at a time, until they meet. So
     * neither waits for the other when one end of the document is heavier (a bilingual annual report's financial
     * statements), and each keeps to a run of neighbouring pages, which share fonts (a font is parsed once per
     * document copy). A PDFBox document is not to be shared between threads: the back reader opens its own copy.
     */
    private static List<Page> pages(Path file, PDDocument doc) throws IOException {
        int n = doc.getNumberOfPages();
        if (n < TWO_READERS_FROM || Runtime.getRuntime().availableProcessors() < 2) {
            return range(doc, 1, n);
        }
        Ends ends = new Ends(n);
        @SuppressWarnings("unchecked")
        List<Page>[] byPage = new List[n + 1];
        java.util.concurrent.CompletableFuture<Void> back = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (PDDocument copy = Loader.loadPDF(file.toFile())) {
                Collector c = new Collector();
                for (int p = ends.back(); p > 0; p = ends.back()) {
                    byPage[p] = c.range(copy, p, p);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                ends.stop();
            }
        });
        try {
            Collector c = new Collector();
            for (int p = ends.front(); p > 0; p = ends.front()) {
                byPage[p] = c.range(doc, p, p);
            }
        } finally {
            ends.stop();
        }
        try {
            back.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        List<Page> out = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            out.addAll(byPage[p]);
        }
        return out;
    }

    /** The pages not yet taken: the front reader takes the lowest, the back reader the highest; 0 when none is left. */
    private static final class Ends {
        private int low = 1;
        private int high;

        Ends(int pages) {
            high = pages;
        }

        synchronized int front() {
            return low <= high ? low++ : 0;
        }

        synchronized int back() {
            return low <= high ? high-- : 0;
        }

        /** A reader stopped (done, or failed: then the read fails, and the other reader need not go on). */
        synchronized void stop() {
            high = low - 1;
        }
    }

    private static List<Page> range(PDDocument doc, int first, int last) throws IOException {
        return new Collector().range(doc, first, last);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        String s = nl < 0 ? m : m.substring(0, nl);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** Collects the glyphs page by page, instead of letting PDFBox lay them out as text. */
    private static final class Collector extends PDFTextStripper {
        private List<Page> pages = new ArrayList<>();
        private List<Glyph> current;
        private int number;
        private int width;
        private int height;

        Collector() throws IOException {
            setSortByPosition(false);
            setSuppressDuplicateOverlappingText(false);
        }

        /** The pages from first to last (those with content). */
        List<Page> range(PDDocument doc, int first, int last) throws IOException {
            pages = new ArrayList<>();
            setStartPage(first);
            setEndPage(last);
            getText(doc);
            endOfPage();
            return pages;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            endOfPage();
            number = getCurrentPageNo();
            boolean turned = page.getRotation() % 180 != 0;
            width = Math.round((turned ? page.getCropBox().getHeight() : page.getCropBox().getWidth()) * 100);
            height = Math.round((turned ? page.getCropBox().getWidth() : page.getCropBox().getHeight()) * 100);
            current = new ArrayList<>();
        }

        void endOfPage() {
            if (current != null) {
                pages.add(new Page(number, width, height, current));
                current = null;
            }
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            String u = t.getUnicode();
            if (current == null || u == null || u.isEmpty()) {
                return;
            }
            if (u.isBlank()) {
                u = " ";
            }
            int x0 = Math.round(t.getXDirAdj() * 100);
            int x1 = Math.round((t.getXDirAdj() + t.getWidthDirAdj()) * 100);
            int y = Math.round(t.getYDirAdj() * 100);
            // the size as drawn: some producers scale a huge nominal font size down with the text matrix
            int size = Math.round(t.getYScale() * 100);
            if (size < 200 || size > 10000) {
                size = Math.round(t.getFontSizeInPt() * 100);
            }
            if (size < 200 || size > 10000) {
                size = Math.max(200, Math.round(t.getHeightDir() * 140));
            }
            current.add(new Glyph(u, x0, Math.max(x1, x0 + 1), y, size));
        }

        @Override
        protected void writePage() {
            // the glyphs are laid out by crossfoot, not by PDFBox
        }
    }
}
