package dev.crossfoot.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossfoot.model.InputException;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.result.Severity;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Expressions;
import dev.crossfoot.rules.Items;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a rules file: {@code rules:} followed by a list of rules. Every key is checked against the
 * rule's kind, so a typo is an error, never ignored. Errors name the file, line and column of the rule.
 */
public final class RulesReader {

    private static final Set<String> COMMON = Set.of("id", "title", "kind", "severity", "reason");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "sum", Set.of("table", "items", "total", "columns"),
            "formula", Set.of("table", "check", "columns"),
            "roll-forward", Set.of("table", "opening", "movements", "closing", "columns", "carry_forward"),
            "cross-foot", Set.of("table", "items", "total", "rows"),
            "tie", Set.of("table", "figure", "agrees_with", "columns"),
            "ratio", Set.of("table", "measure", "rows", "base", "columns", "figure", "numerator", "denominator"));

    private RulesReader() {
    }

    /** Reads the rules of one file; {@code shown} is how the file is named in messages. */
    public static RuleSet read(Path file, String shown) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(SourceLocation.of(shown), Files.exists(file)
                    ? "not a regular file; give a rules YAML file" : "no such rules file");
        }
        List<Rule> rules = new ArrayList<>();
        String text = Yaml.readChecked(file, shown);
        try (JsonParser p = Yaml.MAPPER.getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InputException(SourceLocation.of(shown), "the file is empty; write 'rules:' and a list of rules");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InputException(at(shown, p.currentTokenLocation()), "expected 'rules:' at the top of the file");
            }
            boolean sawRules = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                if (!key.equals("rules")) {
                    throw new InputException(at(shown, keyAt), "unknown key '" + key + "' at the top level; the file holds 'rules:' only");
                }
                sawRules = true;
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new InputException(at(shown, p.currentTokenLocation()), "'rules:' must be a list of rules (each starting with '- id:')");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    SourceLocation ruleAt = at(shown, p.currentTokenLocation());
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw new InputException(ruleAt, "each rule must be a mapping with id, kind, title and its keys");
                    }
                    ObjectNode node = Yaml.MAPPER.readTree(p);
                    rules.add(rule(node, ruleAt));
                }
            }
            if (!sawRules) {
                throw new InputException(SourceLocation.of(shown), "no 'rules:' list in the file");
            }
        } catch (JsonProcessingException e) {
            throw Yaml.error(shown, e, "invalid rules file");
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(shown), "cannot read: " + e.getMessage(), e);
        }
        return new RuleSet(rules);
    }

    private static SourceLocation at(String shown, JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? SourceLocation.of(shown)
                : SourceLocation.of(shown, loc.getLineNr(), Math.max(0, loc.getColumnNr()));
    }

    static Rule rule(ObjectNode n, SourceLocation at) {
        String id = text(n, "id", at, null);
        if (id == null) {
            throw new InputException(at, "a rule has no 'id'; give each rule a stable id such as REV-SEG-TOTAL");
        }
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.:-]*")) {
            throw new InputException(at, "rule id '" + id + "' may hold only letters, digits, '-', '_', '.' and ':'");
        }
        String kind = text(n, "kind", at, id);
        if (kind == null || !KEYS.containsKey(kind)) {
            throw new InputException(at, "rule " + id + ": " + (kind == null ? "no 'kind'" : "unknown kind '" + kind + "'")
                    + "; use one of " + String.join(", ", new TreeSet<>(KEYS.keySet())));
        }
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!COMMON.contains(k) && !KEYS.get(kind).contains(k)) {
                Set<String> allowed = new TreeSet<>(COMMON);
                allowed.addAll(KEYS.get(kind));
                throw new InputException(at, "rule " + id + ": unknown key '" + k + "' for a " + kind + " rule; its keys: "
                        + String.join(", ", allowed));
            }
        }
        String title = text(n, "title", at, id);
        if (title == null) {
            throw new InputException(at, "rule " + id + " has no 'title'; say in words what it checks");
        }
        String sev = text(n, "severity", at, id);
        Severity severity;
        try {
            severity = sev == null ? Severity.ERROR : Severity.parse(sev);
        } catch (IllegalArgumentException e) {
            throw new InputException(at, "rule " + id + ": " + e.getMessage());
        }
        RuleInfo info = new RuleInfo(id, title, severity, text(n, "reason", at, id), at);
        String table = text(n, "table", at, id);
        try {
            return switch (kind) {
                case "sum" -> new Rule.Sum(info, need(table, "table", id, at), items(n.get("items"), "items", id, at),
                        RowRef.parse(need(text(n, "total", at, id), "total", id, at)), list(n, "columns", at, id));
                case "formula" -> formula(info, table, n, at);
                case "roll-forward" -> new Rule.RollForward(info, need(table, "table", id, at),
                        RowRef.parse(need(text(n, "opening", at, id), "opening", id, at)),
                        items(n.get("movements"), "movements", id, at),
                        RowRef.parse(need(text(n, "closing", at, id), "closing", id, at)),
                        list(n, "columns", at, id), bool(n, "carry_forward", at, id));
                case "cross-foot" -> new Rule.CrossFoot(info, need(table, "table", id, at),
                        needList(list(n, "items", at, id), "items", id, at),
                        need(text(n, "total", at, id), "total", id, at),
                        list(n, "rows", at, id).stream().map(RowRef::parse).toList());
                case "tie" -> tie(info, table, n, at);
                case "ratio" -> ratio(info, table, n, at);
                default -> throw new IllegalStateException(kind);
            };
        } catch (IllegalArgumentException e) {
            throw new InputException(at, "rule " + id + ": " + e.getMessage());
        }
    }

    private static Rule formula(RuleInfo info, String table, ObjectNode n, SourceLocation at) {
        String id = info.id();
        LinearExpr[] sides = Expressions.parseRelation(need(text(n, "check", at, id), "check", id, at));
        CellRef result = sides[0].singleCell();
        if (result == null) {
            throw new InputException(at, "rule " + id + ": the left of '=' must be the one reported cell, "
                    + "e.g. 'ebitda[EBITDA] = ...'; move the other terms to the right");
        }
        requireTable(table, sides[1], id, at);
        requireTable(table, LinearExpr.of(result), id, at);
        return new Rule.Formula(info, table, result, sides[1], list(n, "columns", at, id));
    }

    private static Rule tie(RuleInfo info, String table, ObjectNode n, SourceLocation at) {
        String id = info.id();
        LinearExpr figure = Expressions.parse(need(text(n, "figure", at, id), "figure", id, at));
        CellRef cell = figure.singleCell();
        if (cell == null) {
            throw new InputException(at, "rule " + id + ": 'figure' must be one cell, e.g. 'revenue_by_segment[Total]'");
        }
        LinearExpr other = Expressions.parse(need(text(n, "agrees_with", at, id), "agrees_with", id, at));
        requireTable(table, figure, id, at);
        requireTable(table, other, id, at);
        return new Rule.Tie(info, table, cell, other, list(n, "columns", at, id));
    }

    private static Rule ratio(RuleInfo info, String table, ObjectNode n, SourceLocation at) {
        String id = info.id();
        String m = need(text(n, "measure", at, id), "measure", id, at);
        Rule.Measure measure = switch (m) {
            case "share" -> Rule.Measure.SHARE;
            case "change" -> Rule.Measure.CHANGE;
            case "quotient" -> Rule.Measure.QUOTIENT;
            default -> throw new InputException(at, "rule " + id + ": unknown measure '" + m + "'; use share, change or quotient");
        };
        if (measure == Rule.Measure.QUOTIENT) {
            forbid(n, at, id, "quotient", "rows", "base");
            LinearExpr fig = Expressions.parse(need(text(n, "figure", at, id), "figure", id, at));
            CellRef cell = fig.singleCell();
            if (cell == null) {
                throw new InputException(at, "rule " + id + ": 'figure' must be one cell");
            }
            LinearExpr num = Expressions.parse(need(text(n, "numerator", at, id), "numerator", id, at));
            LinearExpr den = Expressions.parse(need(text(n, "denominator", at, id), "denominator", id, at));
            requireTable(table, fig, id, at);
            requireTable(table, num, id, at);
            requireTable(table, den, id, at);
            return new Rule.Ratio(info, table, measure, List.of(), null, Map.of(), cell, num, den, list(n, "columns", at, id));
        }
        forbid(n, at, id, measure.key(), "figure", "numerator", "denominator");
        need(table, "table", id, at);
        List<RowRef> rows = needList(list(n, "rows", at, id), "rows", id, at).stream().map(RowRef::parse).toList();
        JsonNode cols = n.get("columns");
        if (cols == null || !cols.isObject() || cols.isEmpty()) {
            throw new InputException(at, "rule " + id + ": 'columns' must map each ratio column to "
                    + (measure == Rule.Measure.SHARE ? "its amount column, e.g. {\"2023 %\": \"2023\"}"
                    : "[current, prior] amount columns, e.g. {\"Year-over-year change\": [\"2023\", \"2022\"]}"));
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : iterable(cols.fields())) {
            JsonNode v = e.getValue();
            if (measure == Rule.Measure.SHARE && v.isTextual()) {
                map.put(e.getKey(), List.of(v.asText()));
            } else if (measure == Rule.Measure.CHANGE && v.isArray() && v.size() == 2 && v.get(0).isTextual() && v.get(1).isTextual()) {
                map.put(e.getKey(), List.of(v.get(0).asText(), v.get(1).asText()));
            } else {
                throw new InputException(at, "rule " + id + ": column '" + e.getKey() + "' must map to "
                        + (measure == Rule.Measure.SHARE ? "one amount column" : "[current, prior] amount columns"));
            }
        }
        RowRef base = null;
        if (measure == Rule.Measure.SHARE) {
            base = RowRef.parse(need(text(n, "base", at, id), "base", id, at));
        } else {
            forbid(n, at, id, "change", "base");
        }
        return new Rule.Ratio(info, table, measure, rows, base, map, null, null, null, List.of());
    }

    private static void forbid(ObjectNode n, SourceLocation at, String id, String measure, String... keys) {
        for (String k : keys) {
            if (n.has(k)) {
                throw new InputException(at, "rule " + id + ": '" + k + "' does not apply to a ratio of measure " + measure);
            }
        }
    }

    private static void requireTable(String table, LinearExpr e, String id, SourceLocation at) {
        if (table == null && e.terms().stream().anyMatch(t -> t.ref().table() == null)) {
            throw new InputException(at, "rule " + id + ": a cell has no table, and the rule has no 'table'; "
                    + "write table[Label] or add 'table:'");
        }
    }

    private static Items items(JsonNode node, String key, String id, SourceLocation at) {
        if (node == null || node.isNull()) {
            throw new InputException(at, "rule " + id + " has no '" + key + "'");
        }
        if (node.isArray()) {
            List<RowRef> rows = new ArrayList<>();
            for (JsonNode x : node) {
                if (!x.isTextual()) {
                    throw new InputException(at, "rule " + id + ": each of '" + key + "' must be a row label");
                }
                rows.add(RowRef.parse(x.asText()));
            }
            if (rows.isEmpty()) {
                throw new InputException(at, "rule " + id + ": '" + key + "' is empty");
            }
            return new Items.Listed(rows);
        }
        if (node.isObject()) {
            Set<String> keys = new TreeSet<>();
            node.fieldNames().forEachRemaining(keys::add);
            if (!keys.equals(Set.of("from", "to")) || !node.get("from").isTextual() || !node.get("to").isTextual()) {
                throw new InputException(at, "rule " + id + ": '" + key + "' as a range takes exactly 'from' and 'to' row labels");
            }
            return new Items.Range(RowRef.parse(node.get("from").asText()), RowRef.parse(node.get("to").asText()));
        }
        throw new InputException(at, "rule " + id + ": '" + key + "' must be a list of row labels or {from: ..., to: ...}");
    }

    private static String text(ObjectNode n, String key, SourceLocation at, String id) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.isBoolean()) {
            throw new InputException(at, (id == null ? "rule" : "rule " + id) + ": '" + key + "' must be text");
        }
        return v.asText();
    }

    private static boolean bool(ObjectNode n, String key, SourceLocation at, String id) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InputException(at, "rule " + id + ": '" + key + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static List<String> list(ObjectNode n, String key, SourceLocation at, String id) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (key.equals("columns") && v.isTextual() && v.asText().equals("all")) {
            return List.of(Rule.ALL_COLUMNS);
        }
        if (!v.isArray()) {
            throw new InputException(at, "rule " + id + ": '" + key + "' must be a list"
                    + (key.equals("columns") ? " of column names, or 'all'" : ""));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isValueNode() || x.isNull()) {
                throw new InputException(at, "rule " + id + ": each of '" + key + "' must be text");
            }
            out.add(x.asText());
        }
        return out;
    }

    private static <T> List<T> needList(List<T> l, String key, String id, SourceLocation at) {
        if (l.isEmpty()) {
            throw new InputException(at, "rule " + id + " has no '" + key + "'");
        }
        return l;
    }

    private static String need(String v, String key, String id, SourceLocation at) {
        if (v == null || v.isBlank()) {
            throw new InputException(at, "rule " + id + " has no '" + key + "'");
        }
        return v;
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
