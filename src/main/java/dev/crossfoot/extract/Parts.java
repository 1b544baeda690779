package dev.crossfoot.extract;

import dev.crossfoot.model.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a block into header and data lines, and joins the parts of a table that a page break split: a part
 * that follows another with nothing but blank lines between, has its own header with the same periods and starts
 * with a different row continues it; its columns are matched by name.
 */
final class Parts {

    static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

    private Parts() {
    }

    /** The block as header and data lines, or null when it holds no figure (not a numeric table). */
    static Parsed parse(Block b) {
        List<Line> all = new ArrayList<>();
        for (Line l : b.lines()) {
            if (!l.blank()) {
                all.add(l);
            }
        }
        int h = 0;
        if (b.headerLines() >= 0) {
            for (int i = 0; i < b.headerLines() && i < b.lines().size(); i++) {
                h += b.lines().get(i).blank() ? 0 : 1;
            }
        } else {
            while (h < all.size() && isHeaderLine(all.get(h), h == 0)) {
                h++;
            }
        }
        List<Line> header = all.subList(0, h);
        List<Line> data = all.subList(h, all.size());
        boolean figures = false;
        int width = 0;
        for (Line l : all) {
            width = Math.max(width, l.cells().size());
        }
        for (Line l : data) {
            for (int c = 1; c < l.cells().size() && !figures; c++) {
                figures = Cells.isAmount(l.cell(c)) || Cells.looksLikePercentRange(l.cell(c));
            }
        }
        if (!figures || data.isEmpty()) {
            return null;
        }
        return new Parsed(b, header, data, width);
    }

    /** A header line: an empty label and no figure but years; or, first, a line of headings only. */
    static boolean isHeaderLine(Line l, boolean first) {
        if (l.cell(0).isEmpty()) {
            for (int c = 1; c < l.cells().size(); c++) {
                String cell = l.cell(c);
                Figure f = Cells.figure(cell);
                if ((f instanceof Figure.Amount && !YEAR.matcher(cell).matches()) || f instanceof Figure.Nil) {
                    return false;
                }
            }
            return true;
        }
        if (!first || l.cells().size() < 2) {
            return false;
        }
        for (int c = 1; c < l.cells().size(); c++) {
            String cell = l.cell(c);
            if (cell.isEmpty() || !(Cells.figure(cell) instanceof Figure.Blank) && !Cells.isText(cell)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the second part continues the first across a page break. */
    static boolean continues(Parsed first, Parsed second) {
        if (second.header().isEmpty() || first.data().isEmpty() || second.data().isEmpty()) {
            return false;
        }
        String a = first.data().get(0).cell(0).replaceAll("\\d", "#");
        String b = second.data().get(0).cell(0).replaceAll("\\d", "#");
        if (a.equalsIgnoreCase(b)) {
            return false;
        }
        return periods(first).equals(periods(second));
    }

    private static List<String> periods(Parsed p) {
        List<String> out = new ArrayList<>();
        for (Line l : p.header()) {
            for (int c = 1; c < l.cells().size(); c++) {
                Matcher m = Header.PERIOD_CELL.matcher(l.cell(c));
                if (m.matches() && !out.contains(m.group(1))) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The second part's rows appended to the first's, each cell under the first's column of the same name. */
    static Parsed join(Parsed first, Parsed second) {
        List<String> a = Header.read(first).names();
        List<String> b = Header.read(second).names();
        List<Line> data = new ArrayList<>(first.data());
        for (Line l : second.data()) {
            List<String> cells = new ArrayList<>();
            cells.add(l.cell(0));
            for (int c = 1; c < first.width(); c++) {
                cells.add("");
            }
            for (int c = 1; c < second.width(); c++) {
                int at = a.indexOf(b.get(c));
                if (at < 0) {
                    at = c;
                }
                if (at < cells.size()) {
                    cells.set(at, l.cell(c));
                }
            }
            data.add(new Line(l.number(), cells, l.underlined()));
        }
        return new Parsed(first.block(), first.header(), data, first.width());
    }
}
