package dev.crossfoot.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CSV file already in memory into its records, as Commons CSV parses the RFC 4180 format (crossfoot's
 * {@code CsvTableReader.FORMAT}: comma, quote mark ("), line ends CR LF, LF or CR, empty lines kept), for files that are
 * plain: valid UTF-8 (after an optional byte-order mark), every quote either opening a cell, closing it before a comma
 * or a line end, or written twice inside it. Anything else is left to Commons CSV, which reads the file and says what
 * is wrong, where. (Commons CSV's own reader, buffers and lexer were a quarter of reading a filing.)
 */
final class CsvBytes {

    private CsvBytes() {
    }

    /** One record: the line it starts on (line ends inside quoted cells count), and its cells. */
    record Record(int line, List<String> values) {
    }

    /**
     * The records of the bytes, the header's first, or null when the bytes are not plain (see above): not UTF-8, a
     * quote inside an unquoted cell, anything but a comma or a line end after a closing quote, a quote left open.
     */
    static List<Record> records(byte[] bytes) {
        int n = bytes.length;
        int from = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        if (!utf8(bytes, from)) {
            return null;
        }
        // the bytes that end cells and records (comma, quote, CR, LF) are ASCII, never part of a longer UTF-8 sequence,
        // so the records are split on bytes and each cell decoded alone
        List<Record> records = new ArrayList<>();
        int i = from;
        int line = 1;
        List<String> values = new ArrayList<>();
        while (i < n) { // at the start of a record (the end of the file after a line end is no record)
            int recordLine = line;
            values.clear();
            while (true) { // one cell
                String value;
                if (i < n && bytes[i] == '"') {
                    java.io.ByteArrayOutputStream doubled = null; // a cell with a quote written twice
                    int start = i + 1;
                    while (true) {
                        int q = start;
                        while (q < n && bytes[q] != '"') {
                            q++;
                        }
                        if (q == n) {
                            return null; // a quote left open
                        }
                        line += lineEnds(bytes, start, q);
                        if (q + 1 < n && bytes[q + 1] == '"') {
                            doubled = doubled == null ? new java.io.ByteArrayOutputStream() : doubled;
                            doubled.write(bytes, start, q + 1 - start);
                            start = q + 2;
                            continue;
                        }
                        if (doubled == null) {
                            value = new String(bytes, start, q - start, StandardCharsets.UTF_8);
                        } else {
                            doubled.write(bytes, start, q - start);
                            value = doubled.toString(StandardCharsets.UTF_8);
                        }
                        i = q + 1;
                        break;
                    }
                    if (i < n && bytes[i] != ',' && bytes[i] != '\n' && bytes[i] != '\r') {
                        return null; // after a closing quote, only a comma or a line end is plain
                    }
                } else {
                    int start = i;
                    while (i < n) {
                        byte c = bytes[i];
                        if (c == ',' || c == '\n' || c == '\r') {
                            break;
                        }
                        if (c == '"') {
                            return null; // a quote inside an unquoted cell
                        }
                        i++;
                    }
                    value = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                }
                values.add(value);
                if (i < n && bytes[i] == ',') {
                    i++;
                    continue; // a comma at the very end is followed by one more, empty, cell
                }
                if (i < n) { // a line end: CR LF, LF or CR
                    i += bytes[i] == '\r' && i + 1 < n && bytes[i + 1] == '\n' ? 2 : 1;
                    line++;
                }
                break;
            }
            records.add(new Record(recordLine, List.copyOf(values)));
        }
        return records;
    }

    /** The line ends (CR LF, LF or CR) in bytes[from, to): a quoted cell's, which the lines of what follows count. */
    private static int lineEnds(byte[] bytes, int from, int to) {
        int ends = 0;
        for (int i = from; i < to; i++) {
            byte c = bytes[i];
            if (c == '\r' || c == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                ends++;
            }
        }
        return ends;
    }

    /** A decoder and its output, of each thread, for telling whether bytes are valid UTF-8 without keeping the text. */
    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
    private static final ThreadLocal<CharBuffer> DECODED = ThreadLocal.withInitial(() -> CharBuffer.allocate(4096));

    /** Whether the bytes from {@code from} are valid UTF-8, as the strict decoder that reads a table file finds them. */
    private static boolean utf8(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        if (i == bytes.length) {
            return true; // ASCII
        }
        CharsetDecoder decoder = DECODER.get().reset();
        CharBuffer out = DECODED.get();
        ByteBuffer in = ByteBuffer.wrap(bytes, i, bytes.length - i); // after the ASCII, which is UTF-8
        while (true) {
            out.clear();
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return false;
            }
            if (r.isUnderflow()) {
                out.clear();
                r = decoder.flush(out);
                return !r.isError();
            }
        }
    }
}
