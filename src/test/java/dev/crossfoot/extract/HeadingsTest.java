package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The titles stage's reading of the text between tables, in the forms laid-out documents print. */
class HeadingsTest {

    static Block.Context after(String... lines) {
        Headings h = new Headings(true);
        for (int i = 0; i < lines.length; i++) {
            h.text(i + 1, lines[i]);
        }
        return h.tableStarts();
    }

    @Test
    void statementTitleInAnyCase_isThePart() {
        assertEquals("Consolidated Statement of Profit or Loss", after("Consolidated Statement of Profit or Loss").part());
        assertEquals("CONSOLIDATED BALANCE SHEETS", after("UBER TECHNOLOGIES, INC.", "CONSOLIDATED BALANCE SHEETS").part());
    }

    @Test
    void noteHeadings_inTheCommonForms_whenTheNumbersRunOn() {
        assertEquals("1", after("CONSOLIDATED BALANCE SHEETS", "Notes:", "1. GENERAL").note());
        Block.Context c = after("CONSOLIDATED BALANCE SHEETS", "Notes:", "1. GENERAL", "Some text.", "2 Revenue and Segment Information");
        assertEquals("2", c.note());
        assertEquals("Revenue and Segment Information", c.noteTitle());
        assertEquals("3", after("Consolidated Statements of Operations", "Note 1 – Description of Business", "Note 3 – Goodwill").note());
    }

    @Test
    void aNumberThatDoesNotRunOn_isNotANote() {
        assertEquals("GENERAL", after("CONSOLIDATED BALANCE SHEETS", "Notes:", "1. GENERAL", "30 September 2021 Annual Report").noteTitle());
        assertEquals("1", after("CONSOLIDATED BALANCE SHEETS", "Notes:", "1. GENERAL", "45 Directors Report").note());
    }

    @Test
    void aLineOfProse_isNotAHeading_evenWithoutAFullStop() {
        Block.Context c = after("CONSOLIDATED BALANCE SHEETS", "Trade receivables",
                "The following is the Group’s major external customers, who contributed 10% or more to the Group’s");
        assertEquals("Trade receivables", c.heading());
    }

    @Test
    void aUnitLine_isNotAHeading() {
        Block.Context c = after("CONSOLIDATED BALANCE SHEETS", "(In millions, except share amounts)");
        assertEquals("", c.heading());
        assertEquals("CONSOLIDATED BALANCE SHEETS", c.part());
    }

    @Test
    void aHeading_namesATableOnlyWithinTwoParagraphs() {
        assertEquals("Segment Results", after("Segment Results", "A paragraph.", "Another.").heading());
        assertEquals("", after("Segment Results", "A paragraph.", "Another.", "A third.").heading());
    }

    @Test
    void aFormTenKItem_isThePart_andItsUpperCaseSubheadingsAreHeadings() {
        Block.Context c = after("ITEM 7. MANAGEMENT’S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS", "COVID-19");
        assertEquals("COVID-19", c.heading());
        assertEquals("mdna", Roles.of(c, "", java.util.List.of()));
    }

    @Test
    void theCurrencyTheTextNamesMost_isKnown() {
        assertEquals("US$", after("Revenue was $17.5 billion, up from $11.1 billion; costs of $2.3 billion.").currency());
        assertEquals("HK$", after("Revenue was HK$829.9 million.").currency());
    }
}
