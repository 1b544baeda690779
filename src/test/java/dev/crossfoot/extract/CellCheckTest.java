package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.model.FigureFormatException;
import dev.crossfoot.model.FigureParser;
import dev.crossfoot.model.MarkerSpec;
import dev.crossfoot.model.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cells stage: no cell that check or foot would refuse, and what was changed is said. */
class CellCheckTest {

    final Map<String, Extraction.Marker> markers = new LinkedHashMap<>();
    final List<Extraction.Notice> notices = new ArrayList<>();

    Extraction.Table settle(String unit, List<String> columns, Extraction.Row... rows) {
        Extraction.Table t = new Extraction.Table("t", "T", "other", 1, 9, unit, columns, Map.of(), Map.of(), List.of(rows));
        Extraction.Table out = CellCheck.settle(List.of(t), markers, notices).get(0);
        everyCellReads(out);
        return out;
    }

    static Extraction.Row row(String label, String... cells) {
        return new Extraction.Row(1, "", label, List.of(cells));
    }

    /** The invariant: each cell parses as check parses it (row unit, else column, else table; the markers). */
    void everyCellReads(Extraction.Table t) {
        Map<String, MarkerSpec> specs = new HashMap<>();
        markers.values().forEach(m -> specs.put(m.text(), new MarkerSpec(m.text(), m.meaning(), null)));
        for (Extraction.Row r : t.rows()) {
            String rowUnit = t.rowUnits().get(r.label());
            for (int c = 0; c < r.cells().size(); c++) {
                String u = rowUnit != null ? rowUnit : t.columnUnits().getOrDefault(t.columns().get(c), t.unit());
                try {
                    FigureParser.parse(r.cells().get(c), Unit.parse(u), specs);
                } catch (FigureFormatException e) {
                    throw new AssertionError(r.label() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Test
    void footnoteMarkBesideAFigure_movesToTheLabel() {
        Extraction.Table t = settle("HK$'000", List.of("2023", "2022"), row("Revenue", "68,253(1)", "(173.4)*"));
        assertEquals(List.of("68,253", "(173.4)"), t.rows().get(0).cells());
        assertEquals("Revenue (1) *", t.rows().get(0).label());
        assertTrue(notices.get(0).message().contains("footnote mark"), notices::toString);
    }

    @Test
    void centsAndPence_becomeTheRowsUnit() {
        Extraction.Table t = settle("HK$'000", List.of("2023", "2022"), row("Basic", "1.6 HK cents", "(24.5c)"),
                row("Revenue", "1,000", "900"));
        assertEquals(List.of("1.6", "(24.5)"), t.rows().get(0).cells());
        assertEquals(Map.of("Basic", "HK cents"), t.rowUnits());
        Extraction.Table p = settle("£'000", List.of("2015"), row("Net asset value per share", "116.7p"));
        assertEquals("pence", p.rowUnits().get("Net asset value per share"));
    }

    @Test
    void rangesDatesAndWords_areKeptAsPrinted_asMarkersThatAreNotNumbers() {
        Extraction.Table t = settle("%", List.of("Rate", "Due"), row("Discount rate", "8.1% - 9.8%", "31 March 2021"));
        assertEquals(List.of("8.1% - 9.8%", "31 March 2021"), t.rows().get(0).cells());
        assertNotNull(markers.get("8.1% - 9.8%"));
        assertEquals(null, markers.get("31 March 2021").min());
    }

    @Test
    void aCurrencySignBesideAFigure_isDropped() {
        Extraction.Table t = settle("US$ million", List.of("2021"), row("Revenue", "$13,000"));
        assertEquals(List.of("13,000"), t.rows().get(0).cells());
    }

    @Test
    void columnsThatShareAName_getEachTheirOwn_asTheReaderWants() {
        Extraction.Table t = settle("HK$'000", List.of("2021 ", "2021", "Label"), row("Tax", "1", "2", "3"));
        assertEquals(List.of("2021", "2021 (2)", "Label (column)"), t.columns());
    }

    @Test
    void aUnitCrossfootCannotRead_isWrittenAsNumber_withANotice() {
        Extraction.Table t = settle("widgets", List.of("2021"), row("Made", "12"));
        assertEquals("number", t.unit());
        assertTrue(notices.stream().anyMatch(n -> n.message().contains("'widgets'")), notices::toString);
    }
}
