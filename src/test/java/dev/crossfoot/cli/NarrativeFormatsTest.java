package dev.crossfoot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report format shows a narrative check with its sentence and where it is printed. */
class NarrativeFormatsTest {

    @TempDir
    static Path tmp;
    static Path filing;

    @BeforeAll
    static void extract() {
        filing = tmp.resolve("filing");
        assertEquals(0, Run.of("extract", ExtractAnnouncementTest.SEED.toString(), "-o", filing.toString(), "-q").exitCode());
    }

    private static String report(String format) {
        Run r = Run.of("check", filing.toString(), "--format", format, "--no-standard");
        assertEquals(0, r.exitCode(), r.toString());
        return r.out();
    }

    @Test
    void json_givesEachNarrativeCheckItsSentenceLineAndWords_andListsTheUnattached() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(report("json"));
        JsonNode f = doc.get("filings").get(0);
        JsonNode warn = null;
        for (JsonNode c : f.get("checks")) {
            if (c.get("id").asText().equals("NARR-SHARE@98#53.9%")) {
                warn = c;
            }
        }
        assertTrue(warn != null, "the check of line 98");
        assertEquals("narrative", warn.get("kind").asText());
        assertEquals("warn", warn.get("status").asText());
        assertEquals(98, warn.get("narrative").get("line").asInt());
        assertTrue(warn.get("narrative").get("sentence").asText().contains("decreased from 81.9% in 2022 to 53.9% in 2023"));
        assertTrue(warn.get("narrative").get("matchedOn").asText().startsWith("'traditional AI business' and 2023"));
        assertEquals(52, f.get("narrative").get("tied").asInt());
        assertTrue(f.get("narrative").get("unattached").size() > 100);
    }

    @Test
    void sarifJunitAndGithub_showTheSentenceAndItsLine() {
        String sarif = report("sarif");
        assertTrue(sarif.contains("\"sentence\" : \"Given the rapid growth") || sarif.contains("\"sentence\":\"Given the rapid growth"), sarif);
        assertTrue(sarif.contains("sensetime-2023-announcement.txt"));
        String junit = report("junit");
        assertTrue(junit.contains("In \"… strategic pivot from our Smart City business, the share of traditional AI business"), junit);
        assertTrue(junit.contains("[sensetime-2023-announcement.txt:98]"));
        assertTrue(junit.contains("PASS: sensetime-2023-announcement.txt:191, matched on 'revenue' and 2023"), "a pass shows its sentence too");
        String github = report("github");
        assertTrue(github.contains("::warning file=sensetime-2023-announcement.txt,line=98,"), github);
        assertTrue(github.contains("[sensetime-2023-announcement.txt:98]."), github);
    }

    @Test
    void html_showsTheNarrativeWithItsFiguresTicked() throws IOException {
        Path out = tmp.resolve("paper.html");
        Run r = Run.of("check", filing.toString(), "--format", "html", "-o", out.toString(), "--no-standard");
        assertEquals(0, r.exitCode(), r.toString());
        String html = Files.readString(out);
        assertTrue(html.contains("<h3>Narrative</h3>"));
        assertTrue(html.contains("<a href=\"#i-NARR-SHARE@98~23~53.9~25~\">53.9% ✗</a></mark> in 2023."), "the misprint crossed, linked");
        assertTrue(html.contains("data-check=\"NARR-SHARE@98#81.9%\">81.9% ✓</mark> in 2022"), "the figure that agrees ticked");
        assertTrue(html.contains("unattached figures</summary>"));
    }
}
