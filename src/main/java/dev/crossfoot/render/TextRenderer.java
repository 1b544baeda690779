package dev.crossfoot.render;

import dev.crossfoot.model.Decimals;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import dev.crossfoot.result.Summary;
import dev.crossfoot.result.Totals;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The terminal report: one aligned line per check (status, rule, column, row, reported, computed,
 * difference, tolerance, exactness), an explanation under each failure, warning or error with the file
 * and line of the reported cell, then a summary per filing and overall.
 */
public final class TextRenderer implements StreamingRenderer {

    private static final int MAX_ROW = 44;
    private static final int MAX_COLUMN = 24;
    private static final String RESET = "\u001B[0m";

    private final boolean color;
    private final boolean quiet;

    /**
     * @param color colour the statuses (ANSI)
     * @param quiet print failures, warnings, errors and the summaries only
     */
    public TextRenderer(boolean color, boolean quiet) {
        this.color = color;
        this.quiet = quiet;
    }

    @Override
    public void begin(boolean exactMode, BigDecimal extraTolerance, Writer out) throws IOException {
        if (exactMode) {
            out.write("Mode: --exact (figures must cast at their printed precision)\n");
        }
        if (extraTolerance.signum() > 0) {
            out.write("Mode: --tolerance " + extraTolerance.toPlainString()
                    + " (every tolerance widened by that many units of the reported figure's last printed digit)\n");
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
            int w = Math.max(6, filings.stream().mapToInt(f -> f.path().length()).max().orElse(6));
            out.write("\n" + pad("Filing", w) + lpad("checks", 8) + lpad("passed", 8) + lpad("failed", 8) + lpad("warned", 8)
                    + lpad("errors", 8) + "\n");
            for (Totals.FilingTotal f : filings) {
                Summary s = f.summary();
                String line = f.isError()
                        ? pad(f.path(), w) + lpad("-", 8) + lpad("-", 8) + lpad("-", 8) + lpad("-", 8) + lpad("input", 8)
                        : pad(f.path(), w) + lpad(String.valueOf(s.total()), 8) + lpad(String.valueOf(s.passed()), 8)
                        + lpad(String.valueOf(s.failed()), 8) + lpad(String.valueOf(s.warned()), 8) + lpad(String.valueOf(s.errors()), 8);
                out.write(line.stripTrailing() + "\n");
            }
        }
        Summary all = totals.summary();
        long unusable = totals.inputErrors();
        out.write("\nTotal: " + filings.size() + (filings.size() == 1 ? " filing, " : " filings, ") + counts(all)
                + (unusable > 0 ? "; " + unusable + (unusable == 1 ? " filing" : " filings") + " could not be read" : "") + "\n");
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length()) + " ";
    }

    private static String lpad(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    private void section(FilingReport f, Writer out) throws IOException {
        out.write(f.path());
        if (f.issuer() != null && !f.issuer().isEmpty()) {
            out.write(" — " + f.issuer());
        }
        if (f.document() != null && !f.document().isEmpty()) {
            out.write(" — " + f.document());
        }
        out.write("\n");
        List<Finding> shown = f.findings().stream().filter(x -> !quiet || x.status() != Status.PASS).toList();
        int idW = 4;
        int colW = 6;
        int rowW = 3;
        int repW = 8;
        int compW = 8;
        int diffW = 4;
        int tolW = 4;
        for (Finding x : shown) {
            idW = Math.max(idW, x.rule().length());
            colW = Math.max(colW, Math.min(MAX_COLUMN, x.column().length()));
            rowW = Math.max(rowW, Math.min(MAX_ROW, x.row().length()));
            repW = Math.max(repW, x.reported().length());
            compW = Math.max(compW, num(x.computed(), scale(x)).length());
            diffW = Math.max(diffW, num(x.difference(), scale(x)).length());
            tolW = Math.max(tolW, num(x.tolerance()).length() + 1);
        }
        if (!shown.isEmpty()) {
            out.write(("  " + pad("", 5) + pad("rule", idW) + " " + pad("column", colW) + " " + pad("row", rowW) + " "
                    + lpad("reported", repW) + "  " + lpad("computed", compW) + "  " + lpad("diff", diffW) + "  "
                    + lpad("tol", tolW) + "  cast").stripTrailing() + "\n");
        }
        for (Finding x : shown) {
            String row = cut(x.row(), MAX_ROW);
            String column = cut(x.column(), MAX_COLUMN);
            String cast = x.status() == Status.ERROR ? "" : x.exact() ? "exact" : "rounding";
            String line = pad(x.rule(), idW) + " " + pad(column, colW) + " " + pad(row, rowW) + " " + lpad(x.reported(), repW)
                    + "  " + lpad(num(x.computed(), scale(x)), compW) + "  " + lpad(num(x.difference(), scale(x)), diffW) + "  "
                    + lpad(x.tolerance() == null ? "" : "±" + num(x.tolerance()), tolW) + "  " + cast;
            out.write("  " + (x.known() ? known() : status(x.status())) + " " + line.stripTrailing() + "\n");
            if (x.status() != Status.PASS) {
                out.write("        " + x.message().replaceAll("\\R", " ") + " [" + x.file() + (x.line() > 0 ? ":" + x.line() : "") + "]\n");
                for (String d : x.diagnoses()) {
                    out.write("        - " + d + "\n");
                }
            }
        }
        out.write(f.path() + ": " + counts(f.summary()) + roundingNote(f) + "\n");
    }

    private static String roundingNote(FilingReport f) {
        long rounding = f.findings().stream().filter(x -> x.status() == Status.PASS && !x.exact()).count();
        return rounding == 0 ? "" : " (" + rounding + " of the passes agree within rounding only, not exactly)";
    }

    private static String counts(Summary s) {
        return s.total() + (s.total() == 1 ? " check: " : " checks: ") + s.passed() + " passed, " + s.failed() + " failed, "
                + s.warned() + (s.warned() == 1 ? " warning, " : " warnings, ") + s.errors() + " could not be evaluated"
                + (s.known() > 0 ? " (" + s.known() + " of them known from the baseline)" : "");
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
