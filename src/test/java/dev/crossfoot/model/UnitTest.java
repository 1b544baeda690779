package dev.crossfoot.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RMB'000          | RMB       | 3",
        "RMB’000          | RMB       | 3",
        "RMB million      | RMB       | 6",
        "HK$ million      | HK$       | 6",
        "US$ thousands    | US$       | 3",
        "RMB              | RMB       | 0",
        "%                | 1         | -2",
        "RMB per share    | RMB/share | 0",
        "HK cents         | HK$       | -2",
        "RMB cents        | RMB       | -2",
        "pence            | GBP       | -2",
        "thousand shares  | shares    | 3",
        "shares           | shares    | 0"})
    void printedUnits_haveADimensionAndAPowerOfTen(String printed, String dimension, int power) {
        Unit u = Unit.parse(printed);
        assertEquals(dimension, u.dimension());
        assertEquals(power, u.powerOfTen());
    }

    @Test
    void conversion_isExact() {
        Unit m = Unit.parse("RMB million");
        Unit k = Unit.parse("RMB'000");
        BigDecimal base = m.toBase(new BigDecimal("3405.8"));
        assertEquals(0, k.fromBase(base).compareTo(new BigDecimal("3405800")));
    }

    @Test
    void unknownUnit_namesTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Unit.parse("furlongs"));
        assertTrue(e.getMessage().contains("RMB'000"), e.getMessage());
    }
}
