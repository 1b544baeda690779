package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Limits;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads an announcement printed as text: strict UTF-8, size-limited, split into lines (LF, CRLF or CR). */
public final class TextReader {

    /**
     * Largest announcement read. Larger files are refused before reading. The text is held three times while it is
     * read (bytes, text, lines), twice the bytes for text that is not Latin-1: 16 MiB keeps that well inside a 256 MiB
     * heap; an announcement saved as text is 0.1 to 2 MB.
     */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private TextReader() {
    }

    /**
     * Refuses a line over {@link Limits#MAX_TEXT_LINE} characters, or of more than {@link Limits#MAX_COLUMNS}
     * tab-separated cells: no announcement prints one, and the extractor's stages are then sure to be linear.
     */
    private static void refuseWide(List<String> lines, String shown) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > Limits.MAX_TEXT_LINE) {
                throw new InputException(SourceLocation.of(shown, i + 1, Limits.MAX_TEXT_LINE + 1), "the line is "
                        + Limits.count(line.length()) + " characters long, over the limit of " + Limits.count(Limits.MAX_TEXT_LINE)
                        + " characters for a line of an announcement; is it the right file?");
            }
            int cells = 1;
            for (int k = line.indexOf('\t'); k >= 0; k = line.indexOf('\t', k + 1)) {
                cells++;
            }
            if (cells > Limits.MAX_COLUMNS) {
                throw new InputException(SourceLocation.of(shown, i + 1), "the line has " + Limits.count(cells)
                        + " tab-separated cells, over the limit of " + Limits.count(Limits.MAX_COLUMNS)
                        + " columns for a table; is it the right file?");
            }
        }
    }

    /** The lines of the file, line 1 first; a byte-order mark is dropped. */
    public static List<String> lines(Path file, String shown) {
        if (!Files.exists(file)) {
            throw new InputException(SourceLocation.of(shown), "no such file; give the path of an announcement saved as text");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(SourceLocation.of(shown), "not a file; give the announcement's text file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(SourceLocation.of(shown), "the file is " + Sizes.megabytes(size)
                        + ", over the " + Sizes.megabytes(MAX_BYTES) + " limit for an announcement; is it the right file?");
            }
            String text = Utf8.decode(Files.readAllBytes(file), shown);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.indexOf('\0') >= 0) {
                int at = text.indexOf('\0');
                int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                throw new InputException(SourceLocation.of(shown, line), "a NUL byte: this is a binary file, not an announcement saved as text");
            }
            List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
            refuseWide(lines, shown);
            return lines;
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read the file (" + e.getMessage() + ")", e);
        }
    }
}
