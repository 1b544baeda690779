package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads an announcement printed as text: strict UTF-8, size-limited, split into lines (LF, CRLF or CR). */
public final class TextReader {

    /** Largest announcement read. Larger files are refused before reading. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private TextReader() {
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
            return List.of(text.split("\r\n|\r|\n", -1));
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read the file (" + e.getMessage() + ")", e);
        }
    }
}
