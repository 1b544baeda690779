package dev.crossfoot.extract;

import dev.crossfoot.parse.PdfText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lays a PDF's glyphs out as lines of text, as a reader sees the page: glyphs on one baseline form a line (a raised
 * footnote mark joins the line it belongs to); glyphs close together form words, and words separated by a wide gap
 * (or two figures side by side) form separate chunks, which is where columns begin. Page headers, footers and page
 * numbers (a line near the top or bottom edge printed on many pages, or a lone number there) are left out, and so
 * is Chinese text beside English (bilingual reports print each label in both).
 */
final class PdfLayout {

    /** A run of words without a wide gap: a label, a figure, a heading. Positions in hundredths of a point. */
    record Chunk(String text, int x0, int x1) {
    }

    /**
     * One line of text on a page.
     *
     * @param number     the line's number in the document, counting every line of every page from 1
     * @param lineOnPage the line's number on its page, from 1
     * @param y          its baseline
     * @param size       its (largest) font size
     */
    record TextLine(int number, int page, int lineOnPage, int y, int size, List<Chunk> chunks) {
        TextLine {
            chunks = List.copyOf(chunks);
        }

        String text() {
            StringBuilder b = new StringBuilder();
            for (Chunk c : chunks) {
                b.append(b.length() == 0 ? "" : " ").append(c.text());
            }
            return b.toString();
        }

        int x0() {
            return chunks.isEmpty() ? 0 : chunks.get(0).x0();
        }

