package dev.crossfoot.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link YamlSubset}, the fast reader in front of Jackson, either declines a document or reads exactly the tree
 * Jackson reads: the same mappings (keys in order, each key's location), sequences, scalar texts, kinds and
 * locations. Checked on every YAML file of the repository, on small cases, and on many random edits of the
 * fixture's rules.
 */
class YamlFastPathTest {

    private static final String FILE = "t.yaml";

    /** The tree as text: structure, key order, texts, kinds and every location. */
    static String describe(YamlNode node) {
        StringBuilder sb = new StringBuilder();
        describe(node, "", sb);
        return sb.toString();
    }

    private static void describe(YamlNode node, String indent, StringBuilder sb) {
        if (node == null) {
            sb.append(indent).append("(empty document)\n");
            return;
        }
        sb.append(indent).append(where(node.location()));
        if (node instanceof YamlNode.Mapping m) {
            sb.append(" mapping\n");
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                sb.append(indent).append("  key ").append(where(m.keyLocations().get(e.getKey()))).append(' ')
                        .append(quote(e.getKey())).append('\n');
                describe(e.getValue(), indent + "    ", sb);
            }
        } else if (node instanceof YamlNode.Sequence q) {
            sb.append(" sequence\n");
            for (YamlNode item : q.items()) {
                describe(item, indent + "  ", sb);
            }
        } else {
            YamlNode.Scalar s = (YamlNode.Scalar) node;
            sb.append(' ').append(s.kind()).append(' ').append(quote(s.text())).append('\n');
        }
    }

    private static String where(SourceLocation at) {
        return at.file() + ":" + at.line() + ":" + at.column();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7E) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Jackson's reading of the text: its tree, or "error: " and its message.
     */
    private static String jackson(String text) {
        try {
            return describe(Yaml.jackson(text, FILE));
        } catch (InputException e) {
            return "error: " + e.getMessage();
        }
    }

    /**
     * Fails if the fast reader reads the text other than Jackson does; true if it read it (did not decline).
     */
    private static boolean agrees(String text, String what) {
        YamlNode fast = YamlSubset.read(text, FILE);
        if (fast == null) {
            return false;
        }
        String expected = jackson(text);
        String actual = describe(fast);
        if (!expected.equals(actual)) {
            fail(what + ": the fast reader's tree differs from Jackson's for:\n" + text + "\n--- Jackson:\n" + expected
                    + "\n--- fast:\n" + actual);
        }
        return true;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    // ---- every YAML file of the repository

    private static List<Path> yamlFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("."))) {
            walk.filter(p -> {
                String s = p.toString().replace('\\', '/');
                return !s.contains("/target/") && !s.contains("/.git/") && !s.startsWith("./target")
                        && (s.endsWith(".yaml") || s.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void everyYamlFileOfTheRepository_fastReaderDeclinesOrReadsJacksonsTree() throws IOException {
        List<Path> files = yamlFiles();
        assertTrue(files.size() > 50, "found only " + files.size() + " YAML files: is the test run from the project root?");
        int read = 0;
        for (Path p : files) {
            String text;
            try {
                text = Utf8.decode(Files.readAllBytes(p), p.toString());
            } catch (InputException notUtf8) {
                continue; // refused before either reader sees it
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (agrees(text, p.toString())) {
                read++;
            }
        }
        assertTrue(read > files.size() / 2, "the fast reader read only " + read + " of " + files.size() + " files");
    }

    @Test
    void fixtureRulesFilingAndStandardPack_readByTheFastReader() throws IOException {
        for (Path p : List.of(Path.of("fixtures/sensetime-2023/rules.yaml"), Path.of("fixtures/sensetime-2023/filing.yaml"),
                Path.of("src/main/resources/dev/crossfoot/standard.yaml"))) {
            assertTrue(agrees(read(p), p.toString()), p + " was declined: the fast path would gain nothing on it");
        }
    }

    // ---- behaviour on small cases

    private static YamlNode fast(String text) {
        YamlNode n = YamlSubset.read(text, FILE);
        assertNotNull(n, "declined:\n" + text);
        assertEquals(jackson(text), describe(n));
        return n;
    }

    private static void declined(String text) {
        assertNull(YamlSubset.read(text, FILE), "not declined:\n" + text);
    }

    private static YamlNode.Scalar value(YamlNode root, String key) {
        return (YamlNode.Scalar) ((YamlNode.Mapping) root).entries().get(key);
    }

    @Test
    void plainScalarWithBrackets_readAsText() {
        YamlNode.Scalar s = value(fast("figure: income-statement[Revenue]\n"), "figure");
        assertEquals("income-statement[Revenue]", s.text());
        assertEquals(YamlNode.Scalar.Kind.TEXT, s.kind());
    }

    @Test
    void plainScalarWithColonAndHashInside_readAsText() {
        assertEquals("a:b#c", value(fast("k: a:b#c\n"), "k").text());
    }

    @Test
    void trailingSpacesAndComment_trimmedFromPlainScalar() {
        assertEquals("x y", value(fast("k: x y    # note\nl: z  \n"), "k").text());
    }

    @Test
    void numbersBooleansAndQuotedNumbers_kindsAsJackson() {
        YamlNode root = fast("a: 123\nb: \"123\"\nc: 1.5\nd: -2\ne: true\nf: True\ng: FALSE\nh: '1'\ni: 2023 %\n");
        assertEquals(YamlNode.Scalar.Kind.NUMBER, value(root, "a").kind());
        assertEquals(YamlNode.Scalar.Kind.TEXT, value(root, "b").kind());
        assertEquals(YamlNode.Scalar.Kind.NUMBER, value(root, "c").kind());
        assertEquals(YamlNode.Scalar.Kind.NUMBER, value(root, "d").kind());
        assertEquals(YamlNode.Scalar.Kind.BOOLEAN, value(root, "e").kind());
        assertEquals(YamlNode.Scalar.Kind.BOOLEAN, value(root, "f").kind());
        assertEquals(YamlNode.Scalar.Kind.BOOLEAN, value(root, "g").kind());
        assertEquals(YamlNode.Scalar.Kind.TEXT, value(root, "h").kind());
        assertEquals(YamlNode.Scalar.Kind.TEXT, value(root, "i").kind());
    }

    @Test
    void emptyValue_isAnEmptyTextAtTheColonsEnd_asJacksonGivesIt() {
        YamlNode root = fast("a:\nb:   # nothing\nc: x\nd:\n");
        assertEquals(YamlNode.Scalar.Kind.TEXT, value(root, "a").kind());
        assertEquals("", value(root, "a").text());
        assertEquals(SourceLocation.of(FILE, 1, 3), value(root, "a").location());
        assertEquals(YamlNode.Scalar.Kind.TEXT, value(root, "d").kind());
    }

    @Test
    void foldedAndLiteralBlockScalars_readAsJackson() {
        YamlNode root = fast("a: >-\n  x = y\n  + z\n\n  w  \nb: >\n    p\n    q\n\nc: |-\n  l1\n    l2\n\n  l3\nd: |\n  m\n"
                + "e:\n  - id: E\n    check: >-\n      s[A] = s[B]\n      # not a comment\n    kind: tie\n");
        assertEquals("x = y + z\nw  ", value(root, "a").text());
        assertEquals("p q\n", value(root, "b").text());
        assertEquals("l1\n  l2\n\nl3", value(root, "c").text());
    }

    @Test
    void sequencesIndentedOrNotUnderTheirKey_andItemMappingsGoingOnBelow() {
        fast("a:\n  - x\n  - id: 1\n    t: y\n  -   id: 2\n      u: [p, q]\nb:\n- x\n- k: v\n  l: w\nc: z\n");
    }

    @Test
    void itemOnTheLineBelowItsDash_readAsJackson() {
        fast("- \n".strip() + "\n  a: 1\n  b: 2\n-\n- x\n");
    }

    @Test
    void flowCollectionsNested_readAsJackson() {
        fast("a: [a, [b, c], {d: e}, \"f g\", 'h''i']\nb: {\"2023 %\": \"2023\", c: d, e: [1, 2.5]}\nc: []\nd: {}\ne: [ a ,b ]  # c\n");
    }

    @Test
    void quotedScalarsWithEscapes_readAsJackson() {
        YamlNode root = fast("a: \"x\\\"y\\\\z\\u00e9\\x41\\n\\t\\0\\_\\N\"\nb: 'it''s'\n\"*\": \"\"\n");
        assertEquals("x\"y\\z\u00e9A\n\t\0\u00a0\u0085", value(root, "a").text());
        assertEquals("it's", value(root, "b").text());
    }

    @Test
    void commentsAndBlankLinesAnywhere_readAsJackson() {
        fast("# head\n\nrules:\n\n  # a family\n  - id: A   # the id\n        # deep comment\n    title: t\n\n# tail\n");
    }

    @Test
    void nonAsciiText_columnsAsJackson() {
        fast("title: Key highlights – financial summary\nnext: {é: [€, x]}\n");
    }

    @Test
    void anchor_fallsBackToFullParser_sameTree() {
        String text = "a: &x [1, 2]\nb: c\n";
        declined(text);
        assertEquals(jackson(text), describe(Yaml.parse(text.getBytes(StandardCharsets.UTF_8), FILE)));
    }

    @Test
    void alias_fallsBack_sameErrorAsBefore() {
        String text = "a: &x [1, 2]\nb: *x\n";
        declined(text);
        sameError(text);
    }

    @Test
    void duplicateKey_sameErrorAsBefore() {
        String text = "a: 1\nb: 2\na: 3\n";
        declined(text);
        InputException e = sameError(text);
        assertTrue(e.getMessage().contains("Duplicate field 'a'"), e.getMessage());
    }

    @Test
    void duplicateKeyInFlowMapping_fallsBack() {
        declined("a: {b: 1, b: 2}\n");
    }

    private static InputException sameError(String text) {
        InputException expected = assertThrows(InputException.class, () -> Yaml.jackson(text, FILE));
        InputException actual = assertThrows(InputException.class, () -> Yaml.parse(text.getBytes(StandardCharsets.UTF_8), FILE));
        assertEquals(expected.getMessage(), actual.getMessage());
        assertEquals(expected.location(), actual.location());
        return actual;
    }

    @Test
    void yesWord_fallsBack() {
        for (String w : List.of("yes", "No", "on", "OFF", "null", "Null", "~", "0x1F", "1e3", ".inf", "0o7", "1_000", "+1", ".5",
                "007", "1:30", "2023-12-31", "1.", "-.5", "<<", "=")) {
            declined("k: " + w + "\n");
            declined("k: [" + w + "]\n");
        }
    }

    @Test
    void textBeginningWithDigits_readAsText() {
        assertEquals(YamlNode.Scalar.Kind.TEXT, value(fast("k: 2023 annual report\n"), "k").kind());
    }

    @Test
    void multiLinePlainScalar_fallsBack_sameTree() {
        String text = "k: one\n  two\nl: x\n";
        declined(text);
        assertEquals(jackson(text), describe(Yaml.parse(text.getBytes(StandardCharsets.UTF_8), FILE)));
    }

    @Test
    void outsideTheSubset_fallsBack() {
        for (String text : List.of("a: |+\n  x\n", "a: >2\n  x\n", "a: > # c\n  x\n", "a: >\n\n  x\n", "a: >\n  x\n    y\n", "- >\n  x\n", "a: !!str 1\n", "---\na: 1\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n",
                "a:\n\tb: 1\n", "? a\n: b\n", "a: \"x\n  y\"\n", "a: 'x\n  y'\n", "a: [x,\n  y]\n", "a: 1\r\nb: 2\r\n",
                "a: \"\\U0001F600\"\n", "a: \"\\/\"\n", "a: [x, ]\n", "a: x: y\n", "a: - x\n", "- - x\n", "a: b # c\n  d\n",
                "", "# only a comment\n", "just text\n", "  a: 1\n", "a: [a:b]\n", "a: {\"x\":\"y\"}\n", "a: 1\n- b\n",
                "a: @x\n", "a: `x`\n", "a: \"x\"y\n", "a: \"x\"#c\n")) {
            declined(text);
        }
    }

    @Test
    void overlongValue_fallsBack_sameErrorAsBefore() {
        // a value over the limit needs more than one line: a line is limited to as many characters
        String half = "x".repeat(dev.crossfoot.model.Limits.MAX_YAML_SCALAR / 2 + 1);
        String text = "a: " + half + "\n  " + half + "\n";
        declined(text);
        sameError(text);
    }

    @Test
    void overlongLine_refusedAsBefore() {
        String text = "a: " + "x".repeat(dev.crossfoot.model.Limits.MAX_YAML_LINE + 1) + "\n";
        InputException e = assertThrows(InputException.class, () -> Yaml.parse(text.getBytes(StandardCharsets.UTF_8), FILE));
        assertTrue(e.getMessage().contains("for a line of YAML"), e.getMessage());
    }

    @Test
    void byteOrderMark_readAsBefore() {
        byte[] bom = "\uFEFFa: 1\nb: [x]\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(jackson("a: 1\nb: [x]\n"), describe(Yaml.parse(bom, FILE)));
    }

    // ---- random edits of the fixture's rules

    private static final String EDITS = ":-#'\"[]{},&*!|>?% \n\tax1.\\";

    private static String edit(String text, Random r) {
        int n = text.length();
        if (n < 2 || text.indexOf('\n') == text.length() - 1) {
            return text + "k: v\n";
        }
        int at = r.nextInt(n);
        switch (r.nextInt(7)) {
            case 0:
                return text.substring(0, at) + text.substring(at + 1);
            case 1:
                return text.substring(0, at) + EDITS.charAt(r.nextInt(EDITS.length())) + text.substring(at);
            case 2: {
                String[] lines = text.split("\n", -1);
                int i = r.nextInt(lines.length - 1);
                String t = lines[i];
                lines[i] = lines[i + 1];
                lines[i + 1] = t;
                return String.join("\n", lines);
            }
            case 3: {
                String[] lines = text.split("\n", -1);
                int i = r.nextInt(lines.length);
                lines[i] = r.nextBoolean() ? "  " + lines[i] : lines[i].startsWith(" ") ? lines[i].substring(1) : " " + lines[i];
                return String.join("\n", lines);
            }
            case 4: {
                String[] words = {"yes", "null", "~", "1e3", "0x1F", ".5", "True", "12", "-3.25", "'q'", "\"q\"", "[a, b]", "{a: b}",
                        "&a", "*a", "|", "2023-12-31", "", " ", "a: b"};
                return text.substring(0, at) + words[r.nextInt(words.length)] + text.substring(at);
            }
            case 5: {
                String[] lines = text.split("\n", -1);
                int i = r.nextInt(lines.length);
                List<String> l = new ArrayList<>(List.of(lines));
                l.add(i, lines[i]);
                return String.join("\n", l);
            }
            default: {
                String[] lines = text.split("\n", -1);
                int i = r.nextInt(lines.length);
                List<String> l = new ArrayList<>(List.of(lines));
                l.remove(i);
                return String.join("\n", l);
            }
        }
    }

    /**
     * Ten to fifty lines of a text from a random line that begins a sequence item or a top-level key, less the
     * indent of the first (so mostly a document).
     */
    private static String window(String text, Random r) {
        String[] lines = text.split("\n", -1);
        int from = r.nextInt(lines.length);
        while (from < lines.length - 1 && !goodStart(lines[from])) {
            from++;
        }
        int to = Math.min(lines.length, from + 10 + r.nextInt(40));
        int indent = lines[from].length() - lines[from].stripLeading().length();
        StringBuilder sb = new StringBuilder();
        for (String line : List.of(lines).subList(from, to)) {
            int k = 0;
            while (k < indent && k < line.length() && line.charAt(k) == ' ') {
                k++;
            }
            sb.append(line.substring(k)).append('\n');
        }
        return sb.toString();
    }

    private static boolean goodStart(String line) {
        String t = line.stripLeading();
        return !t.isEmpty() && !t.startsWith("#") && (t.startsWith("- ") || t.length() == line.length());
    }

    @Test
    void randomEditsOfTheFixtureRules_fastReaderNeverDiffersFromJackson() throws IOException {
        Random r = new Random(17);
        String rules = read(Path.of("fixtures/sensetime-2023/rules.yaml"));
        String filing = read(Path.of("fixtures/sensetime-2023/filing.yaml"));
        String standard = read(Path.of("src/main/resources/dev/crossfoot/standard.yaml"));
        List<String> sources = List.of(rules, filing, standard);
        int read = 0;
        int tried = 0;
        for (int i = 0; i < 3000; i++) {
            String base = sources.get(i % 3);
            String text = i < 60 ? base : window(base, r);
            int edits = 1 + r.nextInt(3);
            for (int k = 0; k < edits; k++) {
                text = edit(text, r);
            }
            tried++;
            if (agrees(text, "edit " + i)) {
                read++;
            }
        }
        assertTrue(read > tried / 4, "the fast reader read only " + read + " of " + tried + " edited texts: the round tests little");
    }
}
