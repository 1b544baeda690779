package dev.crossfoot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crossfoot.render.RenderFixtures.Format;
import dev.crossfoot.result.Report;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every renderer, on every scenario: the output equals its golden file, byte for byte; rendering twice gives
 * the same bytes; lines end in LF only; and nothing of the temp directory leaks into it.
 *
 * <p>Golden files live in {@code src/test/resources/render/golden/SCENARIO.EXTENSION}. After a deliberate
 * change of a format (or of the fixture or its rules), rewrite them and review the diff:
 * <pre>mvn -q -B test -Dtest='dev.crossfoot.render.*Test' -Dcrossfoot.updateGolden=true &amp;&amp; git diff src/test/resources/render/golden</pre>
 */
class RendererContractTest {

    static final Path GOLDEN = Path.of("src/test/resources/render/golden");
    static final Path ACTUAL = Path.of("target/golden-actual");
    static final boolean UPDATE = Boolean.getBoolean("crossfoot.updateGolden");

    @TempDir
    static Path temp;

    private static final Map<String, Report> SCENARIOS = new LinkedHashMap<>();

    @BeforeAll
    static void scenarios() {
        SCENARIOS.put("case-ratio", RenderFixtures.caseFolder("ratio"));
        SCENARIOS.put("case-cross-foot", RenderFixtures.caseFolder("cross-foot"));
        SCENARIOS.put("handmade", RenderFixtures.handmade());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String scenario : List.of("case-ratio", "case-cross-foot", "handmade")) {
            for (Format format : RenderFixtures.formats()) {
                out.add(Arguments.of(scenario, format));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void matchesGoldenAndIsDeterministic(String scenario, Format format) throws IOException {
        Report report = SCENARIOS.get(scenario);
        String first = RenderFixtures.render(format.renderer().get(), report);
        String second = RenderFixtures.render(format.renderer().get(), report);
        assertEquals(first, second, "rendering the same report twice gives other bytes");
        assertFalse(first.isEmpty(), "empty output");
        assertFalse(first.contains("\r"), "a line ends in CR; reports use LF only");
        assertTrue(first.endsWith("\n"), "the output does not end with a line end");
        assertFalse(first.contains(temp.toString()), "the temp directory leaks into the output");
        assertGolden(scenario + "." + format.extension(), first);
    }

    /** Checking the same filing again gives the same report, so the same bytes: nothing depends on time or order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crossfoot.render.RenderFixtures#formats")
    void aSecondRunGivesTheSameBytes(Format format) {
        assertEquals(RenderFixtures.render(format.renderer().get(), RenderFixtures.sensetime()),
                RenderFixtures.render(format.renderer().get(), RenderFixtures.sensetime()));
    }

    /** A run with no filing at all still gives a well-formed document (or nothing, for the text report). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crossfoot.render.RenderFixtures#formats")
    void anEmptyReportRenders(Format format) {
        String out = RenderFixtures.render(format.renderer().get(), new Report(List.of(), false, BigDecimal.ZERO));
        assertFalse(out.contains("\r"));
        if (!format.name().equals("text") && !format.name().equals("github")) {
            assertTrue(out.endsWith("\n") && out.length() > 10, format + ": " + out);
        }
    }

    @Test
    void everyGoldenFileBelongsToACase() throws IOException {
        List<String> expected = new ArrayList<>();
        cases().forEach(a -> expected.add(a.get()[0] + "." + ((Format) a.get()[1]).extension()));
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<String> stale = files.map(p -> p.getFileName().toString()).filter(n -> !expected.contains(n)).sorted().toList();
            assertEquals(List.of(), stale, "golden files no case compares against; delete them");
        }
    }

    /**
     * Compares with the golden file. On a difference it names the first differing line with some context,
     * writes the whole output to target/golden-actual/ and says how to diff or accept it.
     */
    static void assertGolden(String name, String actual) throws IOException {
        assertGolden(GOLDEN, name, actual);
    }

    /** As {@link #assertGolden(String, String)}, for a golden file in {@code dir}. */
    static void assertGolden(Path dir, String name, String actual) throws IOException {
        Path golden = dir.resolve(name);
        if (UPDATE) {
            Files.createDirectories(dir);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("no golden file " + golden + "; write it with -Dcrossfoot.updateGolden=true and review it");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (expected.equals(actual)) {
            return;
        }
        Files.createDirectories(ACTUAL);
        Path written = ACTUAL.resolve(name);
        Files.writeString(written, actual, StandardCharsets.UTF_8);
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(" differs from its golden file at line ").append(i + 1)
                .append(" (golden has ").append(e.length).append(" lines, output ").append(a.length).append("):\n");
        for (int k = Math.max(0, i - 3); k < i; k++) {
            sb.append("    ").append(clip(e[k])).append('\n');
        }
        for (int k = i; k < Math.min(e.length, i + 4); k++) {
            sb.append("  - ").append(clip(e[k])).append('\n');
        }
        for (int k = i; k < Math.min(a.length, i + 4); k++) {
            sb.append("  + ").append(clip(a[k])).append('\n');
        }
        sb.append("The whole output is in ").append(written).append("; compare: diff -u ").append(golden).append(' ')
                .append(written).append("\nIf the change is intended, rewrite the golden files with -Dcrossfoot.updateGolden=true and review git diff.");
        fail(sb.toString());
    }

    private static String clip(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
