package dev.crossfoot.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.crossfoot.model.Decimals;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Severity;
import dev.crossfoot.result.Status;
import dev.crossfoot.result.Summary;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, for code-scanning views (GitHub code scanning, Azure DevOps, IDE viewers): one run of the
 * tool "crossfoot"; {@code tool.driver.rules} holds one descriptor per rule that was checked, in the order
 * the rules first appear; each check that did not pass is one result.
 *
 * <p>How statuses map:
 * <ul>
 *   <li>PASS: no result.</li>
 *   <li>FAIL: level {@code error}.</li>
 *   <li>WARN: level {@code warning}.</li>
 *   <li>ERROR (could not be evaluated): a message that starts "Could not be evaluated", at the rule's own
 *       level: {@code error} for a rule of severity error, {@code warning} for a warning rule (the exit code
 *       does not fail on the latter either).</li>
 *   <li>A filing whose input could not be used: a result of the rule {@code crossfoot/input} (a name no
 *       crossfoot rule can have, as rule ids hold no '/'), level {@code error}, located at the filing
 *       directory; a table of a filing that could not be read: the same, located at the table's file and
 *       line; a rule not run because of it: a result of the rule {@code crossfoot/not-run}, located where the
 *       rule is written.</li>
 * </ul>
 * A result's location is the CSV file and line of the reported figure, as a relative URI with forward
 * slashes. Its {@code partialFingerprints["crossfoot/v1"]} is {@link Finding#fingerprint()}: rule, table,
 * row, column and the printed figures, but no line number, so a result keeps its identity when unrelated
 * lines move. Figures in {@code properties} are decimal strings, as in the JSON report.
 */
public final class SarifRenderer implements Renderer {

    /** The OASIS SARIF 2.1.0 schema (errata 01), which the tests validate against. */
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The rule id of results that say a filing could not be read. */
    public static final String INPUT_RULE = "crossfoot/input";
    /** The rule id of results that say a rule was not run, because a table it reads could not be read. */
    public static final String NOT_RUN_RULE = "crossfoot/not-run";
    /** The key of the fingerprint in {@code partialFingerprints}. */
    public static final String FINGERPRINT = "crossfoot/v1";


    private record RuleEntry(String id, String title, String kind, Severity severity) {
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<RuleEntry> rules = new ArrayList<>();
        for (FilingReport f : report.filings()) {
            for (Finding x : f.findings()) {
                if (!index.containsKey(x.rule())) {
                    index.put(x.rule(), rules.size());
                    rules.add(new RuleEntry(x.rule(), x.title(), x.kind().key(), x.severity()));
                }
            }
        }
        if (report.incomplete()) {
            index.put(INPUT_RULE, rules.size());
            rules.add(new RuleEntry(INPUT_RULE, "The filing's input can be read", null, Severity.ERROR));
        }
        if (report.filings().stream().anyMatch(f -> !f.ruleErrors().isEmpty())) {
            index.put(NOT_RUN_RULE, rules.size());
            rules.add(new RuleEntry(NOT_RUN_RULE, "Every rule can be run", null, Severity.ERROR));
        }
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "crossfoot");
            g.writeArrayFieldStart("rules");
            for (RuleEntry r : rules) {
                rule(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (FilingReport f : report.filings()) {
                if (f.isError()) {
                    inputError(g, f, index.get(INPUT_RULE));
                    continue;
                }
                for (InputError e : f.inputErrors()) {
                    problem(g, INPUT_RULE, index.get(INPUT_RULE), "table " + e.table() + " could not be read: " + e.message(),
                            e.file(), e.line());
                }
                for (RuleError r : f.ruleErrors()) {
                    problem(g, NOT_RUN_RULE, index.get(NOT_RUN_RULE), Describe.notRun(r), r.file(), r.line());
                }
                for (Finding x : f.findings()) {
                    if (x.status() != Status.PASS) {
                        result(g, x, index.get(x.rule()));
                    }
                }
            }
            g.writeEndArray();
            runProperties(g, report);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
    }

    private static void rule(JsonGenerator g, RuleEntry r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", r.title());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", help(r));
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(r.severity()));
        g.writeEndObject();
        if (r.kind() != null) {
            g.writeObjectFieldStart("properties");
            g.writeStringField("kind", r.kind());
            g.writeStringField("severity", r.severity().key());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static String help(RuleEntry r) {
        if (r.id().equals(NOT_RUN_RULE)) {
            return "A rule is run only when every table it reads could be read; the result names the rule, where it is "
                    + "written, and the table that could not be read (reported as a crossfoot/input result).";
        }
        if (r.kind() == null) {
            return "A filing directory, its filing.yaml, its CSV tables and its rules must be readable and well formed "
                    + "before any check can run; the message names the file, line and column, and what to do.";
        }
        return "What it checks: " + r.title() + " (a " + r.kind() + " rule of severity " + r.severity().key()
                + "). The reported figure, as printed, is compared with what the rule's other printed figures give. "
                + "Every printed figure stands for half a unit of its last printed digit either way; these intervals "
                + "are carried through the rule, and the check passes when the computed and reported intervals overlap. "
                + "The tolerance in each result is that rounding allowance (plus any --tolerance widening), not a fixed epsilon.";
    }

    private static void result(JsonGenerator g, Finding x, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", x.rule());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", x.known() ? "note" : Describe.fatal(x) ? "error" : "warning");
        if (x.known()) {
            g.writeStringField("baselineState", "unchanged");
        }
        g.writeObjectFieldStart("message");
        g.writeStringField("text", Describe.oneLine(x));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(x.file() == null ? "" : x.file()));
        g.writeEndObject();
        if (x.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", x.line());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, x.fingerprint());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("check", x.id());
        if (!x.origin().isEmpty()) {
            g.writeStringField("origin", x.origin());
        }
        g.writeStringField("status", x.status().key());
        g.writeStringField("table", x.table());
        g.writeStringField("row", x.row());
        g.writeStringField("column", x.column());
        g.writeStringField("unit", x.unit().printed());
        g.writeStringField("printed", x.reported());
        decimal(g, "reported", x.reportedValue(), true);
        decimal(g, "computed", x.computed(), false);
        decimal(g, "difference", x.difference(), false);
        decimal(g, "tolerance", x.tolerance(), false);
        if (x.narrated() != null) {
            g.writeStringField("sentence", x.narrated().sentence());
            g.writeStringField("at", x.narrated().at());
            g.writeStringField("matchedOn", x.narrated().words());
        }
        if (!x.diagnoses().isEmpty()) {
            g.writeArrayFieldStart("diagnoses");
            for (Diagnosis d : x.diagnoses()) {
                JsonOutput.diagnosis(g, d);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A part of the input that could not be used (a table), or a rule not run because of it, at its file and line. */
    private static void problem(JsonGenerator g, String rule, int ruleIndex, String message, String file, int line)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", rule);
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", "error");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", message);
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(file));
        g.writeEndObject();
        if (line > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", line);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void inputError(JsonGenerator g, FilingReport f, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", INPUT_RULE);
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", "error");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.path() + " could not be checked: " + f.error());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(f.path()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void runProperties(JsonGenerator g, Report report) throws IOException {
        g.writeObjectFieldStart("properties");
        g.writeBooleanField("exact", report.exactMode());
        g.writeStringField("extraTolerance", report.extraTolerance().toPlainString());
        g.writeArrayFieldStart("filings");
        for (FilingReport f : report.filings()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            if (f.isError()) {
                g.writeStringField("error", f.error());
            } else {
                g.writeStringField("issuer", f.issuer());
                g.writeStringField("document", f.document());
                Summary s = f.summary();
                g.writeNumberField("checks", s.total());
                g.writeNumberField("passed", s.passed());
                g.writeNumberField("failed", s.failed());
                g.writeNumberField("warned", s.warned());
                g.writeNumberField("errors", s.errors());
                if (f.isIncomplete()) {
                    g.writeNumberField("unreadableTables", f.inputErrors().size());
                    g.writeNumberField("rulesNotRun", f.ruleErrors().size());
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A decimal string, as the JSON report writes it: the reported figure at its printed scale, others without trailing zeros. */
    private static void decimal(JsonGenerator g, String name, BigDecimal v, boolean printedScale) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, printedScale ? v.toPlainString() : Decimals.plain(v, 0));
        }
    }

    private static String level(Severity s) {
        return s == Severity.ERROR ? "error" : "warning";
    }

    /**
     * A file path as a relative URI reference: forward slashes, "./" dropped, and every character outside
     * the URI's unreserved and path characters percent-encoded as UTF-8 (so a space is %20, and a colon is
     * %3A, which keeps "C:/x" from reading as a scheme). An absolute path stays absolute ("/tmp/x.csv").
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
