package dev.crossfoot.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.extract.narrative.NarrativeReader;
import dev.crossfoot.model.NarrativeFigure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the narrative reader: any labels and any prose give figures (never an exception), each printed in its
 * sentence, on a line of the prose, with a value that is not negative, an item only when it also has the words it
 * was matched on, and an interval that holds its value (or starts at it, for a bound).
 */
class NarrativeReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyProse_givesFiguresPrintedInTheirSentences(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        String[] parts = text.split("\n---\n", 2);
        List<String> labels = parts.length == 2 ? List.of(parts[0].split("\n")) : List.of("Revenue", "Gross profit");
        String body = parts.length == 2 ? parts[1] : parts[0];
        List<NarrativeReader.Prose> prose = new ArrayList<>();
        String[] lines = body.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            prose.add(new NarrativeReader.Prose(i + 1, lines[i]));
        }
        for (boolean laidOut : new boolean[] {false, true}) {
            List<NarrativeFigure> figures = new NarrativeReader(labels).read(prose, laidOut, String::valueOf);
            for (NarrativeFigure f : figures) {
                assertTrue(f.sentence().contains(f.printed()), () -> f.printed() + " not in " + f.sentence());
                assertTrue(f.line() >= 1 && f.line() <= lines.length, () -> "line " + f.line());
                assertTrue(f.value().signum() >= 0, f::toString);
                assertEquals(f.item().isEmpty(), f.words().isEmpty(), f::toString);
                BigDecimal far = new BigDecimal("1E+40");
                var interval = f.interval(far);
                assertTrue(interval.lo().compareTo(interval.hi()) <= 0, f::toString);
            }
        }
    }
}
