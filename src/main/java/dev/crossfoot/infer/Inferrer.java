package dev.crossfoot.infer;

import dev.crossfoot.model.Filing;
import dev.crossfoot.model.Table;
import dev.crossfoot.rules.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the totals of a table from its figures alone, and states each as an ordinary rule.
 *
 * <p>Going down each table, a row is a total when, in every numeric column where it and its items have
 * figures, it equals (within the rounding of the printed figures, as {@link dev.crossfoot.check.Judgement}
 * judges every check) the sum of
 * the run of rows just above it. A total already found stands for its own items, so totals of totals and
 * totals spanning several sections are found the same way. Heading rows are looked through; percentage
 * rows and rows whose labels say they are not amounts (per share, ratios, yields) are skipped; a row of
 * years or of column headings ends the run. A total whose first item opens (beginning, opening, at 1
 * January) and which closes (end, closing) is a roll-forward, with carry-forward when each column opens
 * where the next one closes. In a matrix, a column that is, in every row, the sum of the columns to its
 * left is a cross-foot.
 *
 * <p>A relation is accepted only with evidence: at least two items, and a column where it holds with two
 * items and the total not nil and the total at least {@link #SIGNIFICANCE} times its rounding tolerance
 * (small whole numbers add up by chance); and either a label that says total (which may then stand on
 * one item that is not nil, the total still large against its tolerance), no label (an unlabelled
 * subtotal), or such evidence in two columns. The shortest run that foots is taken. A run that foots with evidence in at least as many columns as it
 * misses, and misses by more than {@link #NEAR_OTHER_COLUMN} (a column that is not additive, such as an
 * average price), is confirmed in the columns where it foots; the others are left alone. A "Less ..."
 * row printed as a positive amount is taken away, and the relation is then written as a formula.
 *
 * <p>Where the rows as printed find no total, the subtractions the layout signals are tried, one reading more
 * per run length: a section of costs with its own total taken away in a margin or profit below it, a "Less ..."
 * row printed negative taken away beside another printed positive, a subtotal in place of what is left of it
 * once rows below it take a part away. Then, going up the table, a total printed above its parts (a row
 * labelled as a total that opens its table or section, or a row over an "Including:" breakdown) is the total of
 * the shortest run below it. Both must hold in every column where the total has a figure, and are never
 * near-misses.
 *
 * <p>Near-misses are rows that look like totals but do not foot, by a small relative amount: rows whose
 * run foots in some columns and not in another (within {@link #NEAR_OTHER_COLUMN} of the total), and rows
 * labelled as totals whose nearest run misses in every column by at most {@link #NEAR_ALL_COLUMNS}. They
 * become rules of severity warning. A row that is the sum of every row above it (running cumulations)
 * is never a near-miss. Everything else stays silent. Across the tables of a filing, the same line item in
 * the same period is tied ({@link Ties}).
 */
public final class Inferrer {

    /** The prefix of every inferred rule's id. */
    public static final String PREFIX = "INFER-";
    /** How far off, relative to the total, a column may be and still be a near-miss when other columns foot. */
    static final BigDecimal NEAR_OTHER_COLUMN = new BigDecimal("0.02");
    /** How far off, relative to the total, a labelled total may be in every column and still be a near-miss. */
    static final BigDecimal NEAR_ALL_COLUMNS = new BigDecimal("0.002");
    /** How many times its rounding tolerance a total must be, for a column to count as evidence. */
    static final BigDecimal SIGNIFICANCE = BigDecimal.valueOf(5);
    /** Longest run of items looked at above a row. */
    static final int MAX_ITEMS = 60;

    private final BigDecimal extraTolerance;

    /** @param extraTolerance printed units of the total's last digit added to every tolerance (--tolerance) */
    public Inferrer(BigDecimal extraTolerance) {
        this.extraTolerance = extraTolerance;
    }

    /** What footing a filing found. */
    public record Inference(List<Rule> confirmed, List<Rule> nearMisses) {
        public Inference {
            confirmed = List.copyOf(confirmed);
            nearMisses = List.copyOf(nearMisses);
        }

        /** The confirmed relations, then the near-misses. */
        public List<Rule> all() {
            List<Rule> out = new ArrayList<>(confirmed);
            out.addAll(nearMisses);
            return out;
        }
    }

    /**
     * The relations of every table of the filing, table by table: totals down the rows, then cross-foots; then
     * the ties across tables ({@link Ties}).
     */
    public Inference infer(Filing filing) {
        List<Rule> confirmed = new ArrayList<>();
        List<Rule> near = new ArrayList<>();
        List<TableView> views = new ArrayList<>();
        for (Table t : filing.tables().values()) {
            TableView view = TableView.of(t);
            views.add(view);
            Relations relations = new Relations(view, extraTolerance);
            new RowTotals(view, relations, extraTolerance).run();
            new CrossFoots(view, relations, extraTolerance).run();
            confirmed.addAll(relations.confirmed());
            near.addAll(relations.nearMisses());
        }
        new Ties(filing, views, extraTolerance).run(confirmed, near);
        return new Inference(confirmed, near);
    }

    /** Whether a rule was inferred (by its id). */
    public static boolean isInferred(Rule rule) {
        return rule.info().id().startsWith(PREFIX);
    }
}
