package dev.crossfoot.render;

import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.InputError;
import dev.crossfoot.result.RuleError;
import dev.crossfoot.result.Totals;
import java.math.BigDecimal;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as the test reporters of Jenkins, GitLab and GitHub Actions read it: one {@code <testsuite>}
 * per filing (named by its path), one {@code <testcase>} per check (named by the check id, classname the
 * table of the reported figure).
 *
 * <p>How statuses map, chosen so that the JUnit verdict agrees with crossfoot's exit code:
 * <ul>
 *   <li>PASS: a bare testcase.</li>
 *   <li>FAIL: {@code <failure type="crossfoot.fail">}; its message holds the reported, computed, difference
 *       and tolerance figures and the explanation; its text adds the diagnoses and the file and line.</li>
 *   <li>WARN: a passing testcase with a {@code <system-out>} that starts with "WARNING" and says the same.
 *       A warning is reported, never fatal, so it must not turn a JUnit report red.</li>
 *   <li>ERROR (the check could not be evaluated): {@code <error type="crossfoot.error">} for a rule of
 *       severity error. For a rule of severity warning it is a passing testcase with a {@code <system-out>}
 *       that starts with "WARNING: could not be evaluated", as the exit code does not fail on it either.</li>
 *   <li>A filing whose input could not be used: a testsuite with one testcase, {@code input}, holding an
 *       {@code <error type="crossfoot.input">} with the one-line reason.</li>
 *   <li>A table of a filing that could not be read: a testcase {@code input:TABLE} (classname
 *       {@code crossfoot.input}) holding an {@code <error type="crossfoot.input">}; a rule not run because
 *       of it: a testcase named by the rule id holding an {@code <error type="crossfoot.not-run">}.</li>
 * </ul>
 * The root {@code <testsuites>} carries no totals: the report is written filing by filing (a batch of
 * thousands never sits in memory), and each {@code <testsuite>} carries its own counts.
 * There is no time, timestamp or hostname attribute: the same report always gives the same bytes.
 * Every value goes through {@link XMLStreamWriter}, which escapes it; characters XML cannot hold become U+FFFD.
 */
public final class JunitXmlRenderer implements StreamingRenderer {

    private XMLStreamWriter x;

