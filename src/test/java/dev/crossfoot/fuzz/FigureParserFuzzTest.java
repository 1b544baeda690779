package dev.crossfoot.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crossfoot.model.Figure;
import dev.crossfoot.model.FigureFormatException;
import dev.crossfoot.model.FigureParser;
import dev.crossfoot.model.Interval;
import dev.crossfoot.model.MarkerSpec;
import dev.crossfoot.model.Unit;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Fuzzes the figure parser: any text gives a figure or a FigureFormatException, never another exception,
 * and every amount's interval contains its value.
 */
class FigureParserFuzzTest {

    private static final Unit[] UNITS = {Unit.parse("RMB'000"), Unit.parse("RMB million"), Unit.PERCENT, Unit.parse("RMB per share")};
    private static final Map<String, MarkerSpec> MARKERS = Map.of("*",
            new MarkerSpec("*", "less than RMB1,000", new Interval(BigDecimal.ZERO, new BigDecimal(1000))));

    @FuzzTest(maxDuration = "60s")
    void anyText_isAFigureOrAFormatError(FuzzedDataProvider data) {
        Unit unit = data.pickValue(UNITS);
        String text = data.consumeRemainingAsString();
        Figure f;
        try {
            f = FigureParser.parse(text, unit, MARKERS);
        } catch (FigureFormatException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        }
        if (f instanceof Figure.Amount a) {
            Interval i = a.interval();
            assertTrue(i.contains(unit.toBase(a.value())), () -> text + " -> " + i);
            assertEquals(0, i.halfWidth().compareTo(a.halfUnit()));
        }
        if (f.isNumeric()) {
            assertTrue(f.interval().lo().compareTo(f.interval().hi()) <= 0);
        }
    }
}
