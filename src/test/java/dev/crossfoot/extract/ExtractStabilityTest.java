package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.testing.FilingCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tables' shape does not depend on any single figure being right: whichever figure of the bundled
 * announcement is misprinted (moved by 997 units of its last digit), extract finds the same tables, columns,
 * sections and labels, so the rules still find their rows and the misprint shows up as a failing check,
 * not as a missing row.
 */
class ExtractStabilityTest {

    static final Path SEED = Path.of("fixtures/sensetime-2023-announcement.txt");

    /** Tables, columns and rows (section and label), without the figures. */
    static List<String> shape(Extraction x) {
        List<String> out = new ArrayList<>();
        for (Extraction.Table t : x.tables()) {
            out.add(t.id() + " " + t.unit() + " " + t.columns() + " " + t.columnUnits() + " " + t.rowUnits());
            for (Extraction.Row r : t.rows()) {
                out.add("  " + r.section() + " > " + r.label());
            }
        }
        return out;
    }

    /** Every figure, each misprinted alone: 1,139 extractions, a long run (-Plong). */
    @Test
    @Tag("long")
    void everyFigureMisprintedAlone_leavesTheShapeOfTheTablesUnchanged() throws IOException {
        misprintEvery(1, 1100);
    }

    /** Every 25th figure, each misprinted alone: the same check on a sample, in every build. */
    @Test
    void aSampleOfFiguresMisprintedAlone_leavesTheShapeOfTheTablesUnchanged() throws IOException {
        misprintEvery(25, 44);
    }

    /** Misprints every {@code step}-th figure of the announcement alone (at least {@code minimum} of them) and extracts each. */
    private static void misprintEvery(int step, int minimum) throws IOException {
        assertTrue(Files.isRegularFile(SEED), SEED.toAbsolutePath().toString());
        List<String> lines = List.of(Files.readString(SEED, StandardCharsets.UTF_8).split("\n", -1));
        Extraction original = Extractor.extract("seed", lines);
        List<String> shape = shape(original);
        List<List<String>> misprints = new ArrayList<>();
        List<String> where = new ArrayList<>();
        int figures = 0;
        for (Extraction.Table t : original.tables()) {
            for (Extraction.Row r : t.rows()) {
                String line = lines.get(r.line() - 1);
                String[] cells = line.split("\t", -1);
                for (int c = 1; c < cells.length; c++) {
                    String text = Cells.clean(cells[c]);
                    if (!(Cells.figure(text) instanceof dev.crossfoot.model.Figure.Amount) || text.endsWith("%")) {
                        continue;
                    }
                    if (figures++ % step != 0) {
                        continue;
                    }
                    String[] changed = cells.clone();
                    changed[c] = cells[c].replace(text, FilingCopy.bump(text, 997));
                    List<String> mutated = new ArrayList<>(lines);
                    mutated.set(r.line() - 1, String.join("\t", changed));
                    misprints.add(mutated);
                    where.add("line " + r.line() + " cell " + c + ": " + text + " -> " + changed[c]);
                }
            }
        }
        int tried = misprints.size();
        List<String> moved = IntStream.range(0, tried).parallel()
                .filter(i -> !shape(Extractor.extract("seed", misprints.get(i))).equals(shape))
                .mapToObj(where::get).toList();
        assertTrue(tried >= minimum, "figures tried: " + tried);
        assertEquals(List.of(), moved, () -> moved.size() + " of " + tried + " misprints change the tables' shape");
    }
}
