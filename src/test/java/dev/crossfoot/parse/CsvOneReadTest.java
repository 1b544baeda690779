package dev.crossfoot.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.model.Table;
import dev.crossfoot.model.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table file is read once: its bytes are counted ({@link CsvShape#read}) and parsed from memory
 * ({@link CsvTableReader#read(Path, String, String, CsvTableReader.Spec, byte[])}), and what that gives must be what
 * counting and parsing the file with Commons CSV gives: the same table (every row's label, section and line, every
 * cell's text, unit and place), or the same error at the same place. Compared on generated files, well-formed and
 * not: quoted cells with commas, quotes and line ends, CR, LF and CR LF, a BOM, empty lines, short and long rows,
 * stray quotes, NUL, bytes that are not UTF-8.
 */
class CsvOneReadTest {

    @TempDir
    Path temp;

    private static final CsvTableReader.Spec SPEC = new CsvTableReader.Spec("t", "t", Unit.parse("RMB'000"), Map.of(),
            List.of(), Map.of(), Map.of(), SourceLocation.of("filing.yaml", 3), null);

    private static final String[] FIGURES = {"1,234", "(5)", "-", "", "12.5", "\"3,405\"", "\"(1,905,055)\"", "N.A.", " 7 ",
        "\"\"", "0", "\"\n12\""};
    private static final String[] LABELS = {"Revenue", "\"a, b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"cr\r\nlf\"",
        "\"cr\ronly\"", "", "\"\"", "Caf\u00e9 \u2013 net", "\"\"\"\"", "Total"};
    private static final String[] BREAKS = {"\n", "\r\n", "\r"};
    private static final String[] NOISE = {"\"", ",", "\n", "\r", " ", "\0", "é", "a", "\"\"", "1"};

    @Test
    void generatedFiles_readOnce_giveWhatCountingAndParsingTheFileGive() throws IOException {
        Random random = new Random(17);
        Path file = temp.resolve("t.csv");
        int tables = 0;
        int errors = 0;
        int fromBytesAlone = 0;
        for (int n = 0; n < 4000; n++) {
            byte[] bytes = generate(random);
            Files.write(file, bytes);
            String before = outcome(() -> {
                CsvShape.cells(file, "t.csv");
                return CsvTableReader.read(file, "t.csv", "t.csv", SPEC);
            });
            String after = outcome(() -> {
                CsvShape.Counted counted = CsvShape.read(file, "t.csv");
                assertEquals(CsvShape.cells(file, "t.csv"), counted.cells(), "cells of " + shown(bytes));
                return CsvTableReader.read(file, "t.csv", "t.csv", SPEC, counted.bytes());
            });
            assertEquals(before, after, "file " + shown(bytes));
            if (before.startsWith("table")) {
                tables++;
                // read from its bytes alone, without the file, when it is plain
                Files.delete(file);
                String fromBytes = outcome(() -> CsvTableReader.read(file, "t.csv", "t.csv", SPEC, bytes));
                if (!fromBytes.startsWith("error")) {
                    assertEquals(before, fromBytes, "file " + shown(bytes));
                    fromBytesAlone++;
                }
            } else {
                errors++;
            }
        }
        // both kinds were compared, many times, and most tables were read from their bytes alone
        assertEquals(true, tables > 1000 && errors > 1000 && fromBytesAlone > tables * 3 / 4,
                tables + " tables (" + fromBytesAlone + " from their bytes alone), " + errors + " errors");
    }

    @Test
    void fileOfCellsTooManyOrTooWide_isRefusedByTheOneReading_asByCounting() throws IOException {
        Path file = temp.resolve("wide.csv");
        Files.writeString(file, "label," + "1,".repeat(1000) + "1\n");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> CsvShape.read(file, "wide.csv"));
        assertEquals("wide.csv:1:1001: the row has 1,002 columns, over the limit of 1,000 columns for a table; a statement"
                + " never has that many: is this the right file?", e.oneLine());
        Path zip = temp.resolve("book.csv");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 'x', 'l', '/'});
        InputException z = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> CsvShape.read(zip, "book.csv"));
        assertEquals(true, z.oneLine().contains("an Excel workbook (.xlsx), not a CSV table"), z.oneLine());
    }

    @Test
    void fileThatIsNotUtf8_isReadAgainFromTheFile_whoseErrorNamesTheByte() throws IOException {
        Path file = temp.resolve("latin.csv");
        Files.write(file, "label,2023\nCaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));
        CsvShape.Counted counted = CsvShape.read(file, "latin.csv");
        assertNotNull(counted.bytes());
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> CsvTableReader.read(file, "latin.csv", "latin.csv", SPEC, counted.bytes()));
        assertEquals("latin.csv:2: not valid UTF-8: byte 0xE9 at byte offset 14; save the file as UTF-8", e.oneLine());
    }

    @Test
    void fileNotReadWhole_isReadFromTheFile() throws IOException {
        Path file = temp.resolve("t.csv");
        Files.writeString(file, "label,2023\nRevenue,\"1,234\"\n");
        Table t = CsvTableReader.read(file, "t.csv", "t.csv", SPEC, null);
        assertEquals("1,234", t.rows().get(0).cells().get("2023").printed());
    }

    private static byte[] generate(Random random) {
        StringBuilder sb = new StringBuilder();
        String br = BREAKS[random.nextInt(BREAKS.length)];
        if (random.nextInt(8) == 0) {
            sb.append('\uFEFF');
        }
        int width = 2 + random.nextInt(3);
        List<String> header = new ArrayList<>(List.of("label", "2023", "2022", "section"));
        header = header.subList(0, width);
        if (random.nextInt(10) == 0) {
            header.set(random.nextInt(width), random.nextBoolean() ? "2023" : "\"2023\"");
        }
        sb.append(String.join(",", header)).append(br);
        int rows = random.nextInt(6);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(10) == 0) {
                sb.append(br); // an empty line
            }
            int cells = random.nextInt(12) == 0 ? width + random.nextInt(3) - 1 : width;
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(c == 0 || c == 3 ? LABELS[random.nextInt(LABELS.length)] : FIGURES[random.nextInt(FIGURES.length)]);
            }
            if (r < rows - 1 || random.nextBoolean()) {
                sb.append(br);
            }
        }
        int noise = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        for (int k = 0; k < noise; k++) {
            int at = random.nextInt(sb.length() + 1);
            sb.insert(at, NOISE[random.nextInt(NOISE.length)]);
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(25) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xE9; // not UTF-8 (or, by chance, still UTF-8)
        }
        return bytes;
    }

    /** What reading gave, as text: the whole table, or the error with its place. */
    private static String outcome(Supplier<Table> read) {
        try {
            Table t = read.get();
            StringBuilder sb = new StringBuilder("table ").append(t.columns()).append(t.textColumns()).append('\n');
            for (Row r : t.rows()) {
                sb.append(r.index()).append('|').append(r.line()).append('|').append(r.section()).append('|').append(r.label());
                for (Cell c : r.cells().values()) {
                    sb.append('|').append(c.column()).append('=').append(c.printed()).append(' ').append(c.unit())
                            .append(' ').append(c.figure().getClass().getSimpleName()).append('@').append(c.location());
                }
                sb.append('\n');
            }
            return sb.toString();
        } catch (InputException e) {
            return "error " + e.location() + " " + e.oneLine();
        }
    }

    private static String shown(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
