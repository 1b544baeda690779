package dev.crossfoot.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one PDF block, from where its figures stand: figures are right-aligned, so the right edges of the
 * figures, clustered, are the columns (a bracketed negative's closing parenthesis may hang past the edge). Each
 * line's chunks then become cells: chunks left of the figures are the label, a chunk under the "Notes" heading is
 * the note, and each other chunk goes to the column it stands in. A header chunk over several columns (a period
 * heading spanning them) is given to each. A label wrapped over two lines becomes one row's label.
 */
final class PdfColumns {

    /** One column: the range its figures' right edges fall in, and its left edge. */
    private record Column(int left, int rightMin, int rightMax) {
    }

    private final List<PdfLayout.TextLine> lines;
    private final List<Integer> header;
    private final List<Integer> body;
    private final int[] notes;
    private final List<Column> columns = new ArrayList<>();
    private int figureLeft = Integer.MAX_VALUE;

    PdfColumns(List<PdfLayout.TextLine> lines, List<Integer> header, List<Integer> body, int[] notes) {
        this.lines = lines;
        this.header = header;
        this.body = body;
        this.notes = notes;
        cluster();
    }

    private boolean inNotes(PdfLayout.Chunk c) {
        int mid = (c.x0() + c.x1()) / 2;
        return notes != null && mid >= notes[0] && mid <= notes[1] && c.x0() >= notes[0] - (notes[1] - notes[0]);
    }

    /** Per header line, the cells that a chunk over several columns filled (a spanning heading). */
    private final List<boolean[]> spanned = new ArrayList<>();

    private void cluster() {
        List<int[]> edges = new ArrayList<>();
        int em = 900;
        int labelLeft = Integer.MAX_VALUE;
        for (int b : body) {
            PdfLayout.TextLine l = lines.get(b);
            if (!PdfBlocks.figureLike(l.chunks().get(0).text())) {
                labelLeft = Math.min(labelLeft, l.x0());
            }
        }
        for (int b : body) {
            PdfLayout.TextLine l = lines.get(b);
            em = Math.max(400, l.size());
            for (int c = 0; c < l.chunks().size(); c++) {
                PdfLayout.Chunk ch = l.chunks().get(c);
                if (inNotes(ch) || !PdfBlocks.figureLike(ch.text()) || c == 0 && ch.x0() < labelLeft + 3 * em) {
                    continue;
                }
                edges.add(new int[] {ch.x1(), ch.x0()});
            }
        }
        edges.sort((a, b) -> Integer.compare(a[0], b[0]));
        int tolerance = Math.max(600, em * 90 / 100);
        Column current = null;
        for (int[] e : edges) {
            if (current != null && e[0] - current.rightMax() <= tolerance) {
                current = new Column(Math.min(current.left(), e[1]), current.rightMin(), e[0]);
                columns.set(columns.size() - 1, current);
            } else {
                current = new Column(e[1], e[0], e[0]);
                columns.add(current);
            }
        }
        for (Column c : columns) {
            figureLeft = Math.min(figureLeft, c.left());
        }
    }

    private int width() {
        return 1 + (notes != null ? 1 : 0) + columns.size();
    }

    private int firstColumnCell() {
        return notes != null ? 2 : 1;
    }

    /** The column whose right-edge range holds this right edge, else the nearest; -1 when there is no column. */
    private int byRightEdge(PdfLayout.Chunk ch, int em) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int d = ch.x1() < c.rightMin() ? c.rightMin() - ch.x1() : ch.x1() > c.rightMax() ? ch.x1() - c.rightMax() : 0;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** The columns a chunk stands over (overlapping each column's span, widened by a third of an em). */
    private List<Integer> under(PdfLayout.Chunk ch, int em) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (ch.x0() <= c.rightMax() + em / 3 && ch.x1() >= c.left() - em / 3) {
                out.add(i);
            }
        }
        if (out.isEmpty()) {
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            int mid = (ch.x0() + ch.x1()) / 2;
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                int d = Math.abs(mid - (c.left() + c.rightMax()) / 2);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            if (best >= 0 && bestDistance <= 6 * em) {
                out.add(best);
            }
        }
        return out;
    }

    private Line line(PdfLayout.TextLine l, boolean isHeader) {
        List<String> cells = new ArrayList<>();
        boolean[] span = new boolean[width()];
        for (int i = 0; i < width(); i++) {
            cells.add("");
        }
        if (isHeader) {
            spanned.add(span);
        }
        int em = Math.max(400, l.size());
        for (int c = 0; c < l.chunks().size(); c++) {
            PdfLayout.Chunk ch = l.chunks().get(c);
            String text = Cells.clean(ch.text());
            if (notes != null && inNotes(ch)) {
                append(cells, 1, text);
                continue;
            }
            if (!isHeader && c > 0 && PdfBlocks.isCurrency(text)) {
                continue;
            }
            if (ch.x1() < figureLeft - em / 2 && (c == 0 || !PdfBlocks.figureLike(ch.text()) || isHeader)) {
                append(cells, 0, text);
                continue;
            }
            if (!isHeader && PdfBlocks.isCurrency(text)) {
                continue;
            }
            if (!isHeader && PdfBlocks.figureLike(ch.text())) {
                int col = byRightEdge(ch, em);
                if (col >= 0) {
                    append(cells, firstColumnCell() + col, text);
                    continue;
                }
            }
            List<Integer> over = under(ch, em);
            if (over.isEmpty()) {
                append(cells, 0, text);
            }
            for (int col : over) {
                append(cells, firstColumnCell() + col, text);
                span[firstColumnCell() + col] |= over.size() > 1;
            }
        }
        return new Line(l.number(), cells, false);
    }

    private static void append(List<String> cells, int i, String text) {
        String had = cells.get(i);
        cells.set(i, had.isEmpty() ? text : had + " " + text);
    }

    Block block(boolean adjacent, Block.Context context) {
        List<Line> out = new ArrayList<>();
        for (int h : header) {
            out.add(line(lines.get(h), true));
        }
        stackWords(out);
        List<Line> rows = new ArrayList<>();
        for (int b : body) {
            rows.add(line(lines.get(b), false));
        }
        out.addAll(joinWrapped(rows));
        int first = lines.get(header.isEmpty() ? body.get(0) : header.get(0)).number();
        int last = lines.get(body.get(body.size() - 1)).number();
        return new Block(first, last, out, context, adjacent, header.size());
    }

    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("[\\p{L}][\\p{L}()'’.\\- ]*");

    /**
     * A column heading printed over two or three lines ("Share" over "capital") is one heading: words stacked in
     * one column's cells, not spanning others, are joined into the lowest of them.
     */
    private void stackWords(List<Line> header) {
        for (int c = firstColumnCell(); c < width(); c++) {
            for (int i = 0; i + 1 < header.size(); i++) {
                String above = header.get(i).cell(c);
                String below = header.get(i + 1).cell(c);
                if (above.isEmpty() || below.isEmpty() || spanned.get(i)[c] || spanned.get(i + 1)[c]
                        || !WORDS.matcher(above).matches() || !WORDS.matcher(below).matches()
                        || Header.unitOf(above) != null || Header.unitOf(below) != null
                        || Header.PERIOD_CELL.matcher(below).matches() || Header.PERIOD_CELL.matcher(above).matches()) {
                    continue;
                }
                List<String> a = new ArrayList<>(header.get(i).cells());
                List<String> b = new ArrayList<>(header.get(i + 1).cells());
                b.set(c, Cells.fixHyphenation(above + " " + below).replace("- ", "-"));
                a.set(c, "");
                header.set(i, new Line(header.get(i).number(), a, false));
                header.set(i + 1, new Line(header.get(i + 1).number(), b, false));
            }
        }
    }

    /** A label wrapped over two lines becomes one row: the second line continues the first's label. */
    private List<Line> joinWrapped(List<Line> rows) {
        List<Line> out = new ArrayList<>(rows);
        for (int i = 0; i + 1 < out.size(); i++) {
            Line a = out.get(i);
            Line b = out.get(i + 1);
            boolean aEmpty = valuesEmpty(a);
            boolean bEmpty = valuesEmpty(b);
            String al = a.cell(0);
            String bl = b.cell(0);
            if (al.isEmpty() || bl.isEmpty()) {
                continue;
            }
            if (aEmpty && PdfBlocks.continuesLabel(al, bl)) {
                List<String> cells = new ArrayList<>(b.cells());
                cells.set(0, Cells.fixHyphenation(al + " " + bl));
                if (notes != null && cells.get(1).isEmpty()) {
                    cells.set(1, a.cell(1));
                }
                out.set(i, new Line(a.number(), cells, b.underlined()));
                out.remove(i + 1);
                i--;
            } else if (!aEmpty && bEmpty && (notes == null || b.cell(1).isEmpty()) && Character.isLowerCase(bl.charAt(0))) {
                List<String> cells = new ArrayList<>(a.cells());
                cells.set(0, Cells.fixHyphenation(al + " " + bl));
                out.set(i, new Line(a.number(), cells, a.underlined()));
                out.remove(i + 1);
                i--;
            }
        }
        return out;
    }

    private boolean valuesEmpty(Line l) {
        for (int c = firstColumnCell(); c < l.cells().size(); c++) {
            if (!l.cell(c).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
