package dev.crossfoot.parse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.Limits;
import dev.crossfoot.model.SourceLocation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * crossfoot's one YAML codec, for filings and rules alike. Reading: first {@link YamlSubset}, crossfoot's own
 * reader of the plain subset of YAML that rules, filings and the standard pack are written in, which builds the
 * same tree Jackson would and declines anything else; then, for what it declines, Jackson's streaming YAML
 * parser (no data binding, so no reflection at start-up), bounded in size, nesting and aliases, and strict:
 * duplicate keys and aliases are errors (the errors are always Jackson's and this class's). Writing: Jackson's YAML generator ({@link Writer}), every text a
 * quoted scalar ("...") with YAML's escapes, so no label, however it is printed, changes meaning.
 */
public final class Yaml {

    /** Largest YAML document read, in characters. */
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** Alias expansions allowed per document (YAML "billion laughs" guard). */
    static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 50;

    /**
     * Jackson's reading factory, made on first use: a check whose YAML {@link YamlSubset} reads never loads
     * Jackson's YAML classes or SnakeYAML's.
     */
    private static final class Reading {
        static final YAMLFactory FACTORY = create();
    }

    /** Block style, two-space indents, "- " items indented under their key, no "---", no line folding. */
    private static final class Writing {
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
    }

    private Yaml() {
    }

    private static YAMLFactory create() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setCodePointLimit(MAX_CODE_POINTS);
        loader.setAllowDuplicateKeys(false);
        loader.setNestingDepthLimit(MAX_DEPTH);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /**
     * Reads a YAML file into nodes that know where they were written. Refuses a file over the size limit,
     * one that is not UTF-8, duplicate keys, and aliases (Jackson would read an alias as its name,
     * silently, so "items: *classes" would become the text "classes").
     *
     * @return the document's root, or null for an empty document
     */
    static YamlNode parse(java.nio.file.Path file, String shown) {
        return parse(read(file, shown), shown);
    }

