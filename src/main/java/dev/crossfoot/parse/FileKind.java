package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file is when it is plainly not text, from its first bytes (whatever its name says): a spreadsheet, a word
 * processor file, a PDF, an image or an archive. crossfoot reads CSV tables; such a file gets a message that says
 * what it is and what to do, instead of whatever a CSV parser makes of its bytes.
 */
final class FileKind {

    /** How many bytes are read to tell: enough for the names of a ZIP's first entries. */
    private static final int HEAD = 4096;

    private FileKind() {
    }

    /**
     * @throws InputException when the file is a kind crossfoot does not read, naming the kind
     */
    static void refuseBinary(Path path, String shownPath) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            return; // reading it properly reports the problem
        }
        refuse(kind(head, head.length), shownPath);
    }

    /**
     * As {@link #refuseBinary(Path, String)}, for a file already read whole: its first bytes tell.
     *
     * @throws InputException when the file is a kind crossfoot does not read, naming the kind
     */
    static void refuseBinary(byte[] file, String shownPath) {
        refuse(kind(file, Math.min(file.length, HEAD)), shownPath);
    }

    private static void refuse(String kind, String shownPath) {
        if (kind != null) {
            throw new InputException(SourceLocation.of(shownPath), "not supported: this is " + kind + ", not a CSV table; "
                    + (kind.contains("spreadsheet") || kind.contains("workbook")
                    ? "save each sheet as CSV (UTF-8) and give that file" : "crossfoot reads tables as CSV text (UTF-8)"));
        }
    }

    /** The kind of file the first bytes show, as a phrase ("an Excel workbook (.xlsx)"), or null for none known. */
    static String kind(byte[] head) {
        return kind(head, head.length);
    }

    /** As {@link #kind(byte[])}, of the first {@code length} bytes of {@code head}. */
    private static String kind(byte[] head, int length) {
        if (starts(head, 'P', 'K', 3, 4)) {
            String names = new String(head, 0, length, StandardCharsets.ISO_8859_1);
            if (names.contains("opendocument.spreadsheet")) {
                return "an OpenDocument spreadsheet (.ods)";
            }
            if (names.contains("xl/")) {
                return "an Excel workbook (.xlsx)";
            }
            if (names.contains("word/") || names.contains("opendocument.text")) {
                return "a word-processor document (.docx, .odt)";
            }
            return "a ZIP archive (or an Office file)";
        }
        if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "an Excel 97-2003 workbook (.xls) or another old Office file";
        }
        if (starts(head, '%', 'P', 'D', 'F', '-')) {
            return "a PDF document";
        }
        if (starts(head, 0x89, 'P', 'N', 'G') || starts(head, 0xFF, 0xD8, 0xFF) || starts(head, 'G', 'I', 'F', '8')) {
            return "an image";
        }
        if (starts(head, 0x1F, 0x8B)) {
            return "a gzip-compressed file";
        }
        return null;
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
