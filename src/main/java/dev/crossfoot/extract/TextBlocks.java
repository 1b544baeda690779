package dev.crossfoot.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Block finding for an announcement saved as text: a table is a run of tab-separated lines, its cells the
 * tab-separated fields; every other line is text, read by {@link Headings}.
 */
final class TextBlocks {

    private TextBlocks() {
    }

    /** The blocks of the text, in order; the headings and footnotes read on the way are left in {@code headings}. */
    static List<Block> find(List<String> lines, Headings headings) {
        List<Block> blocks = new ArrayList<>();
        boolean onlyBlankSinceBlock = false;
        int i = 0;
        while (i < lines.size()) {
            String raw = lines.get(i);
            if (raw.indexOf('\t') >= 0) {
                int start = i;
                List<Line> run = new ArrayList<>();
                while (i < lines.size() && lines.get(i).indexOf('\t') >= 0) {
                    run.add(line(i + 1, lines.get(i)));
                    i++;
                }
                blocks.add(new Block(start + 1, i, run, headings.tableStarts(), onlyBlankSinceBlock));
                onlyBlankSinceBlock = true;
                continue;
            }
            String text = Cells.clean(Cells.unspace(raw));
            i++;
            if (text.isEmpty()) {
                continue;
            }
            onlyBlankSinceBlock = false;
            headings.text(i, text);
        }
        return blocks;
    }

    /** One tab-separated line: markup removed from each cell; underlined when any cell was. */
    static Line line(int number, String raw) {
        String[] parts = raw.split("\t", -1);
        List<String> cells = new ArrayList<>(parts.length);
        boolean underlined = false;
        for (String part : parts) {
            if (part.contains("<u>")) {
                underlined = true;
            }
            cells.add(Cells.clean(part));
        }
        return new Line(number, cells, underlined);
    }
}
