package dev.crossfoot.extract;

import java.util.List;

/**
 * What a block finder hands to the shared stages: the lines of one table as printed (header lines first), where
 * in the document it stands, and whether only blank lines (or a page break) separate it from the block before.
 *
 * @param first              the document line the block starts on
 * @param last               the document line it ends on
 * @param adjacentToPrevious whether nothing but blank lines, page furniture or a page break stands between this
 *                           block and the previous one (so it may continue it)
 * @param headerLines        how many of the lines are the header, when the block finder knows (a PDF's, from where
 *                           the lines stand); -1 when {@link Parts} is to tell them by their cells
 */
record Block(int first, int last, List<Line> lines, Context context, boolean adjacentToPrevious, int headerLines) {

    Block {
        lines = List.copyOf(lines);
    }

    /** A block whose header lines are found by {@link Parts} (a text's). */
    Block(int first, int last, List<Line> lines, Context context, boolean adjacentToPrevious) {
        this(first, last, lines, context, adjacentToPrevious, -1);
    }

    /**
     * Where in the document a block stands: its headings, and the text since the last table.
     *
     * @param part      the part of the document outside the notes ("CONSOLIDATED BALANCE SHEET")
     * @param note      the number of the note the block is in, or ""
     * @param sub       the note's enumerated sub-heading ("a", "a-ii"), or ""
     * @param heading   the last heading line before the block
     * @param textSince the lines of text between the previous block and this one
     * @param currency  the currency the document's text names most ("US$" for a plain "$"), or ""
     */
    record Context(String part, String note, String noteTitle, String sub, String subTitle, String heading,
                   List<String> textSince, String currency) {
        Context {
            textSince = List.copyOf(textSince);
        }
    }
}
