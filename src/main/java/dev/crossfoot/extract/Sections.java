package dev.crossfoot.extract;

import dev.crossfoot.model.Figure;
import dev.crossfoot.model.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sections stage: gives each data row its section. A label-only line opens a section for the rows under it;
 * a total (an unlabelled row, "Total ...", "Net ...", a row under an underline, or one that starts with the
 * section's heading) closes the innermost open section whose rows it adds up to, matched with the rounding
 * intervals of {@code check} in at least half the columns; an unlabelled total that adds up none closes them all.
 * Dash-prefixed items end at the first row without a dash.
 */
final class Sections {

    private static final Pattern TOTAL_LABEL = Pattern.compile("(?i)(?:total|net|sub-?total|gross)\\b.*|.*\\btotal");
    private static final Pattern DASH_ITEM = Pattern.compile("^[\\-\u2010-\u2015\u2212]\\s.*");

    private final List<Extraction.Notice> notices;

    private Sections(List<Extraction.Notice> notices) {
        this.notices = notices;
    }

    /** The table's rows with their sections; a notice for each label attached by judgement goes to {@code notices}. */
    static List<Extraction.Row> rows(Parsed p, Header.Columns cols, Map<String, String> columnUnits,
                                     List<Extraction.Notice> notices) {
        return new Sections(notices).sections(p, cols, columnUnits);
    }

    /** A section being read: its heading, and the rows (or sub-totals) that a total of it would add up. */
    private static final class Section {
        final String label;
        final List<Interval[]> members = new ArrayList<>();
        /** Whether any row was read in it; whether the last was a row of its own (not a sub-section's total). */
        boolean hasRows;
        boolean lastOwnRow;
        int ownRows;
        boolean dashOnly = true;
        /** At top level: the last total (a cascade continues from it) and the totals of the blocks so far. */
        Interval[] carried;
        final List<Interval[]> blockTotals = new ArrayList<>();

        Section(String label) {
            this.label = label;
        }

        void own(Interval[] values) {
            members.add(values);
            hasRows = true;
            lastOwnRow = true;
            ownRows++;
        }

        void childTotal(Interval[] values) {
            members.add(values);
            hasRows = true;
            lastOwnRow = false;
        }
    }

    private List<Extraction.Row> sections(Parsed p, Header.Columns cols, Map<String, String> columnUnits) {
        int width = p.width();
        List<Extraction.Row> out = new ArrayList<>();
        List<Boolean> rootTotal = new ArrayList<>();
        List<Boolean> heading = new ArrayList<>();
        List<Section> stack = new ArrayList<>();
        stack.add(new Section(""));
        List<Line> data = p.data();
        for (int r = 0; r < data.size(); r++) {
            Line l = data.get(r);
            String label = Cells.fixHyphenation(l.cell(0));
            List<String> cells = new ArrayList<>();
            for (int c = 1; c < width; c++) {
                cells.add(l.cell(c));
            }
            if (l.blankExceptLabel(cols.noteColumn())) {
                if (r == data.size() - 1 && r > 0 && !out.isEmpty() && out.get(out.size() - 1).label().isEmpty()
                        && data.get(r - 1).cell(0).isEmpty()) {
                    Extraction.Row prev = out.remove(out.size() - 1);
                    out.add(new Extraction.Row(prev.line(), prev.section(), label, prev.cells()));
                    notices.add(new Extraction.Notice(l.number(), "label '" + label + "' printed on the line after its "
                            + "figures (line " + prev.line() + "); attached to that row"));
                    continue;
                }
                Section top = stack.get(stack.size() - 1);
                if (stack.size() > 1 && top.lastOwnRow) {
                    popInto(stack);
                }
                Section parent = stack.get(stack.size() - 1);
                out.add(new Extraction.Row(l.number(), parent.label, label, cells));
                rootTotal.add(false);
                heading.add(true);
                parent.hasRows = true;
                stack.add(new Section(label));
                continue;
            }
            heading.add(false);
            Interval[] values = values(l, width, cols, columnUnits);
            int prefixed = prefixedBy(stack, label);
            boolean strong = label.isEmpty() || TOTAL_LABEL.matcher(label).matches() || prefixed > 0;
            boolean candidate = strong || l.underlined() || r > 0 && data.get(r - 1).underlined();
            Section top = stack.get(stack.size() - 1);
            if (stack.size() > 1 && top.dashOnly && top.ownRows > 0 && !DASH_ITEM.matcher(label).matches() && !strong) {
                popInto(stack);
            }
            if (candidate) {
                int[] how = new int[1];
                int level = prefixed > 0 ? prefixed : matchingLevel(stack, values, how);
                if (level >= 0) {
                    while (stack.size() - 1 > level) {
                        popInto(stack);
                    }
                    Section s = stack.get(level);
                    out.add(new Extraction.Row(l.number(), s.label, label, cells));
                    rootTotal.add(level == 0 && label.isEmpty());
                    if (level > 0) {
                        stack.remove(level);
                        stack.get(level - 1).childTotal(values);
                    } else {
                        rootTotal(s, values, how[0]);
                    }
                    continue;
                }
                if (label.isEmpty()) {
                    while (stack.size() > 1) {
                        popInto(stack);
                    }
                    Section root = stack.get(0);
                    out.add(new Extraction.Row(l.number(), "", label, cells));
                    rootTotal.add(false);
                    rootTotal(root, values, 1);
                    continue;
                }
            }
            top = stack.get(stack.size() - 1);
            out.add(new Extraction.Row(l.number(), top.label, label, cells));
            rootTotal.add(false);
            top.own(values);
            top.dashOnly &= DASH_ITEM.matcher(label).matches();
        }
        return implicitSections(out, rootTotal, heading);
    }

    /**
     * At top level, a run of rows closed by an unlabelled total that adds them up is a block of its own when it
     * starts with a label-only heading (the only one in the run), or when more rows follow it: its first row
     * then names the section of the rest ("Current assets", "Loss allowance", total).
     */
    private static List<Extraction.Row> implicitSections(List<Extraction.Row> rows, List<Boolean> rootTotal,
                                                         List<Boolean> heading) {
        List<Extraction.Row> out = new ArrayList<>(rows);
        int runStart = 0;
        for (int i = 0; i < out.size(); i++) {
            if (!out.get(i).section().isEmpty()) {
                continue;
            }
            if (rootTotal.get(i)) {
                List<Integer> run = new ArrayList<>();
                for (int k = runStart; k < i; k++) {
                    if (out.get(k).section().isEmpty()) {
                        run.add(k);
                    }
                }
                boolean followed = false;
                for (int k = i + 1; k < out.size(); k++) {
                    followed |= rootTotal.get(k);
                }
                if (run.size() >= 2) {
                    int first = run.get(0);
                    long headings = run.stream().filter(heading::get).count();
                    boolean byHeading = heading.get(first) && headings == 1;
                    boolean byFirstRow = !heading.get(first) && headings == 0 && followed;
                    if (byHeading || byFirstRow) {
                        String section = out.get(first).label();
                        for (int k : run.subList(1, run.size())) {
                            Extraction.Row x = out.get(k);
                            out.set(k, new Extraction.Row(x.line(), section, x.label(), x.cells()));
                        }
                        Extraction.Row t = out.get(i);
                        out.set(i, new Extraction.Row(t.line(), section, t.label(), t.cells()));
                    }
                }
                runStart = i + 1;
            } else if (out.get(i).section().isEmpty() && i > 0 && !heading.get(i) && isTotalRow(out.get(i))) {
                runStart = i + 1;
            }
        }
        return out;
    }

    private static boolean isTotalRow(Extraction.Row r) {
        return r.label().isEmpty() || TOTAL_LABEL.matcher(r.label()).matches();
    }

    /** The level of the innermost open section whose heading starts the label ("Other comprehensive income ..."). */
    private static int prefixedBy(List<Section> stack, String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        for (int level = stack.size() - 1; level >= 1; level--) {
            String h = stack.get(level).label.toLowerCase(Locale.ROOT).replaceAll(":$", "");
            if (h.length() >= 8 && lower.startsWith(h) && lower.length() > h.length()) {
                return level;
            }
        }
        return -1;
    }

    /** Pops the innermost section; its rows count toward its parent's total (it had no total of its own). */
    private static void popInto(List<Section> stack) {
        Section s = stack.remove(stack.size() - 1);
        Section parent = stack.get(stack.size() - 1);
        parent.members.addAll(s.members);
        parent.hasRows = true;
        parent.lastOwnRow = true;
    }

    /**
     * The innermost level of the stack whose rows (with those of the sections above it) add up to the values,
     * in at least half the columns where both are printed (so that one misprinted figure does not move a total
     * out of its section); -1 when none does.
     */
    private static int matchingLevel(List<Section> stack, Interval[] values, int[] how) {
        List<Interval[]> members = new ArrayList<>();
        for (int level = stack.size() - 1; level >= 0; level--) {
            members.addAll(0, stack.get(level).members);
            if (members.size() >= 2 && adds(members, values)) {
                how[0] = 0;
                return level;
            }
            Section root = stack.get(0);
            if (level == 0 && root.carried != null && !members.isEmpty()) {
                List<Interval[]> cascade = new ArrayList<>(members);
                cascade.add(0, root.carried);
                if (adds(cascade, values)) {
                    how[0] = 1;
                    return 0;
                }
            }
            if (level == 0 && root.blockTotals.size() >= 2 || level == 0 && root.blockTotals.size() == 1 && !members.isEmpty()) {
                List<Interval[]> blocks = new ArrayList<>(root.blockTotals);
                blocks.addAll(members);
                if (adds(blocks, values)) {
                    how[0] = 2;
                    return 0;
                }
            }
        }
        return -1;
    }

    /** A total at top level: a block's (0), a cascade's next step (1) or the total of the blocks (2). */
    private static void rootTotal(Section root, Interval[] values, int how) {
        if (how != 0) {
            root.blockTotals.clear();
        }
        root.blockTotals.add(values);
        root.carried = values;
        root.members.clear();
        root.hasRows = true;
        root.lastOwnRow = true;
    }

    private static boolean adds(List<Interval[]> members, Interval[] total) {
        int compared = 0;
        int agree = 0;
        for (int c = 0; c < total.length; c++) {
            if (total[c] == null || total[c].mid().signum() == 0) {
                continue;
            }
            Interval sum = Interval.ZERO;
            int n = 0;
            for (Interval[] m : members) {
                if (m[c] != null) {
                    sum = sum.plus(m[c]);
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            compared++;
            if (sum.overlaps(total[c])) {
                agree++;
            }
        }
        return compared > 0 && agree * 2 >= compared;
    }

    private static Interval[] values(Line l, int width, Header.Columns cols, Map<String, String> columnUnits) {
        Interval[] out = new Interval[width - 1];
        for (int c = 1; c < width; c++) {
            if (c == cols.noteColumn() || cols.units().get(c).startsWith("%") || l.cell(c).endsWith("%")
                    || "text".equals(columnUnits.get(cols.names().get(c)))) {
                continue;
            }
            Figure f = Cells.figure(l.cell(c));
            if (f instanceof Figure.Amount a) {
                out[c - 1] = a.interval();
            } else if (f instanceof Figure.Nil) {
                out[c - 1] = Interval.ZERO;
            }
        }
        return out;
    }

}
