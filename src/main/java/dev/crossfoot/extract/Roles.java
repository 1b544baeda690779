package dev.crossfoot.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a table is, so that rules can be written once for every issuer: a primary statement recognised by its
 * title in the usual wordings (and, failing a title, by its rows), the note on earnings per share (by its title),
 * another note, a table of the management discussion, or other.
 */
final class Roles {

    static final String INCOME = "income-statement";
    static final String COMPREHENSIVE = "comprehensive-income";
    static final String BALANCE = "balance-sheet";
    static final String CASH = "cash-flows";
    static final String EQUITY = "changes-in-equity";
    static final String EPS = "earnings-per-share";
    static final String NOTE = "note";
    static final String MDNA = "mdna";
    static final String OTHER = "other";

    /** Every role, in the order of a set of statements. */
    static final List<String> ALL = List.of(INCOME, COMPREHENSIVE, BALANCE, CASH, EQUITY, EPS, NOTE, MDNA, OTHER);

    private static final Pattern EQUITY_TITLE = Pattern.compile(
            ".*\\b(?:changes\\s+in\\s+(?:shareholders['’]?\\s+|stockholders['’]?\\s+|owners['’]?\\s+)?equity"
                    + "|statements?\\s+of\\s+(?:shareholders['’]?|stockholders['’]?)\\s+equity"
                    + "|statements?\\s+of\\s+.*\\band\\s+equity)\\b.*");
    private static final Pattern CASH_TITLE = Pattern.compile(".*\\b(?:statements?\\s+of\\s+cash\\s+flows?|cash\\s+flows?\\s+statements?)\\b.*");
    private static final Pattern COMPREHENSIVE_TITLE = Pattern.compile(".*\\bstatements?\\s+of\\s+comprehensive\\s+(?:income|loss|income\\s*\\(loss\\))\\b.*");
    private static final Pattern INCOME_TITLE = Pattern.compile(".*\\b(?:statements?\\s+of\\s+(?:profit\\s+or\\s+loss|profit\\s+and\\s+loss"
            + "|operations|income|earnings|comprehensive\\s+income|income\\s+and\\s+comprehensive\\s+income)"
            + "|income\\s+statements?|profit\\s+and\\s+loss\\s+accounts?)\\b.*");
    private static final Pattern BALANCE_TITLE = Pattern.compile(".*\\b(?:statements?\\s+of\\s+financial\\s+position|balance\\s+sheets?"
            + "|statements?\\s+of\\s+financial\\s+condition)\\b.*");
    private static final Pattern MDNA_TITLE = Pattern.compile(".*\\b(?:management['’]?s?\\s+discussion|financial\\s+review|business\\s+review"
            + "|operating\\s+review|financial\\s+summary|financial\\s+highlights|key\\s+highlights|highlights|md&a|five[- ]year"
            + "|liquidity\\s+and\\s+(?:financial|capital)\\s+resources|non-ifrs|non-gaap)\\b.*");
    /** A note on earnings per share: "Loss per share", "(Loss)/earnings per share", "Net Income (Loss) Per Share". */
    private static final Pattern EPS_TITLE = Pattern.compile(".*\\b(?:earnings|loss|losses|profit|income)\\)?(?:\\s*\\((?:loss|earnings)\\))?"
            + "\\s+per\\s+(?:ordinary\\s+|common\\s+)?share\\b.*");
    private static final Pattern REVENUE = Pattern.compile("(?i)(?:revenue|turnover|total\\s+revenues?|net\\s+sales|sales)\\b.*");
    private static final Pattern PROFIT = Pattern.compile("(?i).*\\b(?:profit|loss|income|earnings)\\s+(?:for\\s+the\\s+(?:year|period)|before\\s+(?:income\\s+)?tax).*|net\\s+(?:loss|income|profit)\\b.*");

    private Roles() {
    }

    /**
     * The role of a table.
     *
     * @param ctx   where the table stands
     * @param title its title
     * @param rows  its rows, for a table without a statement's title
     */
    static String of(Block.Context ctx, String title, List<Extraction.Row> rows) {
        if (!ctx.note().isEmpty()) {
            return EPS_TITLE.matcher(ctx.noteTitle().toLowerCase(Locale.ROOT)).matches() ? EPS : NOTE;
        }
        String heading = ctx.heading().equals(ctx.heading().toUpperCase(Locale.ROOT)) ? ctx.heading() : "";
        String words = (heading + " | " + ctx.part()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String byTitle = byTitle(words, rows);
        if (byTitle != null) {
            return byTitle;
        }
        if (ctx.part().equals("notes")) {
            return NOTE;
        }
        if (MDNA_TITLE.matcher((ctx.heading() + " | " + ctx.part() + " | " + title).toLowerCase(Locale.ROOT)).matches()) {
            return MDNA;
        }
        String byRows = byRows(rows);
        return byRows != null ? byRows + BY_ROWS : OTHER;
    }

    /** Marks a role found from the rows alone; {@link #settle} keeps it only where no title names that statement. */
    static final String BY_ROWS = "?";

    /**
     * The roles of all the tables: a role found from the rows alone stands only when no table of the document
     * has that role by its title (a results summary that lists revenue and profit is not the income statement).
     */
    static List<String> settle(List<String> roles) {
        List<String> out = new java.util.ArrayList<>();
        for (String r : roles) {
            if (r.endsWith(BY_ROWS)) {
                String plain = r.substring(0, r.length() - BY_ROWS.length());
                out.add(roles.contains(plain) ? OTHER : plain);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The statement a title names, or null; the nearest heading is read first. */
    static String byTitle(String words, List<Extraction.Row> rows) {
        for (String w : words.split(" \\| ")) {
            if (EQUITY_TITLE.matcher(w).matches()) {
                return EQUITY;
            }
            if (CASH_TITLE.matcher(w).matches()) {
                return CASH;
            }
            if (BALANCE_TITLE.matcher(w).matches()) {
                return BALANCE;
            }
            if (COMPREHENSIVE_TITLE.matcher(w).matches()) {
                return hasRevenue(rows) ? INCOME : COMPREHENSIVE;
            }
            if (INCOME_TITLE.matcher(w).matches()) {
                return INCOME;
            }
        }
        return null;
    }

    /** A primary statement recognised by its rows, when no title names it. */
    static String byRows(List<Extraction.Row> rows) {
        if (rows.size() < 8) {
            return null;
        }
        boolean totalAssets = false;
        boolean liabilitiesOrEquity = false;
        boolean netCash = false;
        boolean cashAtEnd = false;
        for (Extraction.Row r : rows) {
            String l = r.label().toLowerCase(Locale.ROOT);
            totalAssets |= l.startsWith("total assets");
            liabilitiesOrEquity |= l.startsWith("total liabilities") || l.startsWith("total equity") || l.startsWith("net assets");
            netCash |= l.matches("net cash (?:used in|from|generated|inflow|outflow|provided).*");
            cashAtEnd |= l.matches(".*cash equivalents at (?:the )?end.*|end of (?:the )?(?:year|period).*");
        }
        if (totalAssets && liabilitiesOrEquity) {
            return BALANCE;
        }
        if (netCash && cashAtEnd) {
            return CASH;
        }
        boolean profit = rows.stream().anyMatch(r -> PROFIT.matcher(r.label()).matches());
        return hasRevenue(rows) && profit ? INCOME : null;
    }

    private static boolean hasRevenue(List<Extraction.Row> rows) {
        return rows.stream().limit(12).anyMatch(r -> REVENUE.matcher(r.label()).matches());
    }
}
