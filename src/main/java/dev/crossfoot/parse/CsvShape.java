package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Limits;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many cells a CSV file holds, counted from its bytes before it is read (so that a table over the limits is
 * refused before it costs any memory): one pass, constant memory. A cell is a value between commas, on every line
 * (an empty line counts as one); commas and line ends inside quotes do not count. Refuses a file over the size limit,
 * a file that is plainly not text, and a row wider than {@link Limits#MAX_COLUMNS}.
 */
final class CsvShape {

    private CsvShape() {
    }

    /** The number of cells of the file; throws when the file or one of its rows is over a limit. */
    static long cells(Path path, String shownPath) {
        refuseOversize(path, shownPath);
        FileKind.refuseBinary(path, shownPath);
        Counter counter = new Counter(shownPath);
        // no bigger than the file (a table is a few kB; 64 kB zeroed per table was a tenth of reading a filing's tables)
        byte[] buf = new byte[(int) Math.min(1 << 16, Math.max(0, size(path)) + 1)];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                counter.feed(buf, n);
            }
        } catch (IOException e) {
            return counter.cells; // reading it properly reports the problem
        }
        return counter.end();
    }

    /**
     * A table file read whole, once, and counted as {@link #cells(Path, String)} counts it.
     *
     * @param bytes the file's bytes, or null when it could not be read whole in one go (an I/O error, or the file
     *              changed size while it was read): reading it again, the usual way, says what is wrong
     * @param cells its cells
     */
    record Counted(byte[] bytes, long cells) {
    }

    /**
     * Reads a table file whole and counts its cells, with the same refusals, in the same order, as
     * {@link #cells(Path, String)}: over the size limit, plainly not text, a row wider than the limit. One read
     * instead of three (the kind, the count, then the reading of the records).
     */
    static Counted read(Path path, String shownPath) {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(path)) {
            long size = channel.size();
            if (size > Limits.MAX_TABLE_BYTES) {
                return new Counted(null, cells(path, shownPath)); // refused as it always was, naming the size
            }
            bytes = new byte[(int) size];
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining() && channel.read(buf) >= 0) {
                // until the file's size is read, or it ends sooner
            }
            if (buf.hasRemaining() || channel.read(ByteBuffer.allocate(1)) >= 0) {
                return new Counted(null, cells(path, shownPath)); // it changed size since: read it the usual way
            }
        } catch (IOException e) {
            return new Counted(null, cells(path, shownPath));
        }
        FileKind.refuseBinary(bytes, shownPath);
        Counter counter = new Counter(shownPath);
        counter.feed(bytes, bytes.length);
        return new Counted(bytes, counter.end());
    }

    /**
     * Counts cells as bytes come: a cell is a value between commas, on every line (an empty line counts as one);
     * commas and line ends inside quotes do not count. Refuses a row wider than {@link Limits#MAX_COLUMNS}.
     */
    private static final class Counter {
        private final String shownPath;
        private long cells;
        private int line = 1;
        private int recordLine = 1;
        private int fields = 1;
        private boolean quoted;
        private boolean afterCr;

        Counter(String shownPath) {
            this.shownPath = shownPath;
        }

        void feed(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (afterCr) {
                    afterCr = false;
                    if (b == '\n') {
                        continue;
                    }
                }
                if (b == '\n' || b == '\r') {
                    line++;
                    afterCr = b == '\r';
                    if (!quoted) {
                        refuseWide(fields, shownPath, recordLine);
                        cells += fields;
                        fields = 1;
                        recordLine = line;
                    }
                } else if (b == '"') {
                    quoted = !quoted;
                } else if (b == ',' && !quoted) {
                    fields++;
                }
            }
        }

        /** The count, once every byte was fed. */
        long end() {
            refuseWide(fields, shownPath, recordLine);
            return cells + fields;
        }
    }

    /** The file's size, or -1 when it cannot be told (reading it then says why). */
    static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void refuseWide(int fields, String shownPath, int line) {
        if (fields > Limits.MAX_COLUMNS) {
            throw new InputException(SourceLocation.of(shownPath, line, Limits.MAX_COLUMNS + 1), "the row has "
                    + Limits.count(fields) + " columns, over the limit of " + Limits.count(Limits.MAX_COLUMNS)
                    + " columns for a table; a statement never has that many: is this the right file?");
        }
    }

    /** Refuses a file over the size limit before reading it (no OutOfMemoryError); returns its size. */
    static long refuseOversize(Path path, String shownPath) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(shownPath), "cannot read the file: " + e.getMessage(), e);
        }
        if (size > Limits.MAX_TABLE_BYTES) {
            throw new InputException(SourceLocation.of(shownPath), "the file is " + Sizes.megabytes(size) + ", over the "
                    + Sizes.megabytes(Limits.MAX_TABLE_BYTES) + " limit for one table; split the table into several files");
        }
        return size;
    }

    /** Refuses a table whose cells take the filing over its limit; {@code before} is what the filing's earlier tables hold. */
    static void refuseMany(long cells, long before, String shownPath) {
        if (before + cells <= Limits.MAX_FILING_CELLS) {
            return;
        }
        String found = before == 0 ? "the table holds " + Limits.count(cells) + " cells"
                : "the filing's tables hold " + Limits.count(before + cells) + " cells up to this one (this one " + Limits.count(cells) + ")";
        throw new InputException(SourceLocation.of(shownPath), found + " (rows × columns), over the limit of "
                + Limits.count(Limits.MAX_FILING_CELLS) + " cells for one filing (what a 256 MiB heap holds); "
                + "split the filing into several");
    }
}
