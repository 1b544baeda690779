package dev.crossfoot.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.extract.Extraction;
import dev.crossfoot.extract.Extractor;
import dev.crossfoot.extract.FilingWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes the announcement extractor: any text gives an extraction (never an exception), with unique table ids,
 * every row as wide as its table, and files that name every table.
 */
class ExtractorFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyText_isExtractedWithoutAnExceptionOtherThanInputErrors(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        Extraction x = Extractor.extract("fuzz.txt", lines);
        Set<String> ids = new HashSet<>();
        for (Extraction.Table t : x.tables()) {
            assertTrue(ids.add(t.id()), () -> "duplicate id " + t.id());
            assertTrue(t.id().matches("[A-Za-z_][A-Za-z0-9_.-]*"), t.id());
            for (Extraction.Row r : t.rows()) {
                assertEquals(t.columns().size(), r.cells().size(), () -> t.id() + " line " + r.line());
                assertTrue(r.line() >= t.firstLine() && r.line() <= t.lastLine());
            }
        }
        Map<String, String> files = FilingWriter.files(x);
        assertEquals(x.tables().size() + 1 + (x.narrative().isEmpty() ? 0 : 1), files.size());
        x.notices().forEach(n -> assertTrue(n.line() >= 1 && n.line() <= lines.size(), n::toString));
    }
}