    @Override
    public void begin(boolean exactMode, BigDecimal extraTolerance, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        try {
            x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "crossfoot");
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    @Override
    public void filing(FilingReport f, Writer out) throws IOException {
        try {
            suite(x, f);
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    @Override
    public void end(Totals totals, Writer out) throws IOException {
        try {
            newline(x, 0);
            x.writeEndElement();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.write("\n");
    }

    private static void suite(XMLStreamWriter x, FilingReport f) throws XMLStreamException {
        newline(x, 1);
        x.writeStartElement("testsuite");
        attr(x, "name", f.path());
        if (f.isError()) {
            x.writeAttribute("tests", "1");
            x.writeAttribute("failures", "0");
            x.writeAttribute("errors", "1");
            x.writeAttribute("skipped", "0");
            newline(x, 2);
            x.writeStartElement("testcase");
            x.writeAttribute("name", "input");
            x.writeAttribute("classname", "crossfoot.input");
            newline(x, 3);
            x.writeStartElement("error");
            attr(x, "message", f.error());
            x.writeAttribute("type", "crossfoot.input");
            text(x, f.path() + " could not be checked: " + f.error());
            x.writeEndElement();
            newline(x, 2);
            x.writeEndElement();
            newline(x, 1);
            x.writeEndElement();
            return;
        }
        int unusable = f.inputErrors().size() + f.ruleErrors().size();
        x.writeAttribute("tests", String.valueOf(f.findings().size() + unusable));
        x.writeAttribute("failures", String.valueOf(count(f, Status.FAIL)));
        x.writeAttribute("errors", String.valueOf(fatalErrors(f) + unusable));
        x.writeAttribute("skipped", "0");
        newline(x, 2);
        x.writeStartElement("properties");
        property(x, "issuer", f.issuer());
        property(x, "document", f.document());
        newline(x, 2);
        x.writeEndElement();
        for (InputError e : f.inputErrors()) {
            error(x, "input:" + e.table(), "crossfoot.input", "table " + e.table() + " could not be read: " + e.message(),
                    e.file(), e.line());
        }
        for (RuleError r : f.ruleErrors()) {
            error(x, r.rule(), "crossfoot.not-run", Describe.notRun(r), r.file(), r.line());
        }
        for (Finding c : f.findings()) {
            testcase(x, c);
        }
        newline(x, 1);
        x.writeEndElement();
    }

    /** A testcase that is an error: a table that could not be read, or a rule not run because of it. */
    private static void error(XMLStreamWriter x, String name, String type, String message, String file, int line)
            throws XMLStreamException {
        newline(x, 2);
        x.writeStartElement("testcase");
        attr(x, "name", name);
        x.writeAttribute("classname", type);
        attr(x, "file", file);
        if (line > 0) {
            x.writeAttribute("line", String.valueOf(line));
        }
        newline(x, 3);
        x.writeStartElement("error");
        attr(x, "message", message);
        x.writeAttribute("type", type);
        text(x, message);
        x.writeEndElement();
        newline(x, 2);
        x.writeEndElement();
    }

    private static void testcase(XMLStreamWriter x, Finding c) throws XMLStreamException {
        newline(x, 2);
        boolean plain = c.status() == Status.PASS && c.narrated() == null;
        if (plain) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        attr(x, "name", c.id());
        attr(x, "classname", c.table());
        if (!c.origin().isEmpty()) {
            attr(x, "origin", c.origin());
        }
        if (c.file() != null) {
            attr(x, "file", c.file());
        }
        if (c.line() > 0) {
            x.writeAttribute("line", String.valueOf(c.line()));
        }
        if (plain) {
            return;
        }
        newline(x, 3);
        if (c.status() == Status.PASS) {
            x.writeStartElement("system-out");
            text(x, "PASS: " + Describe.where(c) + "\n" + Describe.narrative(c));
            x.writeEndElement();
        } else if (c.status() == Status.FAIL && !c.known()) {
            x.writeStartElement("failure");
            attr(x, "message", Describe.figures(c) + ". " + c.message());
            x.writeAttribute("type", "crossfoot.fail");
            text(x, body(c));
            x.writeEndElement();
        } else if (Describe.fatal(c)) {
            x.writeStartElement("error");
            attr(x, "message", "could not be evaluated: " + Describe.figures(c) + ". " + c.message());
            x.writeAttribute("type", "crossfoot.error");
            text(x, body(c));
            x.writeEndElement();
        } else {
            x.writeStartElement("system-out");
            String what = c.known() ? "KNOWN: recorded in the baseline with the same figures (reported only, not a failure)"
                    : c.status() == Status.WARN ? "WARNING (reported only, not a failure)"
                    : "WARNING: could not be evaluated (a warning rule, reported only)";
            text(x, what + "\n" + body(c));
            x.writeEndElement();
        }
        newline(x, 2);
        x.writeEndElement();
    }

    /** The text of a failure, error or warning: every figure on its own line, then the explanation. */
    private static String body(Finding c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.id()).append(": ").append(c.title()).append('\n');
        sb.append(Describe.where(c)).append(Describe.unit(c).isEmpty() ? "" : " (" + Describe.unit(c) + ")").append('\n');
        sb.append("reported:   ").append(c.reported()).append('\n');
        if (c.computed() != null) {
            sb.append("computed:   ").append(Describe.num(c.computed())).append('\n');
            sb.append("difference: ").append(Describe.num(c.difference())).append('\n');
            sb.append("tolerance:  ±").append(Describe.num(c.tolerance())).append('\n');
        } else {
            sb.append("computed:   (could not be evaluated)\n");
        }
        if (!c.message().isEmpty()) {
            sb.append(c.message()).append('\n');
        }
        if (c.narrated() != null) {
            sb.append(Describe.narrative(c)).append('\n');
        }
        for (Diagnosis d : c.diagnoses()) {
            sb.append("possible cause: ").append(d.text()).append('\n');
        }
        if (c.file() != null) {
            sb.append("at ").append(c.file()).append(c.line() > 0 ? ":" + c.line() : "").append('\n');
        }
        return sb.toString();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        newline(x, 3);
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        attr(x, "value", value);
    }

    private static int count(FilingReport f, Status s) {
        return (int) f.findings().stream().filter(c -> c.status() == s && !c.known()).count();
    }

    private static int fatalErrors(FilingReport f) {
        return (int) f.findings().stream().filter(c -> c.status() == Status.ERROR && Describe.fatal(c)).count();
    }

    private static void attr(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, Describe.oneLineOf(value));
    }

    private static void text(XMLStreamWriter x, String value) throws XMLStreamException {
        x.writeCharacters(Describe.clean(value).replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static void newline(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }
}
