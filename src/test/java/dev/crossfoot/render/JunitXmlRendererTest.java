package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.result.CheckedRule;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Status;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The JUnit XML report, read back with the JDK's DOM parser. */
class JunitXmlRendererTest {

    @TempDir
    Path temp;

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        assertTrue(c.size() <= 1, "more than one <" + name + ">");
        return c.isEmpty() ? null : c.get(0);
    }

    @Test
    void oneTestcasePerCheckAndAFailureExactlyForEachFailingCheck() throws Exception {
        Report report = RenderFixtures.sensetimeFault(temp);
        FilingReport filing = RenderFixtures.only(report);
        Element root = parse(RenderFixtures.render(new JunitXmlRenderer(), report)).getDocumentElement();

        assertEquals("testsuites", root.getTagName());
        List<Element> suites = children(root, "testsuite");
        assertEquals(1, suites.size());
        Element suite = suites.get(0);
        assertEquals(RenderFixtures.FAULT_PATH, suite.getAttribute("name"));
        List<Element> cases = children(suite, "testcase");
        assertEquals(filing.findings().size(), cases.size());
        assertEquals(String.valueOf(cases.size()), suite.getAttribute("tests"));
        assertEquals("", root.getAttribute("tests"), "the root carries no totals: the report streams");
        long failing = filing.findings().stream().filter(x -> x.status() == Status.FAIL).count();
        assertTrue(failing > 0);
        assertEquals(String.valueOf(failing), suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("skipped"));

        int warnings = 0;
        for (int i = 0; i < cases.size(); i++) {
            Finding x = filing.findings().get(i);
            Element c = cases.get(i);
            assertEquals(x.id(), c.getAttribute("name"));
            assertEquals(x.table(), c.getAttribute("classname"));
            Element failure = child(c, "failure");
            assertNull(child(c, "error"), x.id());
            if (x.status() == Status.FAIL) {
                assertNotNull(failure, x.id() + " fails but has no <failure>");
                assertEquals("crossfoot.fail", failure.getAttribute("type"));
                String message = failure.getAttribute("message");
                assertTrue(message.contains("reported " + x.reported()), message);
                assertTrue(message.contains("computed " + Describe.num(x.computed())), message);
                assertTrue(message.contains("difference " + Describe.num(x.difference())), message);
                assertTrue(message.contains("tolerance ±" + Describe.num(x.tolerance())), message);
                String body = failure.getTextContent();
                assertTrue(body.contains("reported:   " + x.reported() + "\n"), body);
                assertTrue(body.contains("computed:   " + Describe.num(x.computed()) + "\n"), body);
                assertTrue(body.contains("difference: " + Describe.num(x.difference()) + "\n"), body);
                assertTrue(body.contains("tolerance:  ±" + Describe.num(x.tolerance()) + "\n"), body);
                assertTrue(body.contains(x.message()), body);
                assertTrue(body.contains(x.file() + ":" + x.line()), body);
            } else {
                assertNull(failure, x.id() + " is " + x.status() + " but has a <failure>");
            }
            Element out = child(c, "system-out");
            if (x.status() == Status.WARN) {
                warnings++;
                assertNotNull(out, x.id() + " warns but says nothing");
                assertTrue(out.getTextContent().startsWith("WARNING"), out.getTextContent());
                assertTrue(out.getTextContent().contains("difference: " + Describe.num(x.difference())));
            } else if (x.status() == Status.PASS) {
                assertNull(out);
                assertEquals(0, c.getChildNodes().getLength(), "a passing testcase is empty");
            }
        }
        assertTrue(warnings > 0, "the fixture has warnings, and they must show");
    }

    @Test
    void errorsWarningRulesAndUnusableInputMapAsDocumented() throws Exception {
        Report report = RenderFixtures.handmade();
        Element root = parse(RenderFixtures.render(new JunitXmlRenderer(), report)).getDocumentElement();
        List<Element> suites = children(root, "testsuite");
        assertEquals(2, suites.size());
        // one fail and one error of an error rule in the first suite; the warning rule's error is not fatal;
        // the unusable filing is a suite with one error
        assertEquals("1", suites.get(0).getAttribute("failures"));
        assertEquals("1", suites.get(0).getAttribute("errors"));
        assertEquals("5", suites.get(0).getAttribute("tests"));
        assertEquals("1", suites.get(1).getAttribute("errors"));
        assertEquals("1", suites.get(1).getAttribute("tests"));

        Element good = suites.get(0);
        assertEquals(RenderFixtures.HAND_PATH, good.getAttribute("name"));
        assertEquals("1", good.getAttribute("errors"));
        List<Element> cases = children(good, "testcase");
        assertEquals(5, cases.size());
        assertEquals("T1-SHARE@2023 %#" + RenderFixtures.SCRIPT_LABEL, cases.get(0).getAttribute("name"),
                "names survive escaping unchanged");

        Element error = child(cases.get(3), "error");
        assertNotNull(error, "a check of an error rule that could not be evaluated is an <error>");
        assertEquals("crossfoot.error", error.getAttribute("type"));
        assertTrue(error.getAttribute("message").startsWith("could not be evaluated: reported N.A."), error.getAttribute("message"));

        Element warningRule = cases.get(4);
        assertNull(child(warningRule, "error"));
        assertNull(child(warningRule, "failure"));
        assertTrue(child(warningRule, "system-out").getTextContent().startsWith("WARNING: could not be evaluated"));

        Element fail = child(cases.get(1), "failure");
        assertTrue(fail.getAttribute("message").contains("\"a,b\" <x> & y second line"), "attribute: quotes, brackets and "
                + "ampersands round-trip; the line break becomes a space: " + fail.getAttribute("message"));
        assertTrue(fail.getTextContent().contains("& y\nsecond line"), "the text keeps the line break");
        assertTrue(fail.getTextContent().contains("possible cause: digits transposed: 1,010 may be 1,001 <?>\n"));

        Element broken = suites.get(1);
        assertEquals(RenderFixtures.BROKEN_PATH, broken.getAttribute("name"));
        assertEquals("1", broken.getAttribute("tests"));
        assertEquals("1", broken.getAttribute("errors"));
        List<Element> only = children(broken, "testcase");
        assertEquals(1, only.size());
        Element input = child(only.get(0), "error");
        assertEquals("crossfoot.input", input.getAttribute("type"));
        assertEquals(report.filings().get(1).error(), input.getAttribute("message"));
    }

    @Test
    void charactersXmlCannotHoldAreReplacedNotWrittenRaw() throws Exception {
        Report base = RenderFixtures.handmade();
        FilingReport f = base.filings().get(0);
        Finding x = f.findings().get(1);
        Finding hostile = new Finding(x.id(), new CheckedRule(x.rule(), "bell\u0007 and escape\u001B[31m and a lone \uD800 surrogate",
                x.kind(), x.severity()), x.column(), x.status(), x.figures(), "nul\u0000 here", x.cells(), x.diagnoses(), false);
        Report report = new Report(List.of(new FilingReport(f.path(), f.issuer(), f.document(), List.of(hostile), null,
                f.tables())), false, base.extraTolerance());
        String xml = RenderFixtures.render(new JunitXmlRenderer(), report);
        Document doc = parse(xml);
        String body = doc.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(body.contains("bell\uFFFD and escape\uFFFD[31m and a lone \uFFFD surrogate"), body);
        assertTrue(((Element) doc.getElementsByTagName("failure").item(0)).getAttribute("message").contains("nul\uFFFD here"));
    }
}
