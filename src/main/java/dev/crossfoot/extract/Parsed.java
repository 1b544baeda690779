package dev.crossfoot.extract;

import java.util.List;

/** A block split into its header lines and its data lines, {@code width} cells wide (the label included). */
record Parsed(Block block, List<Line> header, List<Line> data, int width) {

    Parsed {
        header = List.copyOf(header);
        data = List.copyOf(data);
    }
}
