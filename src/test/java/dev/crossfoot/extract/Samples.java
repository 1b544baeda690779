package dev.crossfoot.extract;

import java.util.ArrayList;
import java.util.List;

/** Small blocks for the stages' tests: lines as cells ("|" separates them), header lines first. */
final class Samples {

    private Samples() {
    }

    static Block.Context context(String part, String... textSince) {
        return new Block.Context(part, "", "", "", "", "", List.of(textSince), "");
    }

    static Line line(int number, String cells) {
        return new Line(number, List.of(cells.split("\\|", -1)), false);
    }

    /** A block of a laid-out document: the first {@code header} lines are its header. */
    static Parsed parsed(int header, String... lines) {
        return parsed(context(""), header, lines);
    }

    static Parsed parsed(Block.Context ctx, int header, String... lines) {
        List<Line> all = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            all.add(line(i + 1, lines[i]));
        }
        Block b = new Block(1, lines.length, all, ctx, false, header);
        return Parts.parse(b);
    }
}
