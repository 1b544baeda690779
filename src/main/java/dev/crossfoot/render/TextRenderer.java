package dev.crossfoot.render;

import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Printable;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Status;
import dev.crossfoot.result.Summary;
import dev.crossfoot.result.Narrated;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.result.Totals;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The terminal report: one aligned line per check (status, rule, column, row, reported, computed, difference,
 * tolerance, and for a pass whether it casts exactly), then under each failure, warning or error the rule's title,
 * the explanation with the file and line of the reported cell, and the diagnoses; then a summary per filing and
 * overall. Every line fits the width given (the terminal's): labels are cut to fit, figures never; prose wraps.
 */
public final class TextRenderer implements StreamingRenderer {

    /** The width when none is given: {@code COLUMNS} unset. */
    public static final int DEFAULT_WIDTH = 100;
    private static final String RESET = "\u001B[0m";
    private static final String INDENT = "        ";

    private final boolean color;
    private final boolean quiet;
    private final int width;
    private final boolean verbose;

    /**
     * @param color   colour the statuses (ANSI)
     * @param quiet   print failures, warnings, errors and the summaries only
     * @param width   the columns a line may take
     * @param verbose also list the narrative figures no check could tie to a table, and the standard rules that did not apply
     */
    public TextRenderer(boolean color, boolean quiet, int width, boolean verbose) {
        this.color = color;
        this.quiet = quiet;
        this.width = width;
        this.verbose = verbose;
    }

    /** A report that does not list unattached narrative figures. */
    public TextRenderer(boolean color, boolean quiet, int width) {
        this(color, quiet, width, false);
    }

    /** A report {@value #DEFAULT_WIDTH} columns wide. */
    public TextRenderer(boolean color, boolean quiet) {
        this(color, quiet, DEFAULT_WIDTH);
    }

    @Override
    public void begin(boolean exactMode, BigDecimal extraTolerance, Writer out) throws IOException {
        if (exactMode) {
            prose(out, "Mode: --exact (figures must cast at their printed precision)", "", "  ");
        }
        if (extraTolerance.signum() > 0) {
            prose(out, "Mode: --tolerance " + extraTolerance.toPlainString()
                    + " (every tolerance widened by that many units of the reported figure's last printed digit)", "", "  ");
        }
    }

    @Override
    public void filing(FilingReport f, Writer out) throws IOException {
        if (!f.isError()) {
            section(f, out);
        }
    }

    @Override
    public void end(Totals totals, Writer out) throws IOException {
        List<Totals.FilingTotal> filings = totals.filings();
        if (filings.size() == totals.inputErrors()) {
            return;
        }
        if (filings.size() > 1) {
            int counts = 6 * 8;
            int natural = Math.max(6, filings.stream().mapToInt(f -> Width.of(text(f.path()))).max().orElse(6));
            int w = Math.max(6, Math.min(natural, width - counts - 1));
            out.write("\n" + Width.pad("Filing", w) + " " + lpad("checks", 8) + lpad("passed", 8) + lpad("failed", 8)
                    + lpad("warned", 8) + lpad("errors", 8) + "\n");
            for (Totals.FilingTotal f : filings) {
                Summary s = f.summary();
                String path = Width.pad(Width.cutStart(text(f.path()), w), w) + " ";
                String line = f.isError()
                        ? path + lpad("-", 8) + lpad("-", 8) + lpad("-", 8) + lpad("-", 8) + lpad("input", 8)
                        : path + lpad(String.valueOf(s.total()), 8) + lpad(String.valueOf(s.passed()), 8)
                        + lpad(String.valueOf(s.failed()), 8) + lpad(String.valueOf(s.warned()), 8) + lpad(String.valueOf(s.errors()), 8)
                        + (f.unreadableTables() > 0 ? "  input: " + f.unreadableTables()
                        + (f.unreadableTables() == 1 ? " table" : " tables") + " could not be read" : "");
                out.write(Printable.notACommand(line.stripTrailing()) + "\n");
            }
        }
        Summary all = totals.summary();
        long unusable = totals.inputErrors();
        out.write("\n");
        List<String> total = new java.util.ArrayList<>(List.of("Total: " + filings.size() + (filings.size() == 1 ? " filing," : " filings,")));
        total.addAll(counts(all));
        if (unusable > 0) {
            total.set(total.size() - 1, total.get(total.size() - 1) + ";");
            total.add(unusable + (unusable == 1 ? " filing" : " filings") + " could not be read");
        }
        incomplete(total, (int) totals.unreadableTables(), (int) totals.rulesNotRun());
        lines(out, Width.wrap(total, "", "  ", width));
    }

    /**
     * Input-derived text as the report shows it: on one line, control characters escaped, invisible and
     * bidirectional characters as code points ({@link Printable#text}). Every piece of text from the input passes through
     * here before its width is measured.
     */
    private static String text(String s) {
        return Printable.text(s);
    }

    private static String lpad(String s, int w) {
        return Width.lpad(s, w);
    }

    private static void lines(Writer out, List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(Printable.notACommand(line) + "\n");
        }
    }

    /** Writes {@code text} wrapped to the width. */
    private void prose(Writer out, String text, String first, String rest) throws IOException {
        for (String line : Width.wrap(text, first, rest, width)) {
            out.write(Printable.notACommand(line) + "\n");
        }
    }

    /** A check's cells as its line shows them, each made safe to print before the layout measures it. */
    private static TextLayout.Cells cells(Finding x) {
        int scale = scale(x);
        return new TextLayout.Cells(text(x.rule()), text(x.column()), text(x.row()), text(x.reported()),
                num(x.computed(), scale), num(x.difference(), scale), x.tolerance() == null ? "" : "±" + num(x.tolerance()),
                x.status() != Status.PASS ? "" : x.exact() ? "exact" : "rounding");
    }

    private void section(FilingReport f, Writer out) throws IOException {
        String head = text(f.path());
        if (f.issuer() != null && !f.issuer().isEmpty()) {
            head += " — " + text(f.issuer());
        }
        if (f.document() != null && !f.document().isEmpty()) {
            head += " — " + text(f.document());
        }
        prose(out, head, "", "  ");
        basis(f, out);
        List<Finding> shown = f.findings().stream().filter(x -> !quiet || x.status() != Status.PASS).toList();
        List<TextLayout.Cells> cells = shown.stream().map(TextRenderer::cells).toList();
        TextLayout layout = TextLayout.of(cells, width);
        if (!shown.isEmpty()) {
            lines(out, layout.header());
        }
        for (int i = 0; i < shown.size(); i++) {
            Finding x = shown.get(i);
            lines(out, layout.lines(x.known() ? known() : status(x.status()), cells.get(i)));
            if (x.status() != Status.PASS) {
                explain(out, x, layout.cuts(cells.get(i).rule()));
            }
            if (x.narrated() != null) {
                sentence(out, INDENT, x.narrated(), x.reported());
            }
        }
        if (verbose) {
            for (NarrativeFigure n : f.unattached()) {
                String where = "[" + text(n.at().startsWith("page") ? n.at() : "line " + n.at()) + "]";
                out.write(fit("  UNATTACHED  " + text(n.printed()) + " " + where) + "\n");
            }
        }
        problems(f, out);
        List<String> summary = new java.util.ArrayList<>(List.of(text(f.path()) + ":"));
        summary.addAll(counts(f.summary()));
        if (!roundingNote(f).isEmpty()) {
            summary.add(roundingNote(f).strip());
        }
        incomplete(summary, f.inputErrors().size(), f.ruleErrors().size());
        long tied = f.narrativeChecks();
        if (tied + f.unattached().size() > 0) {
            summary.set(summary.size() - 1, summary.get(summary.size() - 1) + ";");
            summary.add("narrative: " + (tied + f.unattached().size()) + " figures,");
            summary.add(tied + " tied to the tables,");
            summary.add(f.unattached().size() + " unattached" + (verbose ? "" : " (--verbose lists them)"));
        }
        if (f.basis() != null && f.basis().origins().containsKey("standard") && !f.basis().notApplicable().isEmpty()) {
            int n = f.basis().notApplicable().size();
            summary.set(summary.size() - 1, summary.get(summary.size() - 1) + ";");
            summary.add(n + (n == 1 ? " standard rule" : " standard rules") + " not applicable" + (verbose ? "" : " (--verbose lists them)"));
        }
        // wrapped between its parts only, so that each part can be searched for as printed
        lines(out, Width.wrap(summary, "", "  ", width));
    }

    /**
     * What the filing was checked against, when it is more than its rules files: the standard rules (and how many
     * applied) and the totals footing inferred. Under --verbose, each standard rule that did not apply, and why.
     */
    private void basis(FilingReport f, Writer out) throws IOException {
        if (f.basis() == null) {
            return;
        }
        java.util.Map<String, Integer> o = f.basis().origins();
        boolean shown = o.getOrDefault("standard", 0) > 0 || o.containsKey("inferred");
        if (shown) {
            prose(out, "Checked against: " + text(f.basis().describe()), "  ", "    ");
        }
        if (verbose) {
            for (dev.crossfoot.result.NotApplicable n : f.basis().notApplicable()) {
                prose(out, n.rule() + " not applicable: " + text(n.title()) + " (" + text(n.why()) + ")", "  N/A  ", INDENT);
            }
        }
    }

    /** Under a check that did not pass: its rule's title (with the rule id when the line cut it), why, and the diagnoses. */
    private void explain(Writer out, Finding x, boolean ruleCut) throws IOException {
        String title = text(x.title()).strip();
        String named = ruleCut ? text(x.rule()) + (title.isEmpty() ? "" : ": " + title) : title;
        if (!named.isEmpty()) {
            prose(out, named, INDENT, INDENT);
        }
        // the location is kept whole: a path is never broken across lines
        List<String> why = new java.util.ArrayList<>(Width.wrap(text(x.message()), INDENT, INDENT, width));
        String where = x.narrated() != null ? "[" + text(x.narrated().where()) + "]"
                : "[" + text(x.file()) + (x.line() > 0 ? ":" + x.line() : "") + "]"
                + (Describe.builtIn(x) ? " [" + x.origin() + "]" : "");
        String last = why.get(why.size() - 1);
        if (last.isBlank()) {
            why.set(why.size() - 1, INDENT + where);
        } else if (Width.of(last) + 1 + Width.of(where) <= width) {
            why.set(why.size() - 1, last + " " + where);
        } else {
            why.add(INDENT + where);
        }
        lines(out, why);
        for (Diagnosis d : x.diagnoses()) {
            prose(out, text(d.text()), INDENT + "- ", INDENT + "  ");
        }
    }

    /** A narrative check's sentence, cut to fit the line around its figure, and where it is printed. */
    private void sentence(Writer out, String indent, Narrated n, String figure) throws IOException {
        String where = " [" + text(n.where()) + "]";
        int room = width - Width.of(indent) - Width.of(where) - 2;
        if (room < 20) {
            out.write(fit(indent + "\"" + text(n.sentence(Math.max(20, width - Width.of(indent) - 2), figure)) + "\"") + "\n");
            out.write(indent + where.strip() + "\n");
            return;
        }
        out.write(fit(indent + "\"" + text(n.sentence(room, figure)) + "\"" + where) + "\n");
    }

    /** A line cut to the width. */
    private String fit(String line) {
        return Width.of(line) <= width ? line : Width.cut(line, width);
    }

    /** The tables that could not be read, and the rules not run because of them, each wrapped to the width. */
    private void problems(FilingReport f, Writer out) throws IOException {
        for (InputError e : f.inputErrors()) {
            prose(out, "table " + text(e.table()) + " could not be read: " + text(e.message()), "  INPUT  ", INDENT);
        }
        for (RuleError r : f.ruleErrors()) {
            prose(out, text(Describe.notRun(r)) + " [" + text(r.file()) + (r.line() > 0 ? ":" + r.line() : "") + "]",
                    "  NOT RUN  ", INDENT);
        }
    }

    /** Adds "; 1 table could not be read, 2 rules not run" to a summary's parts, when some input could not be used. */
    private static void incomplete(List<String> parts, int tables, int rules) {
        if (tables == 0 && rules == 0) {
            return;
        }
        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + ";");
        parts.add(tables + (tables == 1 ? " table" : " tables") + " could not be read,");
        parts.add(rules + (rules == 1 ? " rule" : " rules") + " not run");
    }

    private static String roundingNote(FilingReport f) {
        long rounding = f.findings().stream().filter(x -> x.status() == Status.PASS && !x.exact()).count();
        return rounding == 0 ? "" : " (" + rounding + " of the passes agree within rounding only, not exactly)";
    }

    /** The counts of a summary, in the parts a line may break between: "806 checks:", "797 passed,", ... */
    private static List<String> counts(Summary s) {
        List<String> out = new java.util.ArrayList<>(List.of(s.total() + (s.total() == 1 ? " check:" : " checks:"),
                s.passed() + " passed,", s.failed() + " failed,", s.warned() + (s.warned() == 1 ? " warning," : " warnings,"),
                s.errors() + " could not be evaluated"));
        if (s.known() > 0) {
            out.add("(" + s.known() + " of them known from the baseline)");
        }
        return out;
    }

    private String known() {
        return color ? "\u001B[36mKNOWN" + RESET : "KNOWN";
    }

    private String status(Status s) {
        String word = switch (s) {
            case PASS -> "PASS ";
            case FAIL -> "FAIL ";
            case WARN -> "WARN ";
            case ERROR -> "ERROR";
        };
        if (!color) {
            return word;
        }
        String code = switch (s) {
            case PASS -> "\u001B[32m";
            case FAIL -> "\u001B[1;31m";
            case WARN -> "\u001B[33m";
            case ERROR -> "\u001B[35m";
        };
        return code + word + RESET;
    }

    private static String num(BigDecimal v) {
        return num(v, 0);
    }

    /** A figure with at least {@code scale} decimals (the reported figure's), so 100 shows as 100.0 beside 100.0. */
    private static String num(BigDecimal v, int scale) {
        return v == null ? "" : Decimals.grouped(v, scale);
    }

    private static int scale(Finding x) {
        return x.reportedValue() == null ? 0 : Math.max(0, x.reportedValue().scale());
    }
}
