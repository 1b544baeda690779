package dev.crossfoot.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells of a table read without filing.yaml ({@link FigureParser#loose}), and naming a repeated row by its occurrence. */
class LooseFigureTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "'$  1,452.4'     | 1452.4   | unknown",
        "$(618)           | -618     | unknown",
        "'$ (3,781)'      | -3781    | unknown",
        "£12              | 12       | unknown",
        "US$000           | 0        | unknown",
        "'(35,569 )'      | -35569   | unknown",
        "'$130,000 (1)'   | 130000   | unknown",
        "'68,253(1)'      | 68253    | unknown",
        "−1               | -1       | unknown",
        "4.00%            | 4.00     | %",
        "(48.3)%          | -48.3    | %",
        "(8.4%)           | -8.4     | %",
        "'4.7 %'          | 4.7      | %"})
    void currencySignsAndFootnotesAreDroppedAndPercentSignsMakePercentages(String printed, String value, String unit) {
        Figure f = FigureParser.loose(printed, Unit.UNKNOWN);
        Figure.Amount a = assertInstanceOf(Figure.Amount.class, f);
        assertEquals(new BigDecimal(value), a.value());
        assertEquals(unit, a.unit().printed());
        assertEquals(printed.strip(), a.printed(), "shown as printed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"—", "$—", "$ —", "$-", "―", "—%", "---", "__", "——"})
    void dashesAreNil(String printed) {
        assertInstanceOf(Figure.Nil.class, FigureParser.loose(printed, Unit.UNKNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 bps", "- - %", "Dec 30, 2017", "3-5", "Quarter", "30/7/2021~", "1:1", "nm", "N/A", "_", "-_ x"})
    void anythingElseIsAMarkerThatIsNotANumber(String printed) {
        Figure f = FigureParser.loose(printed, Unit.UNKNOWN);
        assertInstanceOf(Figure.Marker.class, f);
        assertFalse(f.isNumeric());
    }

    @Test
    void aRepeatedLabelIsNamedByItsOccurrence() throws LookupException {
        Unit u = Unit.UNKNOWN;
        List<Row> rows = List.of(
                new Row(0, "", "Additions", Map.of(), 2), new Row(1, "", "", Map.of(), 3),
                new Row(2, "", "Additions", Map.of(), 4), new Row(3, "", "", Map.of(), 5));
        Table t = new Table("t", "t", "t.csv", u, List.of(), List.of(), rows);
        assertEquals(4, t.row(null, "Additions #2").line());
        assertEquals(3, t.row(null, "(unlabelled) #1").line());
        assertEquals(5, t.row(null, "(unlabelled) #2").line());
        LookupException e = assertThrows(LookupException.class, () -> t.row(null, "Additions"));
        assertTrue(e.getMessage().contains("'Additions #2'"), e.getMessage());
        assertThrows(LookupException.class, () -> t.row(null, "Additions #3"));
    }
}