        int x1() {
            return chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).x1();
        }
    }

    /**
     * The document laid out.
     *
     * @param lines      the lines that are content, in reading order (furniture left out)
     * @param pageStarts for each page (index 0 is page 1), the number of its first line
     * @param bilingual  how many lines lost text in another script (Chinese beside English)
     * @param furniture  how many lines were left out as page headers, footers or page numbers
     */
    record Layout(List<TextLine> lines, List<Integer> pageStarts, int bilingual, int furniture) {
    }

    private static final Pattern NUMERIC = Pattern.compile("[(\\-–—−]?[$£€¥]?[\\d,.]*\\d[\\d,.]*\\)?%?|[\\-–—−]|\\$|£|€");
    private static final Pattern DAY = Pattern.compile("\\d{1,2},");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)[-–—\\s]*(?:page\\s+)?\\d{1,3}[-–—\\s]*|[ivxl]{1,6}");
    // compiled once: a long document has tens of thousands of lines
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");

    private PdfLayout() {
    }

    static Layout of(List<PdfText.Page> pages) {
        // Each page is laid out on its own, a long document's pages on both cores; the lines are numbered after.
        List<Laid> laid = (pages.size() >= PARALLEL_FROM ? pages.parallelStream() : pages.stream()).map(PdfLayout::lines).toList();
        List<List<TextLine>> byPage = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int number = 1;
        int[] bilingual = new int[1];
        for (Laid page : laid) {
            starts.add(number);
            List<TextLine> lines = new ArrayList<>(page.lines().size());
            for (TextLine l : page.lines()) {
                lines.add(new TextLine(number + l.number(), l.page(), l.lineOnPage(), l.y(), l.size(), l.chunks()));
            }
            number += lines.size();
            bilingual[0] += page.bilingual();
            byPage.add(lines);
        }
        Set<String> repeated = repeatedEdges(pages, byPage);
        List<TextLine> out = new ArrayList<>();
        int furniture = 0;
        for (int p = 0; p < pages.size(); p++) {
            int height = pages.get(p).height();
            List<TextLine> page = byPage.get(p);
            for (int i = 0; i < page.size(); i++) {
                TextLine l = page.get(i);
                boolean end = i == 0 || i == page.size() - 1;
                if (atEdge(l, height) && repeated.contains(key(l))
                        || (atEdge(l, height) || end) && PAGE_NUMBER.matcher(l.text()).matches()) {
                    furniture++;
                    continue;
                }
                out.add(l);
            }
        }
        return new Layout(out, starts, bilingual[0], furniture);
    }

    private static boolean atEdge(TextLine l, int height) {
        return l.y() < height * 12 / 100 || l.y() > height * 88 / 100;
    }

    private static String key(TextLine l) {
        return BLANKS.matcher(DIGITS.matcher(l.text().toLowerCase(Locale.ROOT)).replaceAll("#")).replaceAll(" ").strip();
    }

    /** Texts printed near the top or bottom edge of at least three pages and a tenth of them: running heads and feet. */
    private static Set<String> repeatedEdges(List<PdfText.Page> pages, List<List<TextLine>> byPage) {
        Map<String, Integer> counts = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            Set<String> seen = new HashSet<>();
            List<TextLine> page = byPage.get(p);
            for (int i = 0; i < page.size(); i++) {
                String k = key(page.get(i));
                if (atEdge(page.get(i), pages.get(p).height()) && NOT_LETTER.matcher(k).replaceAll("").length() >= 3) {
                    seen.add(k);
                }
            }
            seen.forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        Set<String> out = new HashSet<>();
        int least = Math.max(3, pages.size() / 10);
        counts.forEach((k, n) -> {
            if (n >= least && !k.isEmpty()) {
                out.add(k);
            }
        });
        return out;
    }

    /** Documents of at least this many pages are laid out on all cores. */
    private static final int PARALLEL_FROM = 8;

    /** One page's lines, numbered from 0, and how many of them lost text in another script. */
    private record Laid(List<TextLine> lines, int bilingual) {
    }

    private static Laid lines(PdfText.Page page) {
        int[] bilingual = new int[1];
        return new Laid(lines(page, 0, bilingual), bilingual[0]);
    }

    /** The lines of one page, top to bottom. */
    static List<TextLine> lines(PdfText.Page page, int firstNumber, int[] bilingual) {
        List<PdfText.Glyph> glyphs = new ArrayList<>(page.glyphs());
        glyphs.sort(Comparator.comparingInt(PdfText.Glyph::y).thenComparingInt(PdfText.Glyph::x0));
        List<List<PdfText.Glyph>> rows = new ArrayList<>();
        List<PdfText.Glyph> row = null;
        int rowY = 0;
        for (PdfText.Glyph g : glyphs) {
            int tolerance = Math.max(150, g.size() * 30 / 100);
            if (row == null || g.y() - rowY > tolerance) {
                row = new ArrayList<>();
                rows.add(row);
                rowY = g.y();
            }
            row.add(g);
        }
        mergeRaised(rows);
        List<TextLine> out = new ArrayList<>();
        for (List<PdfText.Glyph> r : rows) {
            r.sort(Comparator.comparingInt(PdfText.Glyph::x0));
            int size = 0;
            int y = 0;
            for (PdfText.Glyph g : r) {
                if (g.size() >= size) {
                    size = g.size();
                    y = g.y();
                }
            }
            boolean[] dropped = new boolean[1];
            List<Chunk> chunks = chunks(r, size, dropped);
            if (dropped[0]) {
                bilingual[0]++;
            }
            if (!chunks.isEmpty()) {
                out.add(new TextLine(firstNumber + out.size(), page.number(), out.size() + 1, y, size, chunks));
            }
        }
        return out;
    }

    /**
     * A line of small glyphs that stands within the height of the line below it (a superscript footnote mark) or
     * just under the line above (a subscript) joins that line.
     */
    private static void mergeRaised(List<List<PdfText.Glyph>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            List<PdfText.Glyph> r = rows.get(i);
            int small = r.stream().mapToInt(PdfText.Glyph::size).max().orElse(0);
            int y = r.get(0).y();
            if (i + 1 < rows.size()) {
                List<PdfText.Glyph> next = rows.get(i + 1);
                int size = next.stream().mapToInt(PdfText.Glyph::size).max().orElse(0);
                int ny = next.get(0).y();
                if (small * 100 <= size * 80 && ny - y < size * 60 / 100 && overlapsHorizontally(r, next)) {
                    next.addAll(r);
                    rows.remove(i);
                    i--;
                }
            }
        }
    }

    private static boolean overlapsHorizontally(List<PdfText.Glyph> a, List<PdfText.Glyph> b) {
        int a0 = a.stream().mapToInt(PdfText.Glyph::x0).min().orElse(0);
        int a1 = a.stream().mapToInt(PdfText.Glyph::x1).max().orElse(0);
        int b0 = b.stream().mapToInt(PdfText.Glyph::x0).min().orElse(0);
        int b1 = b.stream().mapToInt(PdfText.Glyph::x1).max().orElse(0);
        return a0 <= b1 + 2000 && b0 <= a1 + 2000;
    }

    /** Glyphs (sorted by x) as words, and words as chunks. */
    private static List<Chunk> chunks(List<PdfText.Glyph> glyphs, int size, boolean[] dropped) {
        List<int[]> bounds = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int w0 = 0;
        int w1 = 0;
        PdfText.Glyph last = null;
        boolean other = false;
        for (PdfText.Glyph g : glyphs) {
            boolean space = g.text().equals(" ");
            if (last != null && !g.text().equals(last.text()) || last == null) {
                // a glyph drawn twice, a little offset, for a bold effect is one glyph
            } else if (!space && Math.abs(g.x0() - last.x0()) < size * 6 / 100 && Math.abs(g.y() - last.y()) < size / 10) {
                continue;
            }
            if (word.length() > 0 && (space || g.x0() - w1 > size * 15 / 100)) {
                if (other) {
                    dropped[0] = true;
                } else {
                    words.add(word.toString());
                    bounds.add(new int[] {w0, w1});
                }
                word.setLength(0);
                other = false;
            }
            last = g;
            if (space) {
                continue;
            }
            if (word.length() == 0) {
                w0 = g.x0();
                w1 = g.x1();
            }
            other |= isOtherScript(g.text());
            word.append(g.text());
            w1 = Math.max(w1, g.x1());
        }
        if (word.length() > 0) {
            if (other) {
                dropped[0] = true;
            } else {
                words.add(word.toString());
                bounds.add(new int[] {w0, w1});
            }
        }
        unspace(words, bounds);
        List<Chunk> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int c0 = 0;
        int c1 = 0;
        String previous = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int gap = bounds.get(i)[0] - c1;
            boolean split = previous != null && (gap > size * 90 / 100
                    || NUMERIC.matcher(previous).matches() && NUMERIC.matcher(w).matches()
                    && !(DAY.matcher(previous).matches() && Parts.YEAR.matcher(w).matches()));
            if (previous != null && split) {
                out.add(new Chunk(text.toString(), c0, c1));
                text.setLength(0);
            }
            if (text.length() == 0) {
                c0 = bounds.get(i)[0];
            } else {
                text.append(' ');
            }
            text.append(w);
            c1 = bounds.get(i)[1];
            previous = w;
        }
        if (text.length() > 0) {
            out.add(new Chunk(text.toString(), c0, c1));
        }
        return out;
    }

    /**
     * Letter-spaced text ("C O N S O L I D A T E D"): a run of four or more one-letter words is joined into
     * words, the gaps between words being wider than those between letters.
     */
    static void unspace(List<String> words, List<int[]> bounds) {
        int i = 0;
        while (i < words.size()) {
            int j = i;
            while (j < words.size() && words.get(j).length() == 1 && Character.isLetter(words.get(j).charAt(0))) {
                j++;
            }
            if (j - i < 4) {
                i = Math.max(j, i + 1);
                continue;
            }
            List<Integer> gaps = new ArrayList<>();
            for (int k = i + 1; k < j; k++) {
                gaps.add(bounds.get(k)[0] - bounds.get(k - 1)[1]);
            }
            List<Integer> sorted = new ArrayList<>(gaps);
            sorted.sort(null);
            int letterGap = sorted.get(0);
            int k = i;
            while (k + 1 < j) {
                int gap = bounds.get(k + 1)[0] - bounds.get(k)[1];
                if (gap <= letterGap * 3 / 2 + 20) {
                    words.set(k, words.get(k) + words.get(k + 1));
                    bounds.set(k, new int[] {bounds.get(k)[0], bounds.get(k + 1)[1]});
                    words.remove(k + 1);
                    bounds.remove(k + 1);
                    j--;
                } else {
                    k++;
                }
            }
            i = j;
        }
    }

    /** Chinese, Japanese or Korean text, and the full-width punctuation printed with it. */
    static boolean isOtherScript(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                    || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                    || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF) {
                return true;
            }
        }
        return false;
    }
}
