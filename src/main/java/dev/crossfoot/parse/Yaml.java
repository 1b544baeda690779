package dev.crossfoot.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one configured YAML reader: Jackson's streaming YAML parser (no data binding, so no reflection at
 * start-up), bounded in size, nesting and aliases, and strict: duplicate keys and aliases are errors.
 */
final class Yaml {

    /** Largest YAML document read, in characters. */
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** Alias expansions allowed per document (YAML "billion laughs" guard). */
    static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 50;

    private static final YAMLFactory FACTORY = create();

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
        try (JsonParser p = FACTORY.createParser(text)) {
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
                String key = p.currentName();
                SourceLocation keyAt = at(shown, p.currentTokenLocation());
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
        return new YamlNode.Scalar(kind == YamlNode.Scalar.Kind.NULL ? "" : p.getText(), kind, at);
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
}
