package dev.crossfoot.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Totals;
import dev.crossfoot.result.Summary;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * One JSON document: {@code {"filings":[{"path", "checks":[...], "summary"}], "summary"}}.
 * Figures are decimal strings, never JSON numbers, so no reader turns them into floating point.
 * A filing that could not be read is {@code {"path", "error"}}. A filing some of whose tables could not be
 * read lists them apart from its checks ({@code inputErrors}), with the rules not run because of them
 * ({@code ruleErrors}).
 */
public final class JsonRenderer implements StreamingRenderer {


    private JsonGenerator g;

    @Override
    public void begin(boolean exactMode, BigDecimal extraTolerance, Writer out) throws IOException {
        g = JsonOutput.generator(out);
        g.writeStartObject();
        g.writeObjectFieldStart("settings");
        g.writeBooleanField("exact", exactMode);
        g.writeStringField("extraTolerance", extraTolerance.toPlainString());
        g.writeEndObject();
        g.writeArrayFieldStart("filings");
    }

    @Override
    public void filing(FilingReport f, Writer out) throws IOException {
        filing(g, f);
        g.flush();
    }

    @Override
    public void end(Totals totals, Writer out) throws IOException {
        g.writeEndArray();
        summary(g, totals.summary());
        g.writeEndObject();
        g.close();
        out.write("\n");
    }

    private static void filing(JsonGenerator g, FilingReport f) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", f.path());
        if (f.isError()) {
            g.writeStringField("error", f.error());
            g.writeEndObject();
            return;
        }
        g.writeStringField("issuer", f.issuer());
        g.writeStringField("document", f.document());
        g.writeArrayFieldStart("checks");
        for (Finding x : f.findings()) {
            check(g, x);
        }
        g.writeEndArray();
        if (!f.inputErrors().isEmpty() || !f.ruleErrors().isEmpty()) {
            problems(g, f);
        }
        if (f.basis() != null && f.basis().origins().containsKey("standard")) {
            standard(g, f.basis());
        }
        if (f.narrativeChecks() + f.unattached().size() > 0) {
            narrative(g, f);
        }
        summary(g, f.summary());
        g.writeEndObject();
    }

    /** The announcement's prose figures: how many were found and tied, and those left unattached, each where printed. */
    private static void narrative(JsonGenerator g, FilingReport f) throws IOException {
        g.writeObjectFieldStart("narrative");
        g.writeNumberField("figures", f.narrativeChecks() + f.unattached().size());
        g.writeNumberField("tied", f.narrativeChecks());
        g.writeArrayFieldStart("unattached");
        for (dev.crossfoot.model.NarrativeFigure n : f.unattached()) {
            g.writeStartObject();
            g.writeStringField("figure", n.printed());
            g.writeStringField("kind", n.kind().key());
            g.writeNumberField("line", n.line());
            g.writeStringField("at", n.at());
            g.writeStringField("item", n.item());
            g.writeStringField("period", n.period());
            g.writeStringField("sentence", n.sentence());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** What the filing was checked against, and the standard rules that did not apply. */
    private static void standard(JsonGenerator g, dev.crossfoot.result.Basis b) throws IOException {
        g.writeObjectFieldStart("origins");
        for (java.util.Map.Entry<String, Integer> e : b.origins().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("notApplicable");
        for (dev.crossfoot.result.NotApplicable n : b.notApplicable()) {
            g.writeStartObject();
            g.writeStringField("rule", n.rule());
            g.writeStringField("title", n.title());
            g.writeStringField("why", n.why());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The tables that could not be read, and the rules not run because of them. */
    private static void problems(JsonGenerator g, FilingReport f) throws IOException {
        g.writeArrayFieldStart("inputErrors");
        for (InputError e : f.inputErrors()) {
            g.writeStartObject();
            g.writeStringField("table", e.table());
            g.writeStringField("file", e.file());
            g.writeNumberField("line", e.line());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("ruleErrors");
        for (RuleError r : f.ruleErrors()) {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            g.writeStringField("title", r.title());
            g.writeStringField("file", r.file());
            g.writeNumberField("line", r.line());
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void check(JsonGenerator g, Finding x) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", x.id());
        g.writeStringField("rule", x.rule());
        if (!x.origin().isEmpty()) {
            g.writeStringField("origin", x.origin());
        }
        g.writeStringField("title", x.title());
        g.writeStringField("kind", x.kind().key());
        g.writeStringField("severity", x.severity().key());
        g.writeStringField("table", x.table());
        g.writeStringField("row", x.row());
        g.writeStringField("column", x.column());
        g.writeStringField("unit", x.unit().printed());
        g.writeStringField("status", x.status().key());
        g.writeStringField("printed", x.reported());
        exactDecimal(g, "reported", x.reportedValue());
        decimal(g, "computed", x.computed());
        decimal(g, "difference", x.difference());
        decimal(g, "tolerance", x.tolerance());
        g.writeBooleanField("exact", x.exact());
        g.writeStringField("message", x.message());
        g.writeBooleanField("known", x.known());
        g.writeArrayFieldStart("diagnoses");
        for (Diagnosis d : x.diagnoses()) {
            JsonOutput.diagnosis(g, d);
        }
        g.writeEndArray();
        g.writeStringField("file", x.file());
        g.writeNumberField("line", x.line());
        if (x.narrated() != null) {
            g.writeObjectFieldStart("narrative");
            g.writeStringField("document", x.narrated().document());
            g.writeNumberField("line", x.narrated().line());
            g.writeStringField("at", x.narrated().at());
            g.writeStringField("sentence", x.narrated().sentence());
            g.writeStringField("matchedOn", x.narrated().words());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("cells");
        for (CellUse c : x.cells()) {
            g.writeStartObject();
            g.writeStringField("role", c.role().key());
            g.writeStringField("table", c.table());
            g.writeStringField("row", c.row());
            g.writeStringField("column", c.column());
            exactDecimal(g, "value", c.value());
            g.writeStringField("printed", c.printed());
            g.writeStringField("unit", c.unit().printed());
            if (c.weight() != null) {
                g.writeStringField("weight", c.weight().toPlainString());
            }
            g.writeStringField("file", c.file());
            g.writeNumberField("line", c.line());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal v) throws IOException {
        JsonOutput.decimal(g, name, v);
    }

    /** Keeps the printed scale: "-4369.0" stays "-4369.0". */
    private static void exactDecimal(JsonGenerator g, String name, BigDecimal v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, v.toPlainString());
        }
    }

    private static void summary(JsonGenerator g, Summary s) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("checks", s.total());
        g.writeNumberField("passed", s.passed());
        g.writeNumberField("failed", s.failed());
        g.writeNumberField("warned", s.warned());
        g.writeNumberField("errors", s.errors());
        g.writeNumberField("known", s.known());
        g.writeEndObject();
    }
}
