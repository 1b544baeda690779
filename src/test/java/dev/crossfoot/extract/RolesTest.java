package dev.crossfoot.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The roles stage: primary statements by their titles in the usual wordings, else by their rows. */
class RolesTest {

    static String role(String part, String... labels) {
        List<Extraction.Row> rows = java.util.Arrays.stream(labels).map(l -> new Extraction.Row(1, "", l, List.of("1"))).toList();
        return Roles.of(Samples.context(part), part, rows);
    }

    @Test
    void statementTitles_inTheUsualWordings_giveTheirRoles() {
        assertEquals("income-statement", role("CONSOLIDATED STATEMENT OF PROFIT OR LOSS"));
        assertEquals("income-statement", role("Consolidated Statements of Operations"));
        assertEquals("income-statement", role("INCOME STATEMENT"));
        assertEquals("balance-sheet", role("Consolidated Statement of Financial Position"));
        assertEquals("balance-sheet", role("CONSOLIDATED BALANCE SHEETS"));
        assertEquals("cash-flows", role("Consolidated Statement of Cash Flows"));
        assertEquals("cash-flows", role("CASH FLOW STATEMENT"));
        assertEquals("changes-in-equity", role("Consolidated Statement of Changes in Equity"));
        assertEquals("changes-in-equity", role("Consolidated Statements of Redeemable Non-Controlling Interests and Equity"));
        assertEquals("comprehensive-income", role("Consolidated Statements of Comprehensive Loss", "Net loss", "Other comprehensive income"));
    }

    @Test
    void aStatementOfComprehensiveIncomeWithRevenue_isTheIncomeStatement() {
        assertEquals("income-statement", role("CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME", "Turnover", "Cost of sales"));
    }

    @Test
    void withoutATitle_theRowsTell_butOnlyWhereNoTitleNamesThatStatement() {
        String byRows = role("RESULTS", "Revenue", "Cost of sales", "Gross profit", "Other income", "Expenses",
                "Profit before tax", "Tax", "Profit for the year");
        assertEquals("income-statement" + Roles.BY_ROWS, byRows);
        assertEquals(List.of("income-statement"), Roles.settle(List.of(byRows)));
        assertEquals(List.of("other", "income-statement"), Roles.settle(List.of(byRows, "income-statement")));
    }

    @Test
    void notesAndManagementDiscussion_haveTheirOwnRoles_andTheNoteOnEarningsPerShareIsNamedByItsTitle() {
        Block.Context note = new Block.Context("notes", "12", "TRADE RECEIVABLES", "", "", "", List.of(), "");
        assertEquals("note", Roles.of(note, "Note 12 – Trade receivables", List.of()));
        for (String title : List.of("LOSS PER SHARE", "EARNINGS PER SHARE", "(LOSS)/EARNINGS PER SHARE", "Net Income (Loss) Per Share",
                "Basic and diluted earnings per ordinary share")) {
            Block.Context eps = new Block.Context("notes", "8", title, "", "", "", List.of(), "");
            assertEquals("earnings-per-share", Roles.of(eps, "Note 8 – Basic", List.of()), title);
        }
        for (String title : List.of("DIVIDENDS", "Dividends per share", "Net asset value per share", "SHARE CAPITAL")) {
            Block.Context other = new Block.Context("notes", "9", title, "", "", "", List.of(), "");
            assertEquals("note", Roles.of(other, "Note 9", List.of()), title);
        }
        assertEquals("mdna", role("MANAGEMENT DISCUSSION AND ANALYSIS", "Revenue"));
        assertEquals("other", role("CORPORATE GOVERNANCE REPORT", "Meetings attended"));
    }
}
