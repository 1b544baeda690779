package dev.crossfoot.render;

import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Narrated;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working paper's narrative section: each sentence of the announcement that a narrative check tied, as printed,
 * with its tied figures ticked (✓ agrees with the tables, ✗ contradicted, linked to the check that says why), and the
 * figures no check could tie listed below it. Nothing when the filing has no narrative.
 */
final class HtmlNarrative {

    static final String CSS = """
            .cf-narrative p{margin:.3em 0 .6em;max-width:60em}
            .cf-narrative .cf-where{color:#555;font-size:.85em;margin-right:.6em}
            mark.cf-tick{padding:0 2px;border-radius:2px}mark.cf-tick-pass{background:#dcf5dc}mark.cf-tick-warn{background:#fbd5d5}
            mark.cf-tick a{color:inherit;text-decoration:none}
            """;

    private HtmlNarrative() {
    }

    /** The section's style, for a report with a narrative (nothing otherwise, so other papers are unchanged). */
    static String css(List<FilingReport> filings) {
        return filings.stream().anyMatch(f -> f.narrativeChecks() + f.unattached().size() > 0) ? CSS : "";
    }

    static void write(FilingReport f, String p, Writer out) throws IOException {
        List<Finding> tied = f.findings().stream().filter(x -> x.narrated() != null).toList();
        if (tied.isEmpty() && f.unattached().isEmpty()) {
            return;
        }
        out.write("<section class=\"cf-narrative\">\n<h3>Narrative</h3>\n");
        out.write("<p class=\"cf-legend\">" + (tied.size() + f.unattached().size()) + " figures in the announcement's prose; "
                + tied.size() + " tied to the tables (✓ agrees, ✗ the tables contradict it), " + f.unattached().size()
                + " unattached (no line item and period the tables have).</p>\n");
        Map<String, List<Finding>> bySentence = new LinkedHashMap<>();
        for (Finding x : tied) {
            bySentence.computeIfAbsent(x.narrated().at() + "\u0000" + x.narrated().sentence(), k -> new ArrayList<>()).add(x);
        }
        for (List<Finding> sentence : bySentence.values()) {
            Narrated n = sentence.get(0).narrated();
            out.write("<p><span class=\"cf-where\">" + Html.escape(n.where()) + "</span>" + ticked(n.sentence(), sentence, p) + "</p>\n");
        }
        if (!f.unattached().isEmpty()) {
            out.write("<details><summary>" + f.unattached().size() + " unattached figures</summary>\n<ul>\n");
            for (NarrativeFigure u : f.unattached()) {
                Narrated n = new Narrated("", u.line(), u.at(), u.sentence(), "");
                out.write("<li><code>" + Html.escape(u.printed()) + "</code> <span class=\"cf-where\">" + Html.escape(u.at())
                        + "</span>" + Html.escape(n.sentence(Describe.SENTENCE, u.printed())) + "</li>\n");
            }
            out.write("</ul>\n</details>\n");
        }
        out.write("</section>\n");
    }

    /** The sentence, escaped, with each tied figure marked where it is printed (in order, each after the one before). */
    private static String ticked(String sentence, List<Finding> figures, String p) {
        StringBuilder sb = new StringBuilder();
        int cursor = 0;
        for (Finding x : figures) {
            int at = sentence.indexOf(x.reported(), cursor);
            if (at < 0) {
                at = sentence.indexOf(x.reported());
                if (at < cursor) {
                    continue;
                }
            }
            boolean pass = x.status() == Status.PASS;
            String title = x.id() + ": " + (pass ? "agrees with " : "contradicted by ") + x.cells().get(1).name()
                    + (x.message().isEmpty() ? "" : " — " + x.message());
            sb.append(Html.escape(sentence.substring(cursor, at)));
            sb.append("<mark class=\"cf-tick cf-tick-").append(pass ? "pass" : "warn").append("\" title=\"")
                    .append(Html.escape(Describe.oneLineOf(title))).append("\" data-check=\"").append(Html.escape(x.id())).append("\">");
            String figure = Html.escape(x.reported()) + (pass ? " ✓" : " ✗");
            sb.append(pass ? figure : "<a href=\"#" + p + "i-" + Html.token(x.id()) + "\">" + figure + "</a>");
            sb.append("</mark>");
            cursor = at + x.reported().length();
        }
        sb.append(Html.escape(sentence.substring(cursor)));
        return sb.toString();
    }
}
