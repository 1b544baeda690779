package dev.crossfoot.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FigureParserTest {

    private static final Unit THOUSANDS = Unit.parse("RMB'000");
    private static final Unit MILLIONS = Unit.parse("RMB million");

    private static Figure parse(String s, Unit u) throws FigureFormatException {
        return FigureParser.parse(s, u, Map.of());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "3,405,842      | 3405842",
        "(1,905,055)    | -1905055",
        "1,183.7        | 1183.7",
        "34.8           | 34.8",
        "(0.20)         | -0.20",
        "3405842        | 3405842",
        "-10.6          | -10.6",
        "−10.6          | -10.6",
        "+5.2           | 5.2",
        "0              | 0",
        "100.00         | 100.00",
        "' 1,234 '      | 1234",
        "1,234\u00A0    | 1234"})
    void printedForms_areAmountsWithTheirPrintedScale(String printed, String expected) throws Exception {
        Figure f = parse(printed, THOUSANDS);
        Figure.Amount a = assertInstanceOf(Figure.Amount.class, f);
        assertEquals(new BigDecimal(expected), a.value(), "value and scale of " + printed);
        assertEquals(new BigDecimal(expected).scale(), a.value().scale());
    }

    @ParameterizedTest
    @ValueSource(strings = {"–", "-", "—", "−"})
    void dash_isNilExactlyZero(String dash) throws Exception {
        Figure f = parse(dash, THOUSANDS);
        assertInstanceOf(Figure.Nil.class, f);
        assertEquals(Interval.ZERO, f.interval());
    }

    @Test
    void empty_isBlankAndNotNumeric() throws Exception {
        Figure f = parse("  ", THOUSANDS);
        assertInstanceOf(Figure.Blank.class, f);
        assertTrue(!f.isNumeric());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "(*)", "N.A.", "N/A", "n/a"})
    void defaultMarkers_areNotNumbers(String m) throws Exception {
        Figure f = parse(m, THOUSANDS);
        Figure.Marker marker = assertInstanceOf(Figure.Marker.class, f);
        assertNull(marker.bounds());
        assertTrue(!f.isNumeric());
        assertThrows(IllegalStateException.class, f::interval);
    }

    @Test
    void declaredMarker_standsForItsRange_andParenthesesNegateIt() throws Exception {
        MarkerSpec star = new MarkerSpec("*", "less than RMB1,000", new Interval(BigDecimal.ZERO, new BigDecimal("1000")));
        Figure plus = FigureParser.parse("*", THOUSANDS, Map.of("*", star));
        Figure minus = FigureParser.parse("(*)", THOUSANDS, Map.of("*", star));
        assertEquals(new Interval(BigDecimal.ZERO, new BigDecimal("1000")), plus.interval());
        assertEquals(new Interval(new BigDecimal("-1000"), BigDecimal.ZERO), minus.interval());
    }

    @Test
    void percentSign_isAcceptedInPercentColumns() throws Exception {
        Figure.Amount a = assertInstanceOf(Figure.Amount.class, parse("69.18%", Unit.PERCENT));
        assertEquals(new BigDecimal("69.18"), a.value());
        Figure.Amount b = assertInstanceOf(Figure.Amount.class, parse("-10.6%", Unit.PERCENT));
        assertEquals(new BigDecimal("-10.6"), b.value());
        Figure.Amount c = assertInstanceOf(Figure.Amount.class, parse("(190.7)%", Unit.PERCENT));
        assertEquals(new BigDecimal("-190.7"), c.value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "12,34,5     | thousands separator out of place",
        "1.2.3       | more than one decimal point",
        "(5          | unbalanced parenthesis",
        "5)          | unbalanced parenthesis",
        "--5         | more than one sign",
        "(-5)        | negative twice",
        "1e5         | exponent",
        "NaN         | not a printed figure",
        "Infinity    | not a printed figure",
        "0x10        | hexadecimal",
        "１２３       | full-width",
        "1234,567    | thousands separator out of place",
        "1,23        | thousands separator out of place",
        "$1,234      | inside the figure",
        "89,350*     | inside the figure",
        "abc         | not a figure"})
    void malformedFigures_areRejectedWithAReason(String printed, String reason) {
        FigureFormatException e = assertThrows(FigureFormatException.class, () -> parse(printed, THOUSANDS));
        assertTrue(e.getMessage().contains(reason), () -> "message for " + printed + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(printed.strip()), e.getMessage());
    }

    @Test
    void percentSign_inAnAmountColumn_isRejected() {
        FigureFormatException e = assertThrows(FigureFormatException.class, () -> parse("12.5%", MILLIONS));
        assertTrue(e.getMessage().contains("RMB million"), e.getMessage());
    }

    @Test
    void printedPrecision_setsTheInterval() throws Exception {
        Figure f = parse("3,405.8", MILLIONS);
        assertEquals(0, f.interval().lo().compareTo(new BigDecimal("3405750000")));
        assertEquals(0, f.interval().hi().compareTo(new BigDecimal("3405850000")));
        Figure g = parse("(1,905,055)", THOUSANDS);
        assertEquals(0, g.interval().lo().compareTo(new BigDecimal("-1905055500")));
        assertEquals(0, g.interval().hi().compareTo(new BigDecimal("-1905054500")));
    }

    @Test
    void digitScanner_agreesWithTheGrammar() {
        java.util.regex.Pattern grammar = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?|[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");
        java.util.Random r = new java.util.Random(7);
        String alphabet = "0123456789,,..";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 1 + r.nextInt(10); j > 0; j--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String x = sb.toString();
            String d = FigureParser.digits(x);
            assertEquals(grammar.matcher(x).matches(), d != null, () -> "[" + x + "]");
            if (d != null) {
                assertEquals(x.replace(",", ""), d);
            }
        }
    }
}
