package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub Actions workflow commands: one well-formed line per check that did not pass, then a notice. */
class GithubRendererTest {

    /** The workflow-command syntax: a command, optional key=value properties, "::", the message. */
    static final Pattern COMMAND = Pattern.compile("^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::.*$");
    static final Pattern PARTS = Pattern.compile("^::([a-z]+)(?: (.*?))?::(.*)$");

    @TempDir
    Path temp;

    static List<String> lines(String out) {
        assertTrue(out.endsWith("\n"));
        return List.of(out.substring(0, out.length() - 1).split("\n", -1));
    }

    static void allWellFormed(List<String> lines) {
        for (String l : lines) {
            assertTrue(COMMAND.matcher(l).matches(), "not a workflow command: " + l);
        }
    }

    /** Undoes the runner's escaping, as the runner does before showing a message. */
    static String unescape(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
    }

    @Test
    void oneCommandPerCheckThatDidNotPassThenASummary() {
        Report report = RenderFixtures.sensetimeFault(temp);
        FilingReport filing = RenderFixtures.only(report);
        List<String> lines = lines(RenderFixtures.render(new GithubRenderer(), report));
        allWellFormed(lines);
        List<Finding> shown = filing.findings().stream().filter(x -> x.status() != Status.PASS).toList();
        assertEquals(shown.size() + 1, lines.size());
        for (int i = 0; i < shown.size(); i++) {
            Finding x = shown.get(i);
            Matcher m = PARTS.matcher(lines.get(i));
            assertTrue(m.matches());
            assertEquals(x.status() == Status.FAIL ? "error" : "warning", m.group(1), x.id());
            assertEquals("file=" + x.file() + ",line=" + x.line() + ",title=" + GithubRenderer.property(x.id()), m.group(2));
            String message = unescape(m.group(3));
            assertEquals(Describe.oneLine(x), message);
            assertTrue(message.contains("reported " + x.reported() + ", computed " + Describe.num(x.computed())), message);
        }
        assertTrue(shown.stream().anyMatch(x -> x.status() == Status.FAIL), "the fault must show as an error");
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("::notice title=crossfoot::" + RenderFixtures.FAULT_PATH + ": "), last);
        assertTrue(last.contains(filing.summary().failed() + " failed"), last);
    }

    @Test
    void theBundledFilingGivesOnlyWellFormedCommands() {
        List<String> lines = lines(RenderFixtures.render(new GithubRenderer(), RenderFixtures.sensetime()));
        allWellFormed(lines);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("::error")), "the bundled filing has no failure");
    }

    @Test
    void escapingFollowsTheRunnersRules() {
        String hostile = "100% sure: a,b\r\nnext line";
        assertEquals("100%25 sure: a,b%0D%0Anext line", GithubRenderer.data(hostile));
        assertEquals("100%25 sure%3A a%2Cb%0D%0Anext line", GithubRenderer.property(hostile));
        assertEquals("%2525", GithubRenderer.data("%25"), "a literal %25 is escaped, not passed through");
        assertEquals(hostile, unescape(GithubRenderer.property(hostile)));
    }

    @Test
    void hostileTextStaysOnOneLineAndStatusesMapAsDocumented() {
        Report report = RenderFixtures.handmade();
        List<String> lines = lines(RenderFixtures.render(new GithubRenderer(), report));
        allWellFormed(lines);
        assertEquals(7, lines.size(), "fail, warn, two errors, the unusable filing, a notice per readable filing, a total");
        assertTrue(lines.get(0).startsWith("::error file=fixtures/odd & \"quoted\" <dir>/t1.csv,line=5,title=T1-SUM@2023::"));
        assertTrue(lines.get(0).contains("100%25 off: \"a,b\" <x> & y%0Asecond line"), lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=fixtures/odd & \"quoted\" <dir>/t1.csv,line=4,"
                + "title=T1-PCT@2023 %25#Costs%2C net%3A other::"), lines.get(1));
        assertTrue(lines.get(2).startsWith("::error ") && lines.get(2).contains("::Could not be evaluated: "), lines.get(2));
        assertTrue(lines.get(3).startsWith("::warning ") && lines.get(3).contains("::Could not be evaluated: "),
                "a warning rule that could not be evaluated is a warning: " + lines.get(3));
        assertEquals("::error file=fixtures/broken%2Cdir%3A x,title=crossfoot input::fixtures/broken,dir: x could not be checked: "
                + "fixtures/broken,dir: x/filing.yaml:3:5: unknown key 'tabels' <&>; did you mean 'tables'? 100%25 sure", lines.get(4));
        assertTrue(lines.get(6).startsWith("::notice title=crossfoot::Total: 2 filings, 5 checks"), lines.get(6));
        assertTrue(lines.get(6).endsWith("1 filing could not be read"), lines.get(6));
    }
}
