package dev.crossfoot.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.io.Writer;

/**
 * A baseline: every check that did not pass, by fingerprint (rule, table, row, column and the figures),
 * with readable fields beside it for review. {@code check --baseline FILE} reports these as known.
 */
public final class BaselineRenderer implements Renderer {

    @Override
    public void render(Report report, Writer out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringField("format", "crossfoot-baseline");
            g.writeNumberField("version", dev.crossfoot.parse.BaselineReader.VERSION);
            g.writeArrayFieldStart("entries");
            for (FilingReport f : report.filings()) {
                for (Finding x : f.findings()) {
                    if (x.status() == Status.PASS) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringField("fingerprint", x.fingerprint());
                    g.writeStringField("filing", f.path());
                    g.writeStringField("id", x.id());
                    g.writeStringField("status", x.status().key());
                    g.writeStringField("table", x.table());
                    g.writeStringField("row", x.row());
                    g.writeStringField("column", x.column());
                    g.writeStringField("reported", x.reported());
                    g.writeStringField("computed", x.computed() == null ? null : x.computed().toPlainString());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
    }
}
