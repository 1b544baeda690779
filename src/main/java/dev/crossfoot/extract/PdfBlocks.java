package dev.crossfoot.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Block finding for a PDF: a table is a run of lines with figures standing apart from their label, with the
 * header lines above it (periods, units, "Notes") and the label-only lines among its rows (section headings). Its
 * columns come from where the figures stand on the page: figures are right-aligned, so the right edges of the
 * figures of a block, clustered, are its columns. A table ends at a page break (the next page's part continues it
 * when only a repeated title stands between), at a line of prose, or at a header repeated inside it. A label
 * wrapped over two lines is one row. Every line outside the tables is read by {@link Headings}.
 */
final class PdfBlocks {

    /** A figure as printed in a PDF cell, with what may stand beside it: a unit, a footnote mark, a currency. */
    static final Pattern FIGURE_LIKE = Pattern.compile(
            "[-–—−]|[(\\-–−]?(?:HK|US|RMB|S|A|C)?[$£€]?\\s?\\(?\\d[\\d,]*(?:\\.\\d+)?\\)?\\s?%?\\)?"
                    + "(?:\\s?(?:(?:HK|US)\\s?)?(?:cents?|c|pence|p|times|x|bps))?(?:\\s?\\(\\d{1,2}\\)|\\*{1,3}|\\^\\d)?"
                    + "|\\d+(?:\\.\\d+)?%?\\s?[-–~]\\s?\\d+(?:\\.\\d+)?%|N/?A|n/?a|N\\.A\\.|n\\.a\\.");
    private static final Pattern NOTES = Pattern.compile("(?i)notes?|note\\(s\\)");
    private static final Pattern CONTINUED = Pattern.compile("(?i)\\(?\\s*(?:continued|cont['’]?d\\.?)\\s*\\)?");
    private static final Pattern CONNECTOR_END = Pattern.compile("(?i).*(?:\\b(?:and|or|of|the|for|to|in|from|on|by|with|a|an|at)|[,(–-])$");

    private final List<PdfLayout.TextLine> lines;
    private final Headings headings;
    private final List<Block> blocks = new ArrayList<>();
    /** The index of the first line not yet placed (in a block) nor read as text. */
    private int unread;
    private int previousEnd = -1;
    private List<String> previousContext = List.of();

    private PdfBlocks(List<PdfLayout.TextLine> lines, Headings headings) {
        this.lines = lines;
        this.headings = headings;
    }

    /** The blocks of the document, in order; the text between them is read by {@code headings}. */
    static List<Block> find(List<PdfLayout.TextLine> lines, Headings headings) {
        return new PdfBlocks(lines, headings).run();
    }

    private List<Block> run() {
        int i = 0;
        while (i < lines.size()) {
            if (!startsBlock(lines.get(i))) {
                i++;
                continue;
            }
            int end = block(i);
            i = Math.max(end + 1, i + 1);
        }
        read(lines.size());
        return blocks;
    }

