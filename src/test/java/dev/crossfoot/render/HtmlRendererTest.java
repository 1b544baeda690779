package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.Diagnosis;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML working paper, parsed with jsoup. */
class HtmlRendererTest {

    @TempDir
    Path temp;

    /** The id of the cell a CellUse names, as the renderer builds it (first filing). */
    static String cellId(FilingReport f, CellUse c) {
        Table t = RenderFixtures.table(f, c.table());
        Row r = RenderFixtures.row(t, c.row()).orElseThrow(() -> new AssertionError("no row " + c.row() + " in " + c.table()));
        return "t-" + Html.token(c.table()) + "-r" + r.index() + "-" + Html.token(c.column());
    }

    /** Asserts the page needs nothing from outside itself and runs nothing. */
    static void selfContained(Document doc, String html) {
        assertTrue(doc.select("script").isEmpty(), "a <script> element");
        assertTrue(doc.select("link, img, iframe, object, embed, video, audio, source, base, form").isEmpty(),
                "an element that loads or sends something");
        assertTrue(doc.select("[src]").isEmpty(), "an src attribute");
        for (Element a : doc.select("[href]")) {
            assertTrue(a.attr("href").startsWith("#"), "a link out of the page: " + a.attr("href"));
        }
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(attr -> assertFalse(attr.getKey().toLowerCase().startsWith("on"),
                    "an event handler attribute: " + attr));
        }
        String css = doc.select("style").html();
        assertFalse(css.contains("url(") || css.contains("@import") || css.contains("@font-face"), "CSS that loads something");
        assertFalse(html.contains("http://") || html.contains("https://"), "an absolute URL in the page");
    }

    @Test
    void aFaultyFilingIsHighlightedWhereItFails() {
        Report report = RenderFixtures.sensetimeFault(temp);
        FilingReport f = RenderFixtures.only(report);
        String html = RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report);
        Document doc = Jsoup.parse(html);
        selfContained(doc, html);

        // the summary counts are the report's
        assertEquals(String.valueOf(f.summary().total()), doc.selectFirst("td[data-status=all]").text());
        assertEquals(String.valueOf(f.summary().failed()), doc.selectFirst("td[data-status=fail]").text());
        assertEquals(String.valueOf(f.summary().warned()), doc.selectFirst("td[data-status=warn]").text());

        // every check that did not pass is listed, and only those
        List<Finding> shown = f.findings().stream().filter(x -> x.status() != Status.PASS).toList();
        assertEquals(shown.size(), doc.select("table.cf-issues tbody tr").size());
        for (Finding x : shown) {
            Element row = doc.getElementById("i-" + Html.token(x.id()));
            assertNotNull(row, x.id());
            assertEquals(x.id(), row.attr("data-check"));
            assertTrue(row.text().contains(x.reported()), row.text());
            assertTrue(row.text().contains(Describe.num(x.difference())), row.text());
        }

        // every figure of a failing check is marked and shows that check's difference
        List<Finding> failing = f.findings().stream().filter(x -> x.status() == Status.FAIL).toList();
        assertFalse(failing.isEmpty());
        for (Finding x : failing) {
            for (CellUse c : x.cells()) {
                Element td = doc.getElementById(cellId(f, c));
                assertNotNull(td, "no cell for " + c);
                assertTrue(td.hasClass("cf-fail"), td.outerHtml());
                Element diff = td.selectFirst("span.cf-diff[data-check=\"" + Html.token(x.id()) + "\"]");
                assertNotNull(diff, "no difference shown in " + td.outerHtml());
                assertTrue(diff.text().contains("Δ " + Describe.num(x.difference()) + " " + x.unit()), diff.text());
                assertTrue(td.ownText().contains(c.printed()), "the figure as printed: " + td.ownText());
            }
        }
        // the changed figure itself
        Table cashFlow = RenderFixtures.table(f, "cash-flows");
        Row taxPaid = RenderFixtures.row(cashFlow, RenderFixtures.FAULT_ROW).orElseThrow();
        Element fault = doc.getElementById("t-cash-flows-r" + taxPaid.index() + "-2023");
        assertTrue(fault.hasClass("cf-fail"));
        assertTrue(fault.ownText().startsWith(RenderFixtures.FAULT_FIGURE), fault.ownText());

        // a figure of a warning only is amber, not red
        for (Finding x : f.findings()) {
            if (x.status() != Status.WARN) {
                continue;
            }
            Element td = doc.getElementById(cellId(f, x.cells().get(0)));
            boolean alsoFails = Arrays.asList(td.attr("data-checks").split(" ")).stream()
                    .anyMatch(token -> doc.getElementById("c-" + token).hasClass("cf-fail"));
            assertEquals(!alsoFails, td.hasClass("cf-warn"), td.outerHtml());
            assertEquals(alsoFails, td.hasClass("cf-fail"), td.outerHtml());
        }
    }

    @Test
    void everyFigureACheckUsedCarriesATickNamingItsChecks() {
        Report report = RenderFixtures.sensetime();
        FilingReport f = RenderFixtures.only(report);
        Document doc = Jsoup.parse(RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report));

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (Finding x : f.findings()) {
            for (CellUse c : x.cells()) {
                expected.computeIfAbsent(cellId(f, c), k -> new LinkedHashSet<>()).add(x.id());
            }
        }
        // jsoup's getElementById walks the whole page; looked up once here, the test is not quadratic
        Map<String, Element> byId = new java.util.HashMap<>();
        doc.select("[id]").forEach(el -> byId.putIfAbsent(el.id(), el));
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            Element td = byId.get(e.getKey());
            assertNotNull(td, e.getKey());
            assertTrue(td.hasClass("cf-checked"), td.outerHtml());
            Set<String> tokens = new HashSet<>(Arrays.asList(td.attr("data-checks").split(" ")));
            Set<String> ids = new LinkedHashSet<>();
            for (String token : tokens) {
                Element check = byId.get("c-" + token);
                assertNotNull(check, "data-checks names a check the list does not hold: " + token);
                ids.add(check.attr("data-check"));
            }
            assertEquals(e.getValue(), ids, e.getKey());
            Element tick = td.selectFirst("sup.cf-tick");
            assertNotNull(tick, td.outerHtml());
            assertEquals("✓", tick.text());
            for (String id : e.getValue()) {
                assertTrue(tick.attr("title").contains(id), tick.attr("title"));
            }
        }
        // and no figure that no check used has one
        assertEquals(expected.size(), doc.select("td.cf-checked").size());
        assertEquals(expected.size(), doc.select("sup.cf-tick").size() - doc.select("header sup.cf-tick").size());
        assertTrue(doc.select("td.cf-fail").isEmpty(), "the bundled filing fails nowhere");
        // every table and every figure of it is there, as printed
        for (Table t : f.tables()) {
            assertNotNull(byId.get("t-" + Html.token(t.id())), t.id());
            for (Row r : t.rows()) {
                for (String column : t.columns()) {
                    Element td = byId.get("t-" + Html.token(t.id()) + "-r" + r.index() + "-" + Html.token(column));
                    assertNotNull(td, t.id() + " " + r.displayName() + " " + column);
                    String printed = r.cells().containsKey(column) ? r.cells().get(column).printed() : "";
                    assertEquals(printed, td.ownText(), t.id() + " " + r.displayName() + " " + column);
                }
            }
        }
    }

    @Test
    void everythingFromTheInputIsEscaped() {
        Report report = RenderFixtures.handmade();
        String html = RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report);
        Document doc = Jsoup.parse(html);
        selfContained(doc, html);
        assertFalse(html.contains(RenderFixtures.SCRIPT_LABEL), "the label went into the page unescaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

        Element label = doc.selectFirst("#t-t1-r1 th.cf-label");
        assertEquals(RenderFixtures.SCRIPT_LABEL, label.text(), "the label reads as text");
        assertEquals("Revenue & <costs> \"by item\"", doc.selectFirst("#t-t1 h4").text());
        assertEquals("Smith & Sons <Holdings> \"Ltd\"", doc.selectFirst("section.cf-filing h2").text());
        Element pass = doc.getElementById("c-" + Html.token("T1-SHARE@2023 %#" + RenderFixtures.SCRIPT_LABEL));
        assertNotNull(pass);
        assertEquals("T1-SHARE@2023 %#" + RenderFixtures.SCRIPT_LABEL, pass.attr("data-check"), "attribute values round-trip");
        Element fail = doc.getElementById("i-T1-SUM@2023");
        assertTrue(fail.text().contains("100% off: \"a,b\" <x> & y second line: 'z'"), fail.text());
        assertEquals(2, fail.select("ul.cf-diagnoses li").size());
        assertTrue(doc.text().contains(RenderFixtures.HAND_PATH + "/t1.csv:5"));
        Element tick = doc.selectFirst("#t-t1-r1-2023 sup.cf-tick");
        assertTrue(tick.attr("title").contains("T1-SHARE@2023 %#" + RenderFixtures.SCRIPT_LABEL + " (pass)"), tick.attr("title"));

        // statuses: the unlabelled total fails, the warning rule's error is amber, the error rule's is red
        assertTrue(doc.getElementById("t-t1-r3-2023").hasClass("cf-fail"));
        assertTrue(doc.getElementById("t-t1-r4-2023").hasClass("cf-fail"), "an error rule that could not be evaluated");
        assertTrue(doc.getElementById("t-t1-r4-2023").text().contains("not evaluated · T1-MARK@2023"));
        assertTrue(doc.getElementById("t-t1-r4-2023~20~~25~").hasClass("cf-warn"), "a warning rule that could not be evaluated");
        assertEquals("(unlabelled)", doc.selectFirst("#t-t1-r3 th.cf-label").attr("title"));
        assertEquals("Notes & \"markers\"", doc.selectFirst("#t-t1 tr.cf-section").text());

        // the unusable filing says why, under its own prefix
        Element broken = doc.getElementById("f2-filing");
        assertNotNull(broken);
        assertEquals(RenderFixtures.BROKEN_PATH, broken.selectFirst("h2").text());
        assertTrue(broken.selectFirst(".cf-input-error").text().contains("unknown key 'tabels' <&>; did you mean 'tables'?"));
        assertTrue(doc.selectFirst(".cf-settings").text().contains("--exact"));
        assertTrue(doc.selectFirst(".cf-settings").text().contains("--tolerance 1"));
    }

    @Test
    void twoUnlabelledSubtotals_eachCellCarriesOnlyItsOwnChecks() throws IOException {
        // issue 15: findings were joined to cells by the row's displayed name, so both "(unlabelled)" rows claimed
        // every check of either, and a passing subtotal was marked as a warning
        Path dir = Files.createDirectory(temp.resolve("two-subtotals"));
        Files.writeString(dir.resolve("filing.yaml"), """
                issuer: Two Subtotals Ltd
                document: a balance sheet with two unlabelled subtotals
                periods: ["2023"]
                tables:
                  - id: bs
                    file: bs.csv
                    unit: RMB'000
                """);
        Files.writeString(dir.resolve("bs.csv"), """
                label,2023
                Cash,"1,200"
                Receivables,300
                ,"1,500"
                Plant,900
                Goodwill,100
                ,"1,010"
                Total assets,"2,510"
                """);
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - {id: CURRENT, title: current assets, kind: sum, table: bs, items: [Cash, Receivables], total: "(unlabelled) #1"}
                  - {id: NON-CURRENT, title: non-current assets, kind: sum, severity: warning, table: bs,
                     items: [Plant, Goodwill], total: "(unlabelled) #2"}
                  - {id: TOTAL, title: total assets, kind: sum, table: bs, items: ["(unlabelled) #1", "(unlabelled) #2"],
                     total: Total assets}
                """);
        Report report = new Checker(CheckOptions.DEFAULT).check(List.of(dir));
        assertEquals(List.of(Status.PASS, Status.WARN, Status.PASS),
                RenderFixtures.only(report).findings().stream().map(Finding::status).toList());
        Document doc = Jsoup.parse(RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report));
        Element first = doc.getElementById("t-bs-r2-2023");
        Element second = doc.getElementById("t-bs-r5-2023");
        assertEquals(Set.of("CURRENT@2023", "TOTAL@2023"), Set.of(first.attr("data-checks").split(" ")), first.outerHtml());
        assertEquals(Set.of("NON-CURRENT@2023", "TOTAL@2023"), Set.of(second.attr("data-checks").split(" ")), second.outerHtml());
        assertFalse(first.hasClass("cf-warn") || first.hasClass("cf-fail"), "the first subtotal passes: " + first.outerHtml());
        assertTrue(first.select("span.cf-diff").isEmpty(), first.outerHtml());
        assertTrue(second.hasClass("cf-warn"), second.outerHtml());
        assertNotNull(second.selectFirst("span.cf-diff[data-check=NON-CURRENT@2023]"), second.outerHtml());
        assertEquals("#t-bs-r5-2023", doc.getElementById("i-NON-CURRENT@2023").selectFirst("a").attr("href"),
                "the issue links to its own cell");
    }

    @Test
    void theFigureADiagnosisNamesIsMarkedApartFromTheOtherFiguresOfTheCheck() {
        Report report = RenderFixtures.caseFolder("cross-foot");
        FilingReport f = RenderFixtures.only(report);
        Finding failing = f.findings().stream().filter(x -> x.status() == Status.FAIL).findFirst().orElseThrow();
        Diagnosis.Suspect named = failing.diagnoses().get(0).suspects().get(0);
        Document doc = Jsoup.parse(RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report));
        for (CellUse c : failing.cells()) {
            Element td = doc.getElementById(cellId(f, c));
            assertTrue(td.hasClass("cf-fail"), td.outerHtml());
            assertEquals(c.key().equals(named.cell().key()), td.hasClass("cf-suspect"), td.outerHtml());
        }
        Element suspect = doc.getElementById(cellId(f, named.cell()));
        Element fix = suspect.selectFirst("span.cf-fix[data-check=\"" + Html.token(failing.id()) + "\"]");
        assertNotNull(fix, suspect.outerHtml());
        assertEquals("may be (1,107,925) (two digits transposed)", fix.text());
        assertEquals("digits-transposed", fix.attr("data-diagnosis"));
        assertEquals(1, doc.select("td.cf-suspect").size(), "no other figure is named");
    }

    @Test
    void theHeaderNamesTheToolTheDateAndTheFiling_andHasFieldsForPreparerAndReviewer() {
        Report report = RenderFixtures.caseFolder("ratio");
        Document doc = Jsoup.parse(RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report));
        Element paper = doc.selectFirst("header table.cf-paper");
        assertNotNull(paper, doc.select("header").outerHtml());
        assertEquals("crossfoot 0.0.0-test", paper.selectFirst("td[data-field=tool]").text());
        Element date = paper.selectFirst("td[data-field=date] time");
        assertEquals("2023-11-14T22:13:20Z", date.attr("datetime"), "SOURCE_DATE_EPOCH=1700000000");
        assertEquals("2023-11-14 22:13 UTC", date.text());
        assertEquals("src/test/resources/cases/ratio", paper.selectFirst("td[data-field=filing]").text());
        for (String field : List.of("prepared-by", "prepared-on", "reviewed-by", "reviewed-on")) {
            Element sign = paper.selectFirst("td.cf-sign[data-field=" + field + "]");
            assertNotNull(sign, field);
            assertEquals("", sign.text(), "left for the " + field.substring(0, field.indexOf('-')) + " to fill in");
        }
    }

    @Test
    void theRunDateComesFromSourceDateEpochWhenItIsAWholeNumber_elseFromTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
        assertEquals(Instant.ofEpochSecond(1700000000),
                HtmlRenderer.Paper.of("1", Map.of("SOURCE_DATE_EPOCH", "1700000000"), clock).date());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), HtmlRenderer.Paper.of("1", Map.of(), clock).date());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"),
                HtmlRenderer.Paper.of("1", Map.of("SOURCE_DATE_EPOCH", "yesterday"), clock).date());
        Report report = RenderFixtures.caseFolder("ratio");
        assertEquals(RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report),
                RenderFixtures.render(new HtmlRenderer(HtmlRenderer.Paper.of("0.0.0-test",
                        Map.of("SOURCE_DATE_EPOCH", "1700000000"), clock)), report), "byte for byte, whatever the clock says");
    }

    @Test
    void escapeHelper() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
        assertEquals("Smith &amp; Sons", Html.escape("Smith & Sons"));
        assertEquals("&quot;double&quot; &#39;single&#39;", Html.escape("\"double\" 'single'"));
        assertEquals("&amp;amp; stays visible", Html.escape("&amp; stays visible"), "escaping is not idempotent, and must not be");
        assertEquals("a\uFFFDb\uFFFDc", Html.escape("a\u0000b\u001Bc"));
        assertEquals("tab\tand&#10;line&#10;::error x", Html.escape("tab\tand\nline\n::error x"), "no line of the page starts with input text");
        assertEquals("", Html.escape(null));
        assertEquals("plain – text ✓", Html.escape("plain – text ✓"));
    }

    @Test
    void tokensAreOneToOneAndSafeInIdsAndLists() {
        assertEquals("REV-SEG-TOTAL@2023", Html.token("REV-SEG-TOTAL@2023"));
        assertEquals("2023~20~~25~", Html.token("2023 %"));
        assertEquals("a~7e~b", Html.token("a~b"));
        List<String> names = List.of("a b", "a_b", "a~20~b", "a\u00A0b", "a  b", "a\"b", "a<b>", "a%20b", "ab", "a.b", "a:b");
        Set<String> tokens = new HashSet<>();
        for (String n : names) {
            String t = Html.token(n);
            assertTrue(t.matches("[A-Za-z0-9_.:@~-]+"), t);
            assertTrue(tokens.add(t), "two names give the token " + t);
        }
        assertNotEquals(Html.token("x y"), Html.token("x_y"));
    }
}