    /** The bytes of a YAML file, refusing one over the size limit. */
    static byte[] read(java.nio.file.Path file, String shown) {
        try {
            long size = java.nio.file.Files.size(file);
            if (size > MAX_CODE_POINTS) {
                throw new InputException(SourceLocation.of(shown), "the file is " + Sizes.megabytes(size)
                        + ", over the " + Sizes.megabytes(MAX_CODE_POINTS) + " limit for a YAML file; split it (several --rules files may be given)");
            }
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses YAML bytes read from the file named {@code shown}. */
    static YamlNode parse(byte[] bytes, String shown) {
        String text = Utf8.decode(bytes, shown);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        refuseLongLines(text, shown);
        if (text.length() <= MAX_CODE_POINTS / 2) {
            YamlNode fast = YamlSubset.read(text, shown);
            if (fast != null) {
                return fast;
            }
        }
        return jackson(text, shown);
    }

    /** Reads YAML text (BOM removed, lines checked) with Jackson: anything {@link YamlSubset} declines. */
    static YamlNode jackson(String text, String shown) {
        try (JsonParser p = Reading.FACTORY.createParser(text)) {
            JsonToken t = next(p, shown);
            if (t == null) {
                return null;
            }
            YamlNode root = node(p, shown);
            if (next(p, shown) != null) {
                throw new InputException(at(shown, p.currentTokenLocation()), "more than one YAML document; keep one per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw error(shown, e, "invalid YAML");
        } catch (java.io.IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a line over {@link Limits#MAX_YAML_LINE} characters before the YAML reader sees it: SnakeYAML's time
     * grows faster than the length of a line (an 8 MiB quoted scalar on one line took 70 s).
     */
    private static void refuseLongLines(String text, String shown) {
        int line = 1;
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (i - start > Limits.MAX_YAML_LINE) {
                    throw new InputException(SourceLocation.of(shown, line, Limits.MAX_YAML_LINE + 1), "the line is "
                            + Limits.count(i - start) + " characters long, over the limit of " + Limits.count(Limits.MAX_YAML_LINE)
                            + " characters for a line of YAML; no rule or filing needs such a line: is this the right file?");
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** Refuses a scalar (a key or a value) over {@link Limits#MAX_YAML_SCALAR} characters. */
    private static String scalar(String text, SourceLocation at) {
        if (text != null && text.length() > Limits.MAX_YAML_SCALAR) {
            throw new InputException(at, "a value of " + Limits.count(text.length()) + " characters, over the limit of "
                    + Limits.count(Limits.MAX_YAML_SCALAR) + " characters for one YAML value; no label, title or expression needs that many");
        }
        return text;
    }

    private static JsonToken next(JsonParser p, String shown) throws java.io.IOException {
        JsonToken t = p.nextToken();
        if (t != null && ((com.fasterxml.jackson.dataformat.yaml.YAMLParser) p).isCurrentAlias()) {
            throw new InputException(at(shown, p.currentTokenLocation()), "YAML aliases (*name) are not supported; write the value out in full");
        }
        return t;
    }

    /** The node at the current token (a value token, START_OBJECT or START_ARRAY). */
    private static YamlNode node(JsonParser p, String shown) throws java.io.IOException {
        SourceLocation at = at(shown, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            java.util.Map<String, YamlNode> entries = new java.util.LinkedHashMap<>();
            java.util.Map<String, SourceLocation> keys = new java.util.LinkedHashMap<>();
            while (next(p, shown) == JsonToken.FIELD_NAME) {
                SourceLocation keyAt = at(shown, p.currentTokenLocation());
                String key = scalar(p.currentName(), keyAt);
                if (entries.containsKey(key)) {
                    throw new InputException(keyAt, "duplicate key '" + key + "' (first at line " + keys.get(key).line() + ")");
                }
                next(p, shown);
                entries.put(key, node(p, shown));
                keys.put(key, keyAt);
            }
            return new YamlNode.Mapping(entries, keys, at);
        }
        if (t == JsonToken.START_ARRAY) {
            java.util.List<YamlNode> items = new java.util.ArrayList<>();
            while (next(p, shown) != JsonToken.END_ARRAY) {
                items.add(node(p, shown));
            }
            return new YamlNode.Sequence(items, at);
        }
        YamlNode.Scalar.Kind kind = switch (t) {
            case VALUE_NULL -> YamlNode.Scalar.Kind.NULL;
            case VALUE_TRUE, VALUE_FALSE -> YamlNode.Scalar.Kind.BOOLEAN;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> YamlNode.Scalar.Kind.NUMBER;
            default -> YamlNode.Scalar.Kind.TEXT;
        };
        return new YamlNode.Scalar(kind == YamlNode.Scalar.Kind.NULL ? "" : scalar(p.getText(), at), kind, at);
    }

    static SourceLocation at(String shown, JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? SourceLocation.of(shown)
                : SourceLocation.of(shown, loc.getLineNr(), Math.max(0, loc.getColumnNr()));
    }

    /** Turns Jackson's complaint into a one-line input error at the file, line and column it names. */
    static InputException error(String file, JsonProcessingException e, String what) {
        JsonLocation loc = e.getLocation();
        SourceLocation at = loc == null || loc.getLineNr() < 1
                ? SourceLocation.of(file)
                : SourceLocation.of(file, loc.getLineNr(), Math.max(loc.getColumnNr(), 0));
        String message;
        message = firstLine(e.getOriginalMessage());
        return new InputException(at, what + ": " + message, e);
    }

    /** Jackson's and SnakeYAML's multi-line messages as one line: the problem statements, without source snippets. */
    static String firstLine(String s) {
        if (s == null) {
            return "malformed YAML";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String line : s.split("\\R")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.strip().equals("^")) {
                continue;
            }
            String t = line.replaceAll(" in 'reader', line \\d+, column \\d+:?", "").strip();
            if (!t.isEmpty()) {
                parts.add(t);
            }
        }
        String t = parts.isEmpty() ? "malformed YAML" : String.join("; ", parts);
        return t.replace(" (through reference chain: ", " (").replaceAll("\\s+", " ");
    }

    /** What a document holds, written through a {@link Writer}. */
    @FunctionalInterface
    public interface Body {
        void write(Writer w) throws IOException;
    }

    /**
     * A YAML document: the comment lines (each written after "# "; line breaks start new comment lines,
     * and characters YAML cannot hold become U+FFFD), then one mapping written by {@code body}.
     */
    public static String write(List<String> comments, Body body) {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            for (String line : c.split("\\R", -1)) {
                sb.append(line.isEmpty() ? "#" : "# " + printable(line)).append('\n');
            }
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Writing.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(new Writer(g));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.append(out).toString();
    }

    /** Characters a YAML comment cannot hold (controls, unpaired surrogates, U+FFFE/U+FFFF) as U+FFFD. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else if (c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F || Character.isSurrogate(c) || c == '\uFEFF'
                    || c == '\uFFFE' || c == '\uFFFF') {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Writes the keys and values of one YAML document, in order; texts are always quoted. */
    public static final class Writer {
        private final JsonGenerator g;

        private Writer(JsonGenerator g) {
            this.g = g;
        }

        /** {@code key: "value"}. */
        public Writer text(String key, String value) throws IOException {
            g.writeStringField(key, value);
            return this;
        }

        /** {@code key: true} or {@code false}. */
        public Writer bool(String key, boolean value) throws IOException {
            g.writeBooleanField(key, value);
            return this;
        }

        /** {@code key:} then each text as an item ({@code key: []} for none). */
        public Writer texts(String key, List<String> values) throws IOException {
            g.writeArrayFieldStart(key);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
            return this;
        }

        /** {@code key:} then the keys the caller writes, until {@link #end()}. */
        public Writer map(String key) throws IOException {
            g.writeObjectFieldStart(key);
            return this;
        }

        /** {@code key:} then the items the caller writes (each {@link #item()} ... {@link #end()}), until {@link #endList()}. */
        public Writer list(String key) throws IOException {
            g.writeArrayFieldStart(key);
            return this;
        }

        /** An item of a list that is a mapping: its keys follow, until {@link #end()}. */
        public Writer item() throws IOException {
            g.writeStartObject();
            return this;
        }

        /** Ends a mapping begun with {@link #map} or {@link #item}. */
        public Writer end() throws IOException {
            g.writeEndObject();
            return this;
        }

        /** Ends a list begun with {@link #list}. */
        public Writer endList() throws IOException {
            g.writeEndArray();
            return this;
        }
    }
}