    /** Reads the lines before {@code upTo} that no block took as text. */
    private void read(int upTo) {
        for (; unread < upTo; unread++) {
            String t = Cells.clean(lines.get(unread).text());
            if (!t.isEmpty() && !isStrayDashes(lines.get(unread))) {
                headings.text(lines.get(unread).number(), t);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ lines

    static boolean figureLike(String text) {
        return FIGURE_LIKE.matcher(text).matches();
    }

    private static boolean isYear(String text) {
        return Parts.YEAR.matcher(text).matches();
    }

    /** Figures that are not years, after the label (or all chunks, for an unlabelled line). */
    private static int figures(PdfLayout.TextLine l) {
        int n = 0;
        boolean allFigures = true;
        for (int c = 0; c < l.chunks().size(); c++) {
            String t = l.chunks().get(c).text();
            boolean f = figureLike(t);
            allFigures &= f || isCurrency(t);
            if (f && !isYear(t) && (c > 0 || l.chunks().size() > 1)) {
                n++;
            }
        }
        return allFigures || l.chunks().size() > 1 ? n : 0;
    }

    /** A line that starts a table: a label and a figure standing apart, or figures alone, not all dashes. */
    private static boolean startsBlock(PdfLayout.TextLine l) {
        if (isStrayDashes(l) || l.chunks().size() < 2) {
            return false;
        }
        int f = figures(l);
        if (f == 0) {
            return false;
        }
        String first = l.chunks().get(0).text();
        return figureLike(first) || f >= 1 && first.length() <= 160;
    }

    /** A line of nothing but dashes (rules drawn with dashes between the columns): not a row. */    // compiled once: they are tried on every line of a long document
    private static final Pattern DASHES = Pattern.compile("[-–—_=\\s]+");
    private static final Pattern DASH = Pattern.compile("[-–—]");
    private static final Pattern CURRENCY = Pattern.compile("\\$|£|€|US\\$|HK\\$|RMB|S\\$|A\\$|C\\$");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private static boolean isStrayDashes(PdfLayout.TextLine l) {
        for (PdfLayout.Chunk c : l.chunks()) {
            if (!DASHES.matcher(c.text()).matches()) {
                return false;
            }
        }
        return true;
    }

    static boolean isCurrency(String t) {
        return CURRENCY.matcher(t).matches();
    }

    private static int em(PdfLayout.TextLine l) {
        return Math.max(400, l.size());
    }

    // ------------------------------------------------------------------------------------------------ a block

    /** Reads the block whose first data line is {@code start}; returns the index of its last line. */
    private int block(int start) {
        PdfLayout.TextLine first = lines.get(start);
        int left = first.x0();
        int right = first.x1();
        int firstFigure = right;
        for (int c = 1; c < first.chunks().size(); c++) {
            if (figureLike(first.chunks().get(c).text())) {
                firstFigure = Math.min(firstFigure, first.chunks().get(c).x0());
            }
        }
        int headerFloor = Math.max(left + (right - left) * 15 / 100,
                Math.min(firstFigure - 10 * em(first), left + (right - left) * 40 / 100));
        // upward: label-only lines (section headings), then header lines
        List<Integer> header = new ArrayList<>();
        List<Integer> above = new ArrayList<>();
        int k = start - 1;
        int lowest = Math.max(unread, previousEnd + 1);
        int prevY = first.y();
        while (k >= lowest && lines.get(k).page() == first.page() && header.size() < 7) {
            PdfLayout.TextLine l = lines.get(k);
            if (prevY - l.y() > em(first) * 6) {
                break;
            }
            if (isHeaderish(l, headerFloor)) {
                header.add(0, k);
            } else if (header.isEmpty() && isLabelOnly(l, headerFloor) && !Headings.isPeriodSubtitle(Cells.clean(l.text()))) {
                above.add(0, k);
            } else {
                break;
            }
            prevY = l.y();
            k--;
        }
        if (header.isEmpty()) {
            above.clear();
        }
        int begin = header.isEmpty() ? start : header.get(0);
        int[] notes = notesRange(header);
        // downward: data lines, and label-only lines among them
        List<Integer> body = new ArrayList<>(above);
        body.add(start);
        int figureLeft = figureLeft(first, notes, Integer.MAX_VALUE);
        List<Integer> pending = new ArrayList<>();
        List<Integer> edges = new ArrayList<>();
        rightEdges(first, notes, edges);
        int last = start;
        int j = start + 1;
        for (; j < lines.size(); j++) {
            PdfLayout.TextLine l = lines.get(j);
            PdfLayout.TextLine before = lines.get(pending.isEmpty() ? last : pending.get(pending.size() - 1));
            int gap = l.y() - before.y();
            int em = em(first);
            if (l.page() != first.page() || gap > em * 35 / 10 && !(gap <= em * 12 && aligned(l, notes, edges))) {
                break;
            }
            if (isStrayDashes(l)) {
                pending.add(j);
                continue;
            }
            boolean data = figures(l) > 0 && (l.chunks().size() > 1 || l.x0() >= figureLeft - em(l));
            if (data && !isHeaderish(l, headerFloor)) {
                body.addAll(pending);
                pending.clear();
                body.add(j);
                last = j;
                figureLeft = figureLeft(l, notes, figureLeft);
                rightEdges(l, notes, edges);
            } else if (isLabelOnly(l, Math.min(figureLeft, right)) && pending.size() < 4) {
                pending.add(j);
            } else {
                break;
            }
        }
        // a label-only line right after the last row that starts in lower case finishes that row's label
        if (!pending.isEmpty() && startsLowerCase(lines.get(pending.get(0)))) {
            body.add(pending.get(0));
            last = pending.get(0);
        }
        body.removeIf(b -> isStrayDashes(lines.get(b)));
        int dataLines = 0;
        for (int b : body) {
            dataLines += figures(lines.get(b)) > 0 ? 1 : 0;
        }
        if (dataLines < 2 && header.isEmpty()) {
            return start;
        }
        boolean adjacent = adjacent(begin);
        read(begin);
        Block.Context context = headings.tableStarts();
        blocks.add(new PdfColumns(lines, header, body, notes).block(adjacent, context));
        previousEnd = last;
        previousContext = normalised(context.textSince());
        unread = last + 1;
        return last;
    }

    /** Adds the right edges of a line's figures (not its label, not its note). */
    private static void rightEdges(PdfLayout.TextLine l, int[] notes, List<Integer> edges) {
        for (int c = 0; c < l.chunks().size(); c++) {
            PdfLayout.Chunk ch = l.chunks().get(c);
            if ((c > 0 || l.chunks().size() > 1 && figureLike(l.chunks().get(1).text())) && figureLike(ch.text())
                    && !(notes != null && ch.x0() >= notes[0] && ch.x1() <= notes[1])) {
                edges.add(ch.x1());
            }
        }
    }

    /** A line of figures standing in the columns already found (a table that leaves white space between rows). */
    private static boolean aligned(PdfLayout.TextLine l, int[] notes, List<Integer> edges) {
        if (edges.isEmpty() || figures(l) == 0) {
            return false;
        }
        List<Integer> own = new ArrayList<>();
        rightEdges(l, notes, own);
        if (own.isEmpty() && l.chunks().size() == 1) {
            own.add(l.x1());
        }
        for (int x : own) {
            boolean near = false;
            for (int e : edges) {
                near |= Math.abs(x - e) <= em(l);
            }
            if (!near) {
                return false;
            }
        }
        return !own.isEmpty();
    }

    private static boolean startsLowerCase(PdfLayout.TextLine l) {
        String t = l.text();
        return !t.isEmpty() && Character.isLowerCase(t.charAt(0));
    }

    /** Where figures start on a data line (past the label and the Notes column). */
    private static int figureLeft(PdfLayout.TextLine l, int[] notes, int sofar) {
        int out = sofar;
        for (int c = 1; c < l.chunks().size(); c++) {
            PdfLayout.Chunk ch = l.chunks().get(c);
            if (figureLike(ch.text()) && !(notes != null && ch.x0() >= notes[0] && ch.x1() <= notes[1])) {
                out = Math.min(out, ch.x0());
            }
        }
        return out;
    }

    /** A header line: every chunk stands right of the label area, and none is a figure but a year. */
    private static boolean isHeaderish(PdfLayout.TextLine l, int floor) {
        if (l.x0() < floor) {
            return false;
        }
        for (PdfLayout.Chunk c : l.chunks()) {
            if (figureLike(c.text()) && !isYear(c.text()) && !DASH.matcher(c.text()).matches()) {
                return false;
            }
        }
        return l.text().length() <= 200;
    }

    /** A line of label only: it ends before the figures start and is not a paragraph. */
    private static boolean isLabelOnly(PdfLayout.TextLine l, int figureLeft) {
        return l.x1() <= figureLeft && l.text().length() <= 130 && figures(l) == 0;
    }

    /** The x-range of the Notes column, from a "Notes" heading, widened by an em; null when there is none. */
    private int[] notesRange(List<Integer> header) {
        for (int h : header) {
            PdfLayout.TextLine l = lines.get(h);
            for (PdfLayout.Chunk c : l.chunks()) {
                if (NOTES.matcher(c.text()).matches()) {
                    return new int[] {c.x0() - em(l), c.x1() + em(l)};
                }
            }
        }
        return null;
    }

    /**
     * Whether a block continues the previous one across a page break: it starts on a later page, and all that
     * stands between is the previous table's title repeated (perhaps marked "continued") or its period line.
     */
    private boolean adjacent(int begin) {
        if (previousEnd < 0 || unread != previousEnd + 1 || lines.get(begin).page() <= lines.get(previousEnd).page()) {
            return false;
        }
        for (int i = previousEnd + 1; i < begin; i++) {
            String t = normalised(lines.get(i).text());
            if (!t.isEmpty() && !previousContext.contains(t) && !Headings.isPeriodSubtitle(Cells.clean(lines.get(i).text()))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> normalised(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            out.add(normalised(t));
        }
        return out;
    }

    private static String normalised(String text) {
        return NOT_WORD.matcher(CONTINUED.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static boolean continuesLabel(String above, String below) {
        return !below.isEmpty() && (Character.isLowerCase(below.charAt(0)) || CONNECTOR_END.matcher(above).matches()
                || PARENTHESIS_GOES_ON.matcher(below).matches() && !above.endsWith(":"));
    }

    /** A line that goes on with a parenthesis: "(expense) for the year", "(2010: 22%) (note)". */
    private static final Pattern PARENTHESIS_GOES_ON = Pattern.compile("\\((?:[a-z]|\\d{4}\\s*:).*");
}
