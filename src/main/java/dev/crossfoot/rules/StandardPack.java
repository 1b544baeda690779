package dev.crossfoot.rules;

import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.result.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The standard rule pack: relations every set of primary statements obeys, written against tables by
 * role ({@code balance-sheet}, {@code income-statement}, ...) and rows by canonical line item, each item
 * with the label variants real issuers print. A rule holds in whichever of its equivalent {@link Form}s
 * the issuer prints; a rule none of whose forms' line items are printed is not applicable.
 *
 * @param source how the pack is named in reports and messages ("standard" for the built-in pack, else its file)
 */
public record StandardPack(String source, Map<String, Item> items, List<StandardRule> rules) {

    public StandardPack {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        rules = List.copyOf(rules);
    }

    /**
     * A canonical line item and the labels it is printed under.
     *
     * @param labels    each a label (matched as {@link dev.crossfoot.model.Labels} normalises), or a
     *                  {@code /regex/} matched whole against the normalised label, lower case; either may be
     *                  {@code Section > Label} to match the row's section too
     * @param deduction the item is an amount taken away (an expense, a liability): rules write it as a
     *                  positive amount, and where the issuer prints it negative (in brackets) its sign is turned
     * @param byTable   for a deduction that may be printed with either sign (income tax: a charge or a credit),
     *                  whether it is negative is told by the table's other deductions, not by its own figures
     * @param columns   the headers the item is printed under as a column of a changes-in-equity matrix (an equity
     *                  component: total equity, non-controlling interests, ...); empty for an item printed only as a row
     */
    public record Item(String id, List<Variant> labels, List<ColumnVariant> columns, boolean deduction, boolean byTable,
                       SourceLocation location) {
        public Item {
            labels = List.copyOf(labels);
            columns = List.copyOf(columns);
        }
    }

    /**
     * One way an item may be printed as a column header of a changes-in-equity matrix: written "Header",
     * "Header < Next" (the column just right of it is headed Next) or "Header < (end)" (it is the last column).
     *
     * @param label the pattern the header must match
     * @param next  null to accept any neighbour; else the pattern the next column's header must match
     * @param last  the column must be the matrix's last
     * @param text  as written in the pack
     */
    public record ColumnVariant(Pattern label, Pattern next, boolean last, String text) {
    }

    /** The role of the statement of changes in equity, the one role whose tables are addressed as matrices. */
    public static final String EQUITY_ROLE = "changes-in-equity";
    /** In a changes-in-equity reference, the row that opens a period (its first balance row). */
    public static final String OPENING = "opening";
    /** In a changes-in-equity reference, the row that closes a period (a balance row at the year end). */
    public static final String CLOSING = "closing";
    /** Each column of a changes-in-equity matrix; on another table's side, the row printed as the same component. */
    public static final String EACH = "*";
    /**
     * The item whose labels are a changes-in-equity matrix's balance rows ("As at January 1, 2023"): with the date
     * their label gives, two balance rows a year apart open and close a period.
     */
    public static final String BALANCE = "equity-balance";

    /**
     * One way an item may be printed.
     *
     * @param section null to match any section; else a pattern the row's section must match
     * @param label   the pattern the row's label must match
     * @param text    as written in the pack
     */
    public record Variant(Pattern section, Pattern label, String text) {
    }

    /** A standard relation, and the equivalent forms it may be printed in (the first form printed is checked). */
    public record StandardRule(RuleInfo info, List<Form> forms) {
        public StandardRule {
            forms = List.copyOf(forms);
        }
    }

    /**
     * One form of a relation: {@code role[item] = role[item] + ...}, with tables named by role and rows by
     * item id; {@code order} lists items that must be printed in this order (e.g. an exchange difference
     * above the net change it is part of). With {@code carry}, the right side is read in the period before the
     * left side's (the columns being years): the comparative period's closing opens the current period.
     * With a {@code denominator} ({@code role[item] = role[item] / role[item]}), the form is a quotient: the
     * left side is the expression divided by the denominator, each figure at its printed precision and in its
     * own unit (earnings per share: profit attributable to owners over the weighted average number of shares).
     * {@code unless} lists items whose presence in a table the form reads makes the form not apply there (a
     * redeemable non-controlling interest printed beside equity takes part of the profit the equity columns do
     * not show). A {@code changes-in-equity[row][column]} reference names a matrix's row (an item, or
     * {@link #OPENING}/{@link #CLOSING}) and column (an item printed as a column, or {@link #EACH}).
     *
     * @param denominator null for a linear form
     */
    public record Form(String check, CellRef result, LinearExpr expression, List<String> order, boolean carry, List<String> unless,
                       SourceLocation location, LinearExpr denominator) {
        public Form {
            order = List.copyOf(order);
            unless = List.copyOf(unless);
        }

        /** A linear form. */
        public Form(String check, CellRef result, LinearExpr expression, List<String> order, boolean carry, SourceLocation location) {
            this(check, result, expression, order, carry, List.of(), location, null);
        }

        /** Whether the form is a quotient. */
        public boolean quotient() {
            return denominator != null;
        }
    }

    /** Whether a rule's severity may be lowered for presentation matters; standard rules default to errors. */
    public static Severity defaultSeverity() {
        return Severity.ERROR;
    }
}
