package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crossfoot.model.Row;
import dev.crossfoot.model.Table;
import dev.crossfoot.result.CellUse;
import dev.crossfoot.result.FilingReport;
import dev.crossfoot.result.Finding;
import dev.crossfoot.result.Report;
import dev.crossfoot.result.Status;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML working paper as a real browser builds it: headless Chromium loads the page of a faulty filing
 * from a file and dumps its DOM, in which the failing figure must be highlighted with its difference.
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
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("no chromium on the PATH; CI must install it (see .ci/run)");
            }
            Assumptions.abort("no chromium on the PATH; install Debian's chromium to run this test");
        }
        Report report = RenderFixtures.sensetimeFault(temp);
        FilingReport f = RenderFixtures.only(report);
        Path page = temp.resolve("working-paper.html");
        Files.writeString(page, RenderFixtures.render(new HtmlRenderer(), report), StandardCharsets.UTF_8);

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

    /** Runs headless Chromium on a local file, with a fresh profile and nothing that phones home. */
    private String dumpDom(Path chromium, Path page) throws IOException, InterruptedException {
        Path profile = Files.createDirectory(temp.resolve("profile"));
        Path stdout = temp.resolve("dom.html");
        Path stderr = temp.resolve("chromium.log");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
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
        if (p.exitValue() != 0 || dom.isBlank()) {
            fail("chromium exited " + p.exitValue() + " with " + dom.length() + " characters of DOM; its log: " + tail(stderr));
        }
        return dom;
    }

    private static String tail(Path log) throws IOException {
        String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return s.length() > 2000 ? "…" + s.substring(s.length() - 2000) : s;
    }
}
