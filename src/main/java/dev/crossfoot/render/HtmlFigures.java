package dev.crossfoot.render;

import dev.crossfoot.model.Cell;
import dev.crossfoot.model.Decimals;
import dev.crossfoot.model.Limits;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.result.CellKey;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tables of a filing in the HTML working paper, as printed, each figure marked by the checks that used
 * it. Figures are joined to checks by their {@link CellKey} (table, row index, column), never by the text
 * they display, so two rows that print the same label (two unlabelled subtotals) are two cells.
 */
final class HtmlFigures {

    /** A figure a diagnosis names, with the check it explains. */
    private record Suspect(Finding finding, Diagnosis diagnosis, Diagnosis.Suspect suspect) {
    }

    private final String prefix;
    private final Map<CellKey, List<Finding>> byCell = new HashMap<>();
    private final Map<CellKey, List<Suspect>> suspects = new HashMap<>();

    /** @param prefix the filing's prefix of element ids ("" for the first filing, "f2-", ...) */
    HtmlFigures(FilingReport f, String prefix) {
        this.prefix = prefix;
        for (Finding x : f.findings()) {
            for (CellUse c : x.cells()) {
                List<Finding> list = byCell.computeIfAbsent(c.key(), k -> new ArrayList<>());
                if (!list.contains(x)) {
                    list.add(x);
                }
            }
            if (x.status() == Status.PASS) {
                continue;
            }
            for (Diagnosis d : x.diagnoses()) {
                for (Diagnosis.Suspect s : d.suspects()) {
                    suspects.computeIfAbsent(s.cell().key(), k -> new ArrayList<>()).add(new Suspect(x, d, s));
                }
            }
        }
    }

    /** The id of a figure's cell: {@code Pt-TABLE-rROW-COLUMN}. */
    static String cellId(String p, String table, int row, String column) {
        return p + "t-" + Html.token(table) + "-r" + row + "-" + Html.token(column);
    }

    void table(Table t, Writer out) throws IOException {
        out.write("<section class=\"cf-table\" id=\"" + prefix + "t-" + Html.token(t.id()) + "\">\n");
        out.write("<h4>" + Html.escape(t.title() == null || t.title().isEmpty() ? t.id() : t.title()) + "</h4>\n");
        out.write("<p class=\"cf-meta\">Table <code>" + Html.escape(t.id()) + "</code>"
                + (t.unit() == null ? "" : " · " + Html.escape(t.unit().printed())) + " · <code>" + Html.escape(t.file())
                + "</code></p>\n");
        out.write("<div class=\"cf-scroll\"><table class=\"cf-figures\">\n<thead><tr><th class=\"cf-label\"></th>");
        for (String c : t.columns()) {
            out.write("<th class=\"cf-num\" scope=\"col\">" + Html.escape(c) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
        int width = t.columns().size() + 1;
        String section = "";
        Row previous = null;
        for (Row r : t.rows()) {
            if (!r.section().equals(section)) {
                boolean announced = previous != null && !previous.hasFigures() && previous.label().equals(r.section());
                if (!r.section().isEmpty() && !announced) {
                    out.write("<tr class=\"cf-section\"><th class=\"cf-label\" colspan=\"" + width + "\">"
                            + Html.escape(r.section()) + "</th></tr>\n");
                }
                section = r.section();
            }
            row(t, r, out);
            previous = r;
        }
        out.write("</tbody>\n</table></div>\n</section>\n");
    }

    private void row(Table t, Row r, Writer out) throws IOException {
        String cls = "cf-row" + (r.hasFigures() ? "" : " cf-heading") + (r.section().isEmpty() ? "" : " cf-in-section");
        out.write("<tr id=\"" + prefix + "t-" + Html.token(t.id()) + "-r" + r.index() + "\" class=\"" + cls + "\">");
        if (r.label().isEmpty()) {
            out.write("<th class=\"cf-label cf-unlabelled\" scope=\"row\" title=\"(unlabelled)\"></th>");
        } else {
            out.write("<th class=\"cf-label\" scope=\"row\">" + Html.escape(r.label()) + "</th>");
        }
        for (String column : t.columns()) {
            Cell c = r.cells().get(column);
            cell(new CellKey(t.id(), r.index(), column), c == null ? "" : c.printed(), out);
        }
        out.write("</tr>\n");
    }

    private void cell(CellKey key, String printed, Writer out) throws IOException {
        List<Finding> uses = byCell.getOrDefault(key, List.of());
        String id = cellId(prefix, key.table(), key.row(), key.column());
        if (uses.isEmpty()) {
            out.write("<td id=\"" + id + "\" class=\"cf-num\">" + Html.escape(printed) + "</td>");
            return;
        }
        List<Suspect> named = suspects.getOrDefault(key, List.of());
        boolean fail = uses.stream().anyMatch(Describe::fatal);
        boolean warn = !fail && uses.stream().anyMatch(x -> x.status() != Status.PASS);
        String checks = uses.stream().map(x -> Html.token(x.id())).collect(Collectors.joining(" "));
        String tickTitle = "Checked by: " + uses.stream().map(x -> x.id() + " (" + x.status().key() + ")")
                .collect(Collectors.joining(", "));
        out.write("<td id=\"" + id + "\" class=\"cf-num cf-checked" + (fail ? " cf-fail" : warn ? " cf-warn" : "")
                + (named.isEmpty() ? "" : " cf-suspect") + "\" data-checks=\"" + checks + "\">" + Html.escape(printed)
                + "<sup class=\"cf-tick\" title=\"" + Html.escape(Describe.oneLineOf(tickTitle)) + "\">✓</sup>");
        for (Finding x : uses) {
            if (x.status() == Status.PASS) {
                continue;
            }
            String text = x.difference() == null ? "not evaluated · " + x.id()
                    : "Δ " + Describe.num(x.difference()) + (Describe.unit(x).isEmpty() ? "" : " " + Describe.unit(x))
                    + " · " + x.id();
            out.write("<span class=\"cf-diff " + (Describe.fatal(x) ? "cf-diff-fail" : "cf-diff-warn") + "\" data-check=\""
                    + Html.token(x.id()) + "\" title=\"" + Html.escape(Limits.head(Describe.oneLineOf(Describe.oneLine(x)), 1000)) + "\">"
                    + Html.escape(text) + "</span>");
        }
        for (Suspect s : named) {
            String text = s.suspect().shouldBe() == null ? s.suspect().how()
                    : "may be " + Decimals.printed(s.suspect().shouldBe(), Math.max(0, s.suspect().shouldBe().scale()))
                    + " (" + s.suspect().how() + ")";
            out.write("<span class=\"cf-fix\" data-check=\"" + Html.token(s.finding().id()) + "\" data-diagnosis=\""
                    + s.diagnosis().kind().key() + "\" title=\"" + Html.escape(Describe.oneLineOf(s.diagnosis().text()))
                    + "\">" + Html.escape(text) + "</span>");
        }
        out.write("</td>");
    }
}
