package dev.crossfoot.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/** The one configured YAML reader: strict about unknown and duplicate keys, bounded in size and aliases. */
final class Yaml {

    /** Largest YAML document read, in characters. */
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** Alias expansions allowed per document (YAML "billion laughs" guard). */
    static final int MAX_ALIASES = 50;

    static final ObjectMapper MAPPER = create();

    private Yaml() {
    }

    private static ObjectMapper create() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setCodePointLimit(MAX_CODE_POINTS);
        loader.setAllowDuplicateKeys(false);
        loader.setNestingDepthLimit(50);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ObjectMapper m = new ObjectMapper(factory);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return m;
    }

    /**
     * Reads a YAML file as text, refusing one over the size limit, one that is not UTF-8, and one that
     * uses aliases: Jackson would read an alias as its name, silently, so "items: *classes" would
     * become the text "classes".
     */
    static String readChecked(java.nio.file.Path file, String shown) {
        try {
            long size = java.nio.file.Files.size(file);
            if (size > MAX_CODE_POINTS) {
                throw new InputException(SourceLocation.of(shown), "the file is " + Sizes.megabytes(size)
                        + ", over the " + Sizes.megabytes(MAX_CODE_POINTS) + " limit for a YAML file; split it (several --rules files may be given)");
            }
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            String text = Utf8.decode(bytes, shown);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            try (JsonParser p = MAPPER.getFactory().createParser(text)) {
                com.fasterxml.jackson.dataformat.yaml.YAMLParser y = (com.fasterxml.jackson.dataformat.yaml.YAMLParser) p;
                while (y.nextToken() != null) {
                    if (y.isCurrentAlias()) {
                        JsonLocation loc = y.currentTokenLocation();
                        throw new InputException(SourceLocation.of(shown, loc.getLineNr(), Math.max(0, loc.getColumnNr())),
                                "YAML aliases (*name) are not supported; write the value out in full");
                    }
                }
            }
            return text;
        } catch (JsonProcessingException e) {
            throw error(shown, e, "invalid YAML");
        } catch (java.io.IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Turns Jackson's complaint into a one-line input error at the file, line and column it names. */
    static InputException error(String file, JsonProcessingException e, String what) {
        JsonLocation loc = e.getLocation();
        SourceLocation at = loc == null || loc.getLineNr() < 1
                ? SourceLocation.of(file)
                : SourceLocation.of(file, loc.getLineNr(), Math.max(loc.getColumnNr(), 0));
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            message = "unknown key '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known keys: " + known);
        } else {
            message = firstLine(e.getOriginalMessage());
        }
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
