package dev.crossfoot.render;

import dev.crossfoot.model.Table;
import dev.crossfoot.result.CellKey;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Status;
import dev.crossfoot.result.Summary;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A self-contained HTML working paper an auditor can file: one page, CSS inline, no script, font, image or
 * link outside the page, so it opens the same anywhere, offline, years later.
 *
 * <p>For each filing: a summary (filing, issuer, document, counts by status), the checks that did not pass,
 * then every table of the filing as printed (section headings, labels, figures right-aligned as printed),
 * and at the end the list of all checks. Every figure a check used carries a tick ({@code <sup
 * class="cf-tick">✓</sup>}) whose title names the checks; figures of a failure, or of a check of severity
 * error that could not be evaluated, are marked {@code cf-fail}, figures of a warning (or of a warning rule
 * that could not be evaluated) {@code cf-warn}, and each shows the difference of the check that flagged it.
 *
 * <p>Stable hooks for tools and tests ({@code P} is empty for the first filing, {@code f2-}, {@code f3-}, ...
 * for later ones; names pass through {@link Html#token}, which keeps letters, digits and {@code _.:@-}):
 * <ul>
 *   <li>figure cell: {@code td id="Pt-TABLE-rROW-COLUMN"} (ROW is the row's index in the table, from 0),
 *       {@code data-checks="TOKEN TOKEN"}, the tokens of the checks that used it;</li>
 *   <li>check row in the list of all checks: {@code tr id="Pc-TOKEN" data-check="CHECK ID"}; in the list of
 *       checks that did not pass: {@code tr id="Pi-TOKEN"};</li>
 *   <li>a difference shown in a cell: {@code span class="cf-diff" data-check="TOKEN"};</li>
 *   <li>a figure a diagnosis names: its cell has the class {@code cf-suspect}, and holds
 *       {@code span class="cf-fix" data-check="TOKEN" data-diagnosis="KIND"} with the value that would make
 *       the check pass;</li>
 *   <li>the paper's own record in the header: {@code table class="cf-paper"} with {@code td data-field="tool"},
 *       {@code "date"} (a {@code time} element), {@code "filing"}, and the empty {@code td class="cf-sign"}
 *       fields {@code "prepared-by"}, {@code "prepared-on"}, {@code "reviewed-by"}, {@code "reviewed-on"};</li>
 *   <li>tables that could not be read and rules not run: {@code tr class="cf-input-error" data-table} and
 *       {@code tr class="cf-not-run" data-rule}.</li>
 * </ul>
 * Every value from the input is escaped. Figures are joined to checks by their cell's key (table, row index,
 * column), never by displayed text. The same report and {@link Paper} always give the same bytes.
 */
public final class HtmlRenderer implements Renderer {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1b1b1b;margin:2em auto;max-width:90em;padding:0 1.5em}
            h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.35em;margin:2em 0 .4em;border-bottom:2px solid #333}
            h3{font-size:1.15em;margin:1.6em 0 .4em}h4{font-size:1em;margin:1.4em 0 .1em}
            table{border-collapse:collapse;margin:.4em 0 1.2em}
            th,td{padding:2px 8px;vertical-align:top;text-align:left}
            code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
            .cf-meta,.cf-settings,.cf-legend{color:#555;margin:.2em 0}
            .cf-paper{margin:.4em 0 .8em}.cf-paper th{font-weight:600;padding-right:1em}
            .cf-paper td.cf-sign{border-bottom:1px solid #333;min-width:14em;height:1.6em}
            .cf-summary th{font-weight:600;padding-right:1.5em}
            .cf-summary td.cf-count,.cf-totals td.cf-count{text-align:right;font-variant-numeric:tabular-nums}
            .cf-issues,.cf-checks,.cf-totals{border-top:1px solid #999}
            .cf-issues,.cf-checks{width:100%}
            td.cf-expl{min-width:18em}
            td.cf-title{min-width:10em}
            td.cf-src{font-size:.85em;min-width:8em;overflow-wrap:anywhere}
            td.cf-id{min-width:9em;overflow-wrap:anywhere}
            .cf-swatch-fail,.cf-swatch-warn{padding:0 .3em;font-weight:600}
            .cf-swatch-fail{background:#fbdada}.cf-swatch-warn{background:#fff1cc}
            .cf-swatch-suspect{outline:2px solid #b3261e;outline-offset:-2px;padding:0 .3em;font-weight:700}
            .cf-issues th,.cf-checks th,.cf-totals th{border-bottom:1px solid #999;font-weight:600}
            .cf-issues td,.cf-checks td,.cf-totals td{border-bottom:1px solid #e2e2e2}
            .cf-figures{border-top:1px solid #999;border-bottom:1px solid #999}
            .cf-figures thead th{border-bottom:1px solid #999;font-weight:600}
            .cf-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .cf-figures th.cf-label{font-weight:normal;min-width:14em;max-width:40em}
            .cf-figures td,.cf-figures th{padding:2px 6px}.cf-figures thead th{white-space:normal}
            .cf-figures tr.cf-in-section th.cf-label{padding-left:1.6em}
            .cf-figures tr.cf-heading th.cf-label,.cf-figures tr.cf-section th{font-weight:600}
            .cf-figures tbody tr:hover{background:#f4f6f8}
            .cf-tick{color:#2e7d32;font-size:.8em;font-weight:700;margin-left:2px}
            td.cf-fail,tr.cf-fail{background:#fbdada}
            td.cf-fail .cf-tick{color:#b3261e}
            td.cf-warn,tr.cf-warn{background:#fff1cc}
            tr.cf-error{background:#ecdff5}
            .cf-diff,.cf-fix{display:block;font-size:.78em;color:#b3261e;white-space:normal;overflow-wrap:anywhere}
            td.cf-suspect{outline:2px solid #b3261e;outline-offset:-2px;font-weight:700}.cf-fix{font-weight:700}
            .cf-diff.cf-diff-warn{color:#7a5200}
            .cf-status{font-weight:700;white-space:nowrap}
            .cf-input-error{background:#fbdada;padding:.6em .8em;border-left:4px solid #b3261e}
            .cf-problems{border-top:1px solid #999;width:100%}.cf-problems td{border-bottom:1px solid #e2e2e2;overflow-wrap:anywhere}
            .cf-problems tr.cf-input-error,.cf-problems tr.cf-not-run{background:#fbdada;border-left:none;padding:0}
            .cf-none{color:#2e7d32;font-weight:600}
            .cf-scroll{overflow-x:auto}
            details.cf-all summary{cursor:pointer;font-weight:600;margin:1.6em 0 .4em}
            @media print{body{margin:0;max-width:none}.cf-scroll{overflow:visible}.cf-figures tbody tr:hover{background:none}h2{page-break-before:always}}
            """;

    /**
     * What a working paper says about itself: the crossfoot version that prepared it, and when.
     *
     * @param version crossfoot's version, as {@code crossfoot --version} prints it after the name
     * @param date    when the run was made
     */
    public record Paper(String version, Instant date) {

        private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .withZone(ZoneOffset.UTC);

        public Paper {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(date, "date");
        }

        /**
         * The paper of a run now, or, when the environment sets {@code SOURCE_DATE_EPOCH} to a whole number
         * of seconds since 1970-01-01 UTC, of that moment, so that a report can be made again byte for
         * byte (reproducible-builds.org's convention). Any other value of it is ignored.
         */
        public static Paper of(String version, Map<String, String> environment, Clock clock) {
            String epoch = environment.get("SOURCE_DATE_EPOCH");
            if (epoch != null && epoch.strip().matches("[0-9]{1,12}")) {
                return new Paper(version, Instant.ofEpochSecond(Long.parseLong(epoch.strip())));
            }
            return new Paper(version, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        }

        String shownDate() {
            return SHOWN.format(date);
        }
    }

    private final Paper paper;

    public HtmlRenderer(Paper paper) {
        this.paper = Objects.requireNonNull(paper, "paper");
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        List<FilingReport> filings = report.filings();
        String heading = filings.size() == 1 && !filings.get(0).isError() && filings.get(0).issuer() != null
                ? "Cross-footing working paper — " + filings.get(0).issuer() : "Cross-footing working paper";
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"generator\" content=\"crossfoot\">\n");
        out.write("<title>" + Html.escape(heading) + "</title>\n<style>\n" + CSS + HtmlNarrative.css(filings) + "</style>\n</head>\n<body>\n");
        out.write("<header>\n<h1>" + Html.escape(heading) + "</h1>\n");
        paper(report, out);
        out.write("<p class=\"cf-settings\">" + Html.escape(settings(report)) + "</p>\n");
        out.write("<p class=\"cf-legend\">Legend: <sup class=\"cf-tick\">✓</sup> a figure a check used (its title names the "
                + "checks); <span class=\"cf-swatch-fail\">red</span> a figure of a failed check, or of one that could not be "
                + "evaluated, with the difference (computed minus reported, in the reported figure’s unit); "
                + "<span class=\"cf-swatch-warn\">amber</span> a figure of a warning; <span class=\"cf-swatch-suspect\">outlined"
                + "</span> the figure a diagnosis names, with the value that would make the check pass.</p>\n</header>\n");
        if (filings.size() > 1) {
            totals(report, out);
        }
        for (int i = 0; i < filings.size(); i++) {
            filing(filings.get(i), i == 0 ? "" : "f" + (i + 1) + "-", out);
        }
        out.write("</body>\n</html>\n");
    }

    /** The working paper's own record: tool and version, date, filing, and the fields its preparer and reviewer sign. */
    private void paper(Report report, Writer out) throws IOException {
        List<FilingReport> filings = report.filings();
        String filing = filings.size() == 1 ? filings.get(0).path() : filings.size() + " filings, listed below";
        out.write("<table class=\"cf-paper\">\n");
        out.write("<tr><th>Prepared with</th><td data-field=\"tool\">crossfoot " + Html.escape(paper.version()) + "</td>"
                + "<th>Run</th><td data-field=\"date\"><time datetime=\"" + paper.date() + "\">" + paper.shownDate()
                + "</time></td></tr>\n");
        out.write("<tr><th>" + (filings.size() == 1 ? "Filing" : "Filings") + "</th><td data-field=\"filing\" colspan=\"3\">"
                + Html.escape(filing) + "</td></tr>\n");
        out.write("<tr><th>Prepared by</th><td class=\"cf-sign\" data-field=\"prepared-by\"></td><th>Date</th>"
                + "<td class=\"cf-sign\" data-field=\"prepared-on\"></td></tr>\n");
        out.write("<tr><th>Reviewed by</th><td class=\"cf-sign\" data-field=\"reviewed-by\"></td><th>Date</th>"
                + "<td class=\"cf-sign\" data-field=\"reviewed-on\"></td></tr>\n");
        out.write("</table>\n");
    }

    private static String settings(Report report) {
        StringBuilder sb = new StringBuilder("Checked by crossfoot. Tolerance is rounding-aware: each printed figure stands "
                + "for half a unit of its last printed digit either way, and a check passes when the computed and "
                + "reported figures agree within that rounding.");
        if (report.exactMode()) {
            sb.append(" Mode --exact: every figure must cast exactly at its printed precision.");
        }
        if (report.extraTolerance().signum() > 0) {
            sb.append(" Mode --tolerance ").append(report.extraTolerance().toPlainString())
                    .append(": every tolerance widened by that many units of the reported figure’s last printed digit.");
        }
        return sb.toString();
    }

    private static void totals(Report report, Writer out) throws IOException {
        out.write("<table class=\"cf-totals\">\n<thead><tr><th>Filing</th><th class=\"cf-num\">Checks</th><th class=\"cf-num\">Passed</th>"
                + "<th class=\"cf-num\">Failed</th><th class=\"cf-num\">Warnings</th><th class=\"cf-num\">Could not be evaluated</th></tr></thead>\n<tbody>\n");
        for (FilingReport f : report.filings()) {
            if (f.isError()) {
                out.write("<tr class=\"cf-fail\"><td>" + Html.escape(f.path()) + "</td><td colspan=\"5\">could not be read</td></tr>\n");
            } else {
                Summary s = f.summary();
                out.write("<tr><td>" + Html.escape(f.path()) + "</td>" + countCell(s.total()) + countCell(s.passed())
                        + countCell(s.failed()) + countCell(s.warned()) + countCell(s.errors()) + "</tr>\n");
            }
        }
        Summary s = report.summary();
        out.write("<tr><th>Total</th>" + countCell(s.total()) + countCell(s.passed()) + countCell(s.failed())
                + countCell(s.warned()) + countCell(s.errors()) + "</tr>\n</tbody>\n</table>\n");
    }

    private static String countCell(int n) {
        return "<td class=\"cf-count\">" + n + "</td>";
    }

    private static void filing(FilingReport f, String p, Writer out) throws IOException {
        out.write("<section class=\"cf-filing\" id=\"" + p + "filing\">\n");
        if (f.isError()) {
            out.write("<h2>" + Html.escape(f.path()) + "</h2>\n");
            out.write("<p class=\"cf-input-error\"><strong>Could not be checked:</strong> " + Html.escape(f.error()) + "</p>\n");
            out.write("</section>\n");
            return;
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Table t : f.tables()) {
            tables.putIfAbsent(t.id(), t);
        }
        out.write("<h2>" + Html.escape(f.issuer() == null || f.issuer().isEmpty() ? f.path() : f.issuer()) + "</h2>\n");
        summary(f, out);
        problems(f, out);
        issues(f, p, tables, out);
        if (!f.tables().isEmpty()) {
            out.write("<h3>Tables</h3>\n");
            HtmlFigures figures = new HtmlFigures(f, p);
            for (Table t : f.tables()) {
                figures.table(t, out);
            }
        }
        HtmlNarrative.write(f, p, out);
        allChecks(f, p, out);
        out.write("</section>\n");
    }

    private static void summary(FilingReport f, Writer out) throws IOException {
        Summary s = f.summary();
        long rounding = f.findings().stream().filter(x -> x.status() == Status.PASS && !x.exact()).count();
        out.write("<table class=\"cf-summary\">\n");
        out.write("<tr><th>Filing</th><td>" + Html.escape(f.path()) + "</td></tr>\n");
        out.write("<tr><th>Issuer</th><td>" + Html.escape(f.issuer()) + "</td></tr>\n");
        out.write("<tr><th>Document</th><td>" + Html.escape(f.document()) + "</td></tr>\n");
        out.write("<tr><th>Checks</th><td class=\"cf-count\" data-status=\"all\">" + s.total() + "</td></tr>\n");
        out.write("<tr><th>Passed</th><td class=\"cf-count\" data-status=\"pass\">" + s.passed() + "</td>"
                + (rounding > 0 ? "<td>" + rounding + " of them agree within rounding only, not exactly</td>" : "") + "</tr>\n");
        out.write("<tr><th>Failed</th><td class=\"cf-count\" data-status=\"fail\">" + s.failed() + "</td></tr>\n");
        out.write("<tr><th>Warnings</th><td class=\"cf-count\" data-status=\"warn\">" + s.warned() + "</td></tr>\n");
        out.write("<tr><th>Could not be evaluated</th><td class=\"cf-count\" data-status=\"error\">" + s.errors() + "</td></tr>\n");
        out.write("</table>\n");
    }

    /** The tables that could not be read, and the rules not run because of them; nothing when there are none. */
    private static void problems(FilingReport f, Writer out) throws IOException {
        if (f.inputErrors().isEmpty() && f.ruleErrors().isEmpty()) {
            return;
        }
        out.write("<h3>Input that could not be used</h3>\n<table class=\"cf-problems\">\n<thead><tr><th>What</th><th>Why</th>"
                + "<th>Source</th></tr></thead>\n<tbody>\n");
        for (InputError e : f.inputErrors()) {
            out.write("<tr class=\"cf-input-error\" data-table=\"" + Html.escape(e.table()) + "\"><td>Table <code>"
                    + Html.escape(e.table()) + "</code> could not be read</td><td>" + Html.escape(e.message())
                    + "</td><td class=\"cf-src\"><code>" + Html.escape(e.file() + (e.line() > 0 ? ":" + e.line() : ""))
                    + "</code></td></tr>\n");
        }
        for (RuleError r : f.ruleErrors()) {
            out.write("<tr class=\"cf-not-run\" data-rule=\"" + Html.escape(r.rule()) + "\"><td>Rule <code>" + Html.escape(r.rule())
                    + "</code> not run</td><td>" + Html.escape(Describe.notRun(r)) + "</td><td class=\"cf-src\"><code>"
                    + Html.escape(r.file() + (r.line() > 0 ? ":" + r.line() : "")) + "</code></td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    private static void issues(FilingReport f, String p, Map<String, Table> tables, Writer out) throws IOException {
        List<Finding> shown = f.findings().stream().filter(x -> x.status() != Status.PASS).toList();
        out.write("<h3>Checks that did not pass</h3>\n");
        if (shown.isEmpty()) {
            out.write("<p class=\"cf-none\">Every check passed.</p>\n");
            return;
        }
        out.write("<div class=\"cf-scroll\"><table class=\"cf-issues\">\n<thead><tr><th>Status</th><th>Check</th><th>What it checks</th><th>Figure</th>"
                + "<th class=\"cf-num\">Reported</th><th class=\"cf-num\">Computed</th><th class=\"cf-num\">Difference</th>"
                + "<th class=\"cf-num\">Tolerance</th><th>Explanation</th><th>Source</th></tr></thead>\n<tbody>\n");
        for (Finding x : shown) {
            out.write("<tr id=\"" + p + "i-" + Html.token(x.id()) + "\" class=\"" + rowClass(x) + "\" data-check=\""
                    + Html.escape(x.id()) + "\">");
            out.write("<td class=\"cf-status\">" + statusWord(x) + "</td>");
            out.write("<td class=\"cf-id\"><code>" + Html.escape(x.id()) + "</code></td>");
            out.write("<td class=\"cf-title\">" + Html.escape(x.title()) + "</td>");
            String figure = Html.escape(x.table()) + " › " + Html.escape(x.row()) + " › " + Html.escape(x.column());
            CellKey at = x.reportedCell().key();
            if (tables.containsKey(at.table())) {
                figure = "<a href=\"#" + HtmlFigures.cellId(p, at.table(), at.row(), at.column()) + "\">" + figure + "</a>";
            }
            out.write("<td>" + figure + "</td>");
            out.write("<td class=\"cf-num\">" + Html.escape(x.reported()) + "</td>");
            out.write("<td class=\"cf-num\">" + Html.escape(Describe.num(x.computed())) + "</td>");
            out.write("<td class=\"cf-num\">" + Html.escape(Describe.num(x.difference())) + "</td>");
            out.write("<td class=\"cf-num\">" + (x.tolerance() == null ? "" : "±" + Html.escape(Describe.num(x.tolerance()))) + "</td>");
            out.write("<td class=\"cf-expl\">" + Html.escape(x.message()));
            if (!x.diagnoses().isEmpty()) {
                out.write("<ul class=\"cf-diagnoses\">");
                for (Diagnosis d : x.diagnoses()) {
                    out.write("<li>" + Html.escape(d.text()) + "</li>");
                }
                out.write("</ul>");
            }
            out.write("</td>");
            out.write("<td class=\"cf-src\"><code>" + Html.escape(source(x)) + "</code>"
                    + (x.origin().isEmpty() ? "" : "<br>rule: " + Html.escape(x.origin())) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table></div>\n");
    }

    private static void allChecks(FilingReport f, String p, Writer out) throws IOException {
        out.write("<details class=\"cf-all\"><summary>All " + f.findings().size()
                + (f.findings().size() == 1 ? " check" : " checks") + "</summary>\n");
        out.write("<div class=\"cf-scroll\"><table class=\"cf-checks\">\n<thead><tr><th>Status</th><th>Check</th><th>What it checks</th><th>Figure</th>"
                + "<th class=\"cf-num\">Reported</th><th class=\"cf-num\">Computed</th><th class=\"cf-num\">Difference</th>"
                + "<th class=\"cf-num\">Tolerance</th><th>Cast</th><th>Source</th></tr></thead>\n<tbody>\n");
        for (Finding x : f.findings()) {
            out.write("<tr id=\"" + p + "c-" + Html.token(x.id()) + "\" class=\"" + rowClass(x) + "\" data-check=\""
                    + Html.escape(x.id()) + "\"" + (x.origin().isEmpty() ? "" : " data-origin=\"" + Html.escape(x.origin()) + "\"") + ">");
            out.write("<td class=\"cf-status\">" + statusWord(x) + "</td>");
            out.write("<td class=\"cf-id\"><code>" + Html.escape(x.id()) + "</code></td>");
            out.write("<td class=\"cf-title\">" + Html.escape(x.title()) + "</td>");
            out.write("<td>" + Html.escape(x.table()) + " › " + Html.escape(x.row()) + " › " + Html.escape(x.column()) + "</td>");
            out.write("<td class=\"cf-num\">" + Html.escape(x.reported()) + "</td>");
            out.write("<td class=\"cf-num\">" + Html.escape(Describe.num(x.computed())) + "</td>");
            out.write("<td class=\"cf-num\">" + Html.escape(Describe.num(x.difference())) + "</td>");
            out.write("<td class=\"cf-num\">" + (x.tolerance() == null ? "" : "±" + Html.escape(Describe.num(x.tolerance()))) + "</td>");
            out.write("<td>" + (x.status() == Status.ERROR ? "" : x.exact() ? "exact" : "rounding") + "</td>");
            out.write("<td class=\"cf-src\"><code>" + Html.escape(source(x)) + "</code>"
                    + (x.origin().isEmpty() ? "" : "<br>rule: " + Html.escape(x.origin())) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table></div>\n</details>\n");
    }

    private static String rowClass(Finding x) {
        return switch (x.status()) {
            case PASS -> "cf-pass";
            case FAIL -> "cf-fail";
            case WARN -> "cf-warn";
            case ERROR -> Describe.fatal(x) ? "cf-error" : "cf-warn";
        };
    }

    private static String statusWord(Finding x) {
        return switch (x.status()) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case WARN -> "WARN";
            case ERROR -> "ERROR";
        };
    }

    private static String source(Finding x) {
        return (x.file() == null ? "" : x.file()) + (x.line() > 0 ? ":" + x.line() : "");
    }

}
