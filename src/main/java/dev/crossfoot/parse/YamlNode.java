package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML value as read, with where it was written: a mapping, a sequence or a scalar. Built by
 * {@link Yaml#parse}, from {@link YamlSubset} or Jackson's streaming parser (the same tree either way),
 * without data binding.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    SourceLocation location();

    /** A mapping, keys in written order; each key keeps its own location. */
    record Mapping(Map<String, YamlNode> entries, Map<String, SourceLocation> keyLocations, SourceLocation location)
            implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
        }

        /** The value of a key, or null when absent or written empty. */
        YamlNode get(String key) {
            YamlNode n = entries.get(key);
            return n instanceof Scalar s && s.isNull() ? null : n;
        }

        /** Fails at the first key not in {@code known}, naming the keys that are. */
        void requireKnownKeys(Set<String> known, String what) {
            for (String k : entries.keySet()) {
                if (!known.contains(k)) {
                    throw new InputException(keyLocations.get(k), "unknown key '" + k + "'" + (what.isEmpty() ? "" : " in " + what)
                            + "; known keys: " + String.join(", ", new TreeSet<>(known)));
                }
            }
        }

        /** The text of a key, or null when absent; fails if the value is a list or mapping. */
        String text(String key, String what) {
            YamlNode n = get(key);
            if (n == null) {
                return null;
            }
            if (!(n instanceof Scalar s) || s.isBoolean()) {
                throw new InputException(n.location(), what + ": '" + key + "' must be text");
            }
            return s.text();
        }
    }

    record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar: its text as written (numbers too), and whether it was a YAML boolean or null.
     */
    record Scalar(String text, Kind kind, SourceLocation location) implements YamlNode {

        enum Kind { TEXT, NUMBER, BOOLEAN, NULL }

        boolean isNull() {
            return kind == Kind.NULL;
        }

        boolean isBoolean() {
            return kind == Kind.BOOLEAN;
        }
    }
}
