package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.Limits;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The largest filings crossfoot accepts, checked in a child JVM with a 256 MiB heap: each is checked (exit 0 or 1),
 * never an OutOfMemoryError or a stack trace. Two shapes at the limits of {@link Limits}: the tallest table (a label
 * and one figure per row, labels long enough to fill the 16 MiB file, a sum over every row that fails, so that every
 * row is a term of the failing check and a candidate cause) and the widest (1,000 columns, a sum down every column and
 * a cross-foot along every row, one wrong cell on every row, so that every row and column fails and the matrix
 * diagnosis pairs them). Run by {@code mvn -q -B -Plong test} (about a minute per case on two cores).
 */
@Tag("long")
class LargestInputTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"tall/text", "tall/json", "tall/html", "wide/text", "wide/html"})
    void largestAcceptedFiling_isCheckedIn256MiB(String shapeAndFormat) throws Exception {
        String shape = shapeAndFormat.substring(0, shapeAndFormat.indexOf('/'));
        String format = shapeAndFormat.substring(shape.length() + 1);
        Path dir = shape.equals("tall") ? tallest(temp.resolve(shape)) : widest(temp.resolve(shape));
        Path out = temp.resolve("report." + format);
        Path err = temp.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "--format", format, dir.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "no answer in 15 minutes");
        String stderr = Files.readString(err);
        assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("\tat ") || stderr.contains("Exception"), stderr);
        assertTrue(p.exitValue() == 1, "exit " + p.exitValue() + ": " + stderr);
        assertTrue(Files.size(out) > 0, "no report");
    }

    @org.junit.jupiter.api.Test
    void sixteenMiBOfTinyRows_isRefusedBeforeReading_in256MiB() throws Exception {
        Path dir = temp.resolve("tiny");
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("t.csv"), StandardCharsets.UTF_8)) {
            w.write("label,2023,2022\n");
            for (long written = 16; written + 6 <= Limits.MAX_TABLE_BYTES; written += 6) {
                w.write("a,1,1\n"); // the attack of issue 18 (a 127.6 MiB file of these ran out of memory), at the size limit
            }
        }
        Files.writeString(dir.resolve("filing.yaml"), "issuer: Tiny Co\ndocument: tiny rows\nperiods: [\"2023\"]\n"
                + "tables:\n  - id: t\n    file: t.csv\n    unit: RMB'000\n");
        Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: X\n    title: x\n    kind: cross-foot\n    table: t\n"
                + "    items: [\"2022\"]\n    total: \"2023\"\n");
        Path err = temp.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "-q", dir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "no answer in 15 minutes");
        String stderr = Files.readString(err);
        assertTrue(p.exitValue() == 2 && stderr.contains("cells (rows × columns), over the limit of 250,000 cells for one filing"),
                "exit " + p.exitValue() + ": " + stderr);
        assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("\tat "), stderr);
    }

    /** One table: label and 2023; rows Row 1 ... Row n with labels padded to fill the size limit, then a wrong Total. */
    static Path tallest(Path dir) throws IOException {
        int n = (int) (Limits.MAX_FILING_CELLS / 2 - 3); // cells: 2 per record (header, n rows, Total) and the empty last line
        int pad = (int) ((Limits.MAX_TABLE_BYTES - 64) / (n + 2)) - String.valueOf(n).length() - 12;
        String padding = " " + "x".repeat(pad);
        Files.createDirectories(dir);
        long total = 0;
        try (Writer w = Files.newBufferedWriter(dir.resolve("t.csv"), StandardCharsets.UTF_8)) {
            w.write("label,2023\n");
            for (int i = 1; i <= n; i++) {
                int v = (i * 7919) % 1000;
                total += v;
                w.write("Row " + i + padding + "," + v + "\n");
            }
            w.write("Total," + (total + 100_000) + "\n");
        }
        Files.writeString(dir.resolve("filing.yaml"), "issuer: Tall Co\ndocument: tallest\nperiods: [\"2023\"]\n"
                + "tables:\n  - id: t\n    file: t.csv\n    unit: RMB'000\n");
        Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: SUM\n    title: every row adds up to the total\n"
                + "    kind: sum\n    table: t\n    items: {from: Row 1" + padding + ", to: Row " + n + padding + "}\n    total: Total\n");
        assertTrue(Files.size(dir.resolve("t.csv")) <= Limits.MAX_TABLE_BYTES);
        return dir;
    }

    /** One table of 1,000 columns (label, c1 ... c998, Total) and as many rows as the cell limit allows, one wrong cell a row. */
    static Path widest(Path dir) throws IOException {
        int columns = Limits.MAX_COLUMNS - 2;
        int rows = (int) (Limits.MAX_FILING_CELLS / Limits.MAX_COLUMNS) - 3; // header and Total row; the empty last line
        Files.createDirectories(dir);
        long[] down = new long[columns + 1];
        try (Writer w = Files.newBufferedWriter(dir.resolve("t.csv"), StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("label");
            for (int c = 1; c <= columns; c++) {
                header.append(",c").append(c);
            }
            w.write(header + ",Total\n");
            for (int r = 1; r <= rows; r++) {
                StringBuilder line = new StringBuilder("Row " + r);
                long across = 0;
                for (int c = 1; c <= columns; c++) {
                    long v = (r * 31L + c * 17L) % 900 + 100;
                    across += v;
                    down[c - 1] += v;
                    line.append(',').append(c == r ? v + 1000 : v); // the diagonal is wrong: its row and its column fail
                }
                down[columns] += across;
                w.write(line.append(',').append(across).append('\n').toString());
            }
            StringBuilder totals = new StringBuilder("Total");
            for (long d : down) {
                totals.append(',').append(d);
            }
            w.write(totals.append('\n').toString());
        }
        Files.writeString(dir.resolve("filing.yaml"), "issuer: Wide Co\ndocument: widest\nperiods: [\"c1\"]\n"
                + "tables:\n  - id: t\n    file: t.csv\n    unit: RMB'000\n");
        List<String> items = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
            items.add("c" + c);
        }
        Files.writeString(dir.resolve("rules.yaml"), "rules:\n  - id: DOWN\n    title: every column adds up\n    kind: sum\n"
                + "    table: t\n    items: {from: Row 1, to: Row " + rows + "}\n    total: Total\n"
                + "  - id: ACROSS\n    title: every row adds up\n    kind: cross-foot\n    table: t\n    items: [" + String.join(", ", items)
                + "]\n    total: Total\n");
        return dir;
    }
}
