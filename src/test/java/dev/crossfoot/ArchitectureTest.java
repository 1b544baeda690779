package dev.crossfoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the shape of the code: packages in layers, each importing only those before it
 * (model, result, rules, parse, check, render, cli), and each library used in one place.
 */
class ArchitectureTest {

    static final List<String> LAYERS = List.of("model", "result", "rules", "parse", "extract", "check", "infer", "render", "cli");
    static final Path MAIN = Path.of("src/main/java/dev/crossfoot");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    record Source(String layer, Path file, String text) {
    }

    static List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        for (String layer : LAYERS) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(layer))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    out.add(new Source(layer, f, Files.readString(f)));
                }
            }
        }
        return out;
    }

    @Test
    void everyPackageIsALayer() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            List<String> found = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(LAYERS.stream().sorted().toList(), found);
        }
    }

    @Test
    void layersImportOnlyEarlierLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            int own = LAYERS.indexOf(s.layer());
            Matcher m = IMPORT.matcher(s.text());
            while (m.find()) {
                String imported = m.group(1);
                if (imported.startsWith("dev.crossfoot.")) {
                    String layer = imported.split("\\.")[2];
                    if (LAYERS.indexOf(layer) > own) {
                        violations.add(s.file() + " imports " + imported);
                    }
                }
            }
            for (String other : LAYERS.subList(own + 1, LAYERS.size())) {
                if (s.text().contains("dev.crossfoot." + other + ".")) {
                    violations.add(s.file() + " names dev.crossfoot." + other);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void librariesAreEachUsedInOnePlace() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            String t = s.text();
            if (t.contains("org.apache.commons.csv") && !s.layer().equals("parse") && !s.file().endsWith("extract/FilingWriter.java")) {
                violations.add(s.file() + " uses Commons CSV outside parse (and FilingWriter, which writes CSV)");
            }
            if ((t.contains("jackson.dataformat.yaml") || t.contains("org.yaml.snakeyaml") || t.contains("jackson.databind"))
                    && !s.layer().equals("parse")) {
                violations.add(s.file() + " uses Jackson databind/YAML outside parse");
            }
            if (t.contains("com.fasterxml.jackson") && !(s.layer().equals("parse") || s.layer().equals("render"))) {
                violations.add(s.file() + " uses Jackson outside parse and render");
            }
            if (t.contains("org.apache.pdfbox") && !s.file().endsWith("parse/PdfText.java")) {
                violations.add(s.file() + " uses PDFBox outside parse/PdfText (which reads a PDF's glyphs)");
            }
            if ((t.contains("picocli") || t.contains("System.out") || t.contains("System.exit") || t.contains("System.err"))
                    && !s.layer().equals("cli")) {
                violations.add(s.file() + " uses picocli, System.out/err or System.exit outside cli");
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void figuresAreNeverFloatingPoint() throws IOException {
        Pattern fp = Pattern.compile("\\b(double|Double|float|Float)\\b");
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            if (fp.matcher(s.text()).find()) {
                violations.add(s.file().toString());
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(sources().size() > 20);
    }

    /**
     * What differs by kind of rule is written on the rule records or in a Rule.Visitor (one method per kind,
     * which the compiler requires of each implementation), never in a chain of instanceof tests that a new
     * kind would silently fall through.
     */
    @Test
    void noCodeDispatchesOnARulesClass() throws IOException {
        Pattern kinds = Pattern.compile("instanceof\\s+(?:Rule\\s*\\.\\s*)?(Sum|Formula|RollForward|CrossFoot|Tie|Ratio|Text)\\b"
                + "|(?<![\\w.])(?:Rule\\.)?(Sum|Formula|RollForward|CrossFoot|Tie|Ratio)\\.class\\b");
        assertTrue(kinds.matcher("if (rule instanceof Rule.Sum s) {").find(), "the pattern finds a dispatch");
        assertTrue(kinds.matcher("} else if (r instanceof CrossFoot c) {").find(), "the pattern finds a dispatch");
        assertTrue(!kinds.matcher("if (plan instanceof Plan.Ratio r) {").find(), "a plan is not a rule");
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            Matcher m = kinds.matcher(s.text());
            while (m.find()) {
                violations.add(s.file() + ": " + m.group());
            }
        }
        assertEquals(List.of(), violations);
    }

    /** Longest a main class may be, in lines. */
    static final int MAX_LINES = 500;

    @Test
    void everyMainClassIsUnder500Lines() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            long lines = s.text().lines().count();
            String name = MAIN.relativize(s.file()).toString().replace('\\', '/');
            if (lines >= MAX_LINES) {
                violations.add(name + ": " + lines + " lines");
            }
        }
        assertEquals(List.of(), violations);
    }
}
