package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crossfoot.check.CheckOptions;
import dev.crossfoot.check.Checker;
import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Status;
import dev.crossfoot.testing.FilingCopy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML working paper as a real browser builds it: headless Chromium loads the page from a file and dumps its
 * DOM, in which the failing figure must be highlighted with its difference and the figure a diagnosis names
 * singled out; it screenshots the bundled filing's page at 1400 px, where no table may need a sideways scroll,
 * and the header must carry the tool, the date, the filing and the fields to sign.
 *
 * <p>Needs a {@code chromium} on the PATH (Debian's package; .ci/run installs it). Without one the test is
 * skipped on a developer's machine, and fails in CI (CI=true), where it must run.
 */
class HtmlChromiumTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    static Optional<Path> chromium() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "chromium"));
                }
            }
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    @Test
    void headlessChromiumShowsTheFailingFigureHighlighted() throws Exception {
        Optional<Path> chromium = Optional.of(chromiumOrSkip());
        Report report = RenderFixtures.sensetimeFault(temp);
        FilingReport f = RenderFixtures.only(report);
        Path page = temp.resolve("working-paper.html");
        Files.writeString(page, RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report), StandardCharsets.UTF_8);

        Document dom = Jsoup.parse(dumpDom(chromium.get(), page));
        assertNotNull(dom.selectFirst("section.cf-filing"), "the page did not load: " + dom.text());
        assertTrue(dom.select("script").isEmpty());

        Table cashFlow = RenderFixtures.table(f, "cash-flows");
        Row taxPaid = RenderFixtures.row(cashFlow, RenderFixtures.FAULT_ROW).orElseThrow();
        Element fault = dom.getElementById("t-cash-flows-r" + taxPaid.index() + "-2023");
        assertNotNull(fault, "the faulty figure is not in the browser's DOM");
        assertTrue(fault.hasClass("cf-fail"), fault.outerHtml());
        assertTrue(fault.ownText().startsWith(RenderFixtures.FAULT_FIGURE), fault.outerHtml());

        Finding failing = f.findings().stream().filter(x -> x.status() == Status.FAIL).findFirst().orElseThrow();
        boolean used = failing.cells().stream().anyMatch(c -> c.table().equals("cash-flows") && c.row().equals(RenderFixtures.FAULT_ROW));
        assertTrue(used, "the failing check uses the changed figure");
        Element diff = fault.selectFirst("span.cf-diff[data-check=\"" + Html.token(failing.id()) + "\"]");
        assertNotNull(diff, fault.outerHtml());
        assertEquals("Δ " + Describe.num(failing.difference()) + " " + failing.unit() + " · " + failing.id(), diff.text());
        for (CellUse c : failing.cells()) {
            Row r = RenderFixtures.row(RenderFixtures.table(f, c.table()), c.row()).orElseThrow();
            Element td = dom.getElementById("t-" + Html.token(c.table()) + "-r" + r.index() + "-" + Html.token(c.column()));
            assertTrue(td.hasClass("cf-fail"), td.outerHtml());
        }
    }

    /**
     * A script the test adds to its own copy of a page (the report itself holds none): once laid out, it writes
     * into the DOM, for --dump-dom, every scrolling box whose content is wider than the box, and the page's width.
     */
    private static final String MEASURE = """
            <script>
            window.addEventListener('load', function () {
              var out = [];
              document.querySelectorAll('.cf-scroll').forEach(function (d) {
                if (d.scrollWidth > d.clientWidth) {
                  var t = d.closest('section.cf-table');
                  out.push((t ? t.id : 'a list of checks') + ': ' + d.scrollWidth + ' px in ' + d.clientWidth);
                }
              });
              var p = document.createElement('pre');
              p.id = 'measured';
              p.setAttribute('data-page-width', document.documentElement.scrollWidth);
              p.setAttribute('data-window-width', window.innerWidth);
              p.textContent = out.join('\\n');
              document.body.appendChild(p);
            });
            </script>
            """;

    @Test
    void atADesktopWidthTheBundledFilingsTablesFitWithoutSideways_andTheHeaderIsAWorkingPapers() throws Exception {
        Path chromium = chromiumOrSkip();
        Report report = RenderFixtures.sensetime();
        String html = RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report);
        Path page = temp.resolve("working-paper.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);

        // a screenshot at 1400 px, as an auditor's screen shows it
        Path shot = temp.resolve("working-paper.png");
        run(chromium, "shot", "--window-size=1400,2400", "--hide-scrollbars", "--screenshot=" + shot, page.toUri().toString());
        byte[] png = Files.readAllBytes(shot);
        assertTrue(png.length > 10_000, "a screenshot of " + png.length + " bytes");
        assertEquals(0x89504E47, java.nio.ByteBuffer.wrap(png, 0, 4).getInt(), "a PNG");
        assertEquals(1400, java.nio.ByteBuffer.wrap(png, 16, 4).getInt(), "the screenshot's width");

        // at that width no table needs a sideways scroll (the differences noted in cells wrap, headings too)
        Path measured = temp.resolve("measured.html");
        Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);
        Document dom = Jsoup.parse(run(chromium, "measure", "--window-size=1400,1000", "--virtual-time-budget=5000",
                "--dump-dom", measured.toUri().toString()));
        Element m = dom.getElementById("measured");
        assertNotNull(m, "the measuring script did not run");
        assertEquals("", m.text(), "tables wider than their box at 1400 px");
        assertTrue(Integer.parseInt(m.attr("data-page-width")) <= 1400, "the page scrolls sideways: " + m.attributes());
        assertEquals(RenderFixtures.only(report).tables().size(), dom.select("section.cf-table").size());

        // the header, as the browser built it
        Element paper = dom.selectFirst("header table.cf-paper");
        assertNotNull(paper);
        assertEquals("crossfoot 0.0.0-test", paper.selectFirst("[data-field=tool]").text());
        assertEquals("2023-11-14 22:13 UTC", paper.selectFirst("[data-field=date]").text());
        assertEquals(FilingCopy.SENSETIME.toString(), paper.selectFirst("[data-field=filing]").text());
        assertEquals(4, paper.select("td.cf-sign").size(), "prepared by, reviewed by, and their dates");
    }

    @Test
    void theFigureADiagnosisNamesIsSingledOutInTheBrowser() throws Exception {
        Path chromium = chromiumOrSkip();
        FilingCopy copy = FilingCopy.of(FilingCopy.SENSETIME, temp);
        copy.set("cash-flows.csv", "Cash flows from financing activities > Proceeds from borrowings", "2023", "1,646,477");
        Report report = new Checker(CheckOptions.DEFAULT).check(List.of(copy.dir()));
        FilingReport f = RenderFixtures.only(report);
        Finding failing = f.findings().stream().filter(x -> x.id().equals("CF-FIN-NET@2023")).findFirst().orElseThrow();
        assertEquals(Status.FAIL, failing.status());
        Path page = temp.resolve("transposed.html");
        Files.writeString(page, RenderFixtures.render(new HtmlRenderer(RenderFixtures.PAPER), report), StandardCharsets.UTF_8);
        Document dom = Jsoup.parse(dumpDom(chromium, page));
        // the diagnosis names two figures that, with two digits swapped, make the check pass: the borrowings, and
        // the reported net cash flow; the check's other figures are red, not singled out
        Map<String, String> named = Map.of(
                "Cash flows from financing activities > Proceeds from borrowings", "may be 1,644,677 (two digits transposed)",
                "Cash flows from financing activities > Net cash generated from financing activities",
                "may be 1,085,383 (two digits transposed)");
        int others = 0;
        for (CellUse c : failing.cells()) {
            Element td = dom.getElementById("t-" + Html.token(c.table()) + "-r" + c.key().row() + "-" + Html.token(c.column()));
            assertTrue(td.hasClass("cf-fail"), td.outerHtml());
            assertEquals(named.containsKey(c.row()), td.hasClass("cf-suspect"), td.outerHtml());
            if (named.containsKey(c.row())) {
                assertEquals(named.get(c.row()), td.selectFirst("span.cf-fix[data-check=" + Html.token(failing.id()) + "]").text());
            } else {
                others++;
                assertTrue(td.select("span.cf-fix").isEmpty(), td.outerHtml());
            }
        }
        assertTrue(others >= 5, "the check's other figures: " + others);
        assertEquals(named.size(), dom.select("td.cf-suspect").size(), "no figure the diagnosis does not name");
    }

    private Path chromiumOrSkip() {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("no chromium on the PATH; CI must install it (see .ci/run)");
            }
            Assumptions.abort("no chromium on the PATH; install Debian's chromium to run this test");
        }
        return chromium.get();
    }

    /** Runs headless Chromium on a local file, with a fresh profile and nothing that phones home. */
    private String dumpDom(Path chromium, Path page) throws IOException, InterruptedException {
        return run(chromium, "dom", "--dump-dom", page.toUri().toString());
    }

    /** Runs headless Chromium with these arguments and a fresh profile named {@code name}; returns its standard output. */
    private String run(Path chromium, String name, String... args) throws IOException, InterruptedException {
        Path profile = Files.createDirectory(temp.resolve("profile-" + name));
        Path stdout = temp.resolve(name + ".out");
        Path stderr = temp.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("chromium took more than " + TIMEOUT_SECONDS + " s; its log: " + tail(stderr));
        }
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        boolean wantsDom = List.of(args).contains("--dump-dom");
        if (p.exitValue() != 0 || wantsDom && dom.isBlank()) {
            fail("chromium exited " + p.exitValue() + " with " + dom.length() + " characters of DOM; its log: " + tail(stderr));
        }
        return dom;
    }

    private static String tail(Path log) throws IOException {
        String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return s.length() > 2000 ? "…" + s.substring(s.length() - 2000) : s;
    }
}
