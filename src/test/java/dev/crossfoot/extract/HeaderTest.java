package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.crossfoot.model.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header stage: columns named by what their header says, as real issuers print it. */
class HeaderTest {

    static Header.Columns columns(int header, String... lines) {
        return Header.read(Samples.parsed(header, lines));
    }

    @Test
    void periodAndUnitInOneCell_giveThePeriodAndTheUnit() {
        Header.Columns c = columns(1, "|2019 US$'000|2018 US$'000", "Revenue|1|2");
        assertEquals(List.of("label", "2019", "2018"), c.names());
        assertEquals("US$'000", c.units().get(1));
        assertEquals(List.of("2019", "2018"), c.periods());
    }

    @Test
    void restatedAndOtherDateColumns_keepDistinctNames() {
        Header.Columns c = columns(1, "|As at 31 December 2019|As at 31 December 2018 (Restated)|As at 1 January 2018 (Restated)",
                "Total assets|10|9|8");
        assertEquals(List.of("label", "2019", "2018 (Restated)", "1 January 2018 (Restated)"), c.names());
    }

    @Test
    void stackedHeaderLines_theLineNearestTheFiguresGivesThePeriod() {
        Header.Columns c = columns(4, "||FOR THE YEAR ENDED|FOR THE YEAR ENDED", "||30TH SEPTEMBER,|30TH SEPTEMBER,",
                "||2021|2020", "|Notes|HK$’000|HK$’000", "Revenue|6|829,935|531,374");
        assertEquals(List.of("label", "Note", "2021", "2020"), c.names());
        assertEquals(1, c.noteColumn());
    }

    @Test
    void olderYearOnTheLeft_columnsAreNamedByWhatTheySay() {
        Header.Columns c = columns(1, "|As of December 31, 2020|As of December 31, 2021", "Cash|5,647|4,295");
        assertEquals(List.of("label", "2020", "2021"), c.names());
    }

    @Test
    void unitsWithCurlyOrSpacedApostrophes_areRead() {
        for (String printed : List.of("HK$ ’000", "RMB ’ 000", "£’000s", "US$ in millions")) {
            String u = Header.unitOf(printed);
            assertNotNull(u, printed);
            Unit unit = Unit.parse(u);
            assertEquals(printed.contains("millions") ? 6 : 3, unit.powerOfTen(), printed);
        }
    }

    @Test
    void aPeriodHeadingSpanningColumns_isContextNotAName() {
        Header.Columns c = columns(2, "|Year ended December 31,|", "|2023|2022", "Revenue|1|2");
        assertEquals(List.of("label", "2023", "2022"), c.names());
    }
}
