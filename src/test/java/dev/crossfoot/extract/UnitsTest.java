package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The units stage on laid-out tables: units in words, and rows whose unit is not the table's. */
class UnitsTest {

    static Extractor.Built build(Parsed p) {
        Header.Columns cols = Header.read(p);
        Units units = Units.of(p, cols);
        List<Extraction.Row> rows = Sections.rows(p, cols, units.columns(), new java.util.ArrayList<>());
        return new Extractor.Built(units.table(), Units.perShare(p, rows, units.table(), units.rows()));
    }

    @Test
    void aUnitInWordsAboveTheTable_inTheDocumentsCurrency() {
        Block.Context ctx = new Block.Context("CONSOLIDATED BALANCE SHEETS", "", "", "", "", "",
                List.of("(In millions, except share amounts which are reflected in thousands, and per share amounts)"), "US$");
        Parsed p = Samples.parsed(ctx, 1, "|2020|2021", "Cash and cash equivalents|5,647|4,295", "Total assets|33,252|38,774");
        assertEquals("US$ million", build(p).unit());
    }

    @Test
    void perShareRowsAndShareCounts_getTheirUnits() {
        Block.Context ctx = new Block.Context("CONSOLIDATED STATEMENTS OF OPERATIONS", "", "", "", "", "",
                List.of("(In millions, except share amounts which are reflected in thousands, and per share amounts)"), "US$");
        Parsed p = Samples.parsed(ctx, 1, "|2020|2021", "Revenue|11,139|17,455",
                "Net loss per share attributable to common stockholders:||", "Basic|(3.86)|(0.26)",
                "Weighted-average shares used to compute net loss per share:||", "Basic|1,752,960|1,892,546");
        Map<String, String> units = build(p).rowUnits();
        assertEquals("US$ per share", units.get("Net loss per share attributable to common stockholders: > Basic"));
        assertEquals("thousand shares", units.get("Weighted-average shares used to compute net loss per share: > Basic"));
    }

    @Test
    void aHeadingThatStatesItsUnit_givesItToTheRowsUnderIt() {
        Parsed p = Samples.parsed(2, "||2011|2010", "|Notes|HK$’000|HK$’000", "Profit for the year||404,220|244,909",
                "Earnings per share (HK cents)|12||", "– Basic||16.37|16.44", "– Diluted||15.35|11.66");
        Map<String, String> units = build(p).rowUnits();
        assertEquals("HK cents", units.get("– Basic"));
        assertEquals("HK cents", units.get("– Diluted"));
    }
}
