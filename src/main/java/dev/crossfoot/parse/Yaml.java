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

    static String firstLine(String s) {
        if (s == null) {
            return "malformed YAML";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl).strip();
        return t.replace(" (through reference chain: ", " (").replaceAll("\\s+", " ");
    }
}
