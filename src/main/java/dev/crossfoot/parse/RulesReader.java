package dev.crossfoot.parse;

import dev.crossfoot.model.InputException;
import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.result.Severity;
import dev.crossfoot.rules.CellRef;
import dev.crossfoot.rules.Expressions;
import dev.crossfoot.rules.Items;
import dev.crossfoot.rules.LinearExpr;
import dev.crossfoot.rules.RowRef;
import dev.crossfoot.rules.Rule;
import dev.crossfoot.rules.RuleInfo;
import dev.crossfoot.rules.RuleKind;
import dev.crossfoot.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

    private static final java.util.regex.Pattern RULE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    private static final Set<String> COMMON = Set.of("id", "title", "kind", "severity", "reason");

    /** The keys a rule of each kind may have, beside the common ones. */
    static Set<String> keys(RuleKind kind) {
        return switch (kind) {
            case SUM -> Set.of("table", "items", "total", "columns");
            case FORMULA -> Set.of("table", "check", "columns");
            case ROLL_FORWARD -> Set.of("table", "opening", "movements", "closing", "columns", "carry_forward");
            case CROSS_FOOT -> Set.of("table", "items", "total", "rows");
            case TIE -> Set.of("table", "figure", "agrees_with", "columns");
            case RATIO -> Set.of("table", "measure", "rows", "base", "columns", "figure", "numerator", "denominator");
            case TEXT -> Set.of("line", "figure", "measure", "is", "from", "of");
        };
    }

    private RulesReader() {
    }

    /** Reads the rules of one file; {@code shown} is how the file is named in messages. */
    public static RuleSet read(Path file, String shown) {
        return read(file, shown, null);
    }

    /**
     * Reads the rules of one file, reusing the rules of an identical file read before: a batch of
     * filings that share their rules (or --rules files) parses them once. The cache maps the file's bytes
     * ({@link Content}) to its rules; a hit is given this file's name in every rule's location.
     *
     * @param cache may be null (no reuse); must be thread-safe when shared between threads
     */
    public static RuleSet read(Path file, String shown, java.util.Map<Content, RuleSet> cache) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(SourceLocation.of(shown), Files.exists(file)
                    ? "not a regular file; give a rules YAML file" : "no such rules file");
        }
        byte[] bytes = Yaml.read(file, shown);
        if (cache == null) {
            return parse(bytes, shown);
        }
        Content key = new Content(bytes);
        RuleSet known = cache.get(key);
        if (known != null) {
            return known.inFile(shown);
        }
        RuleSet parsed = parse(bytes, shown);
        cache.put(key, parsed);
        return parsed;
    }

    /**
     * A rules file's bytes as a cache key: equal when the bytes are. (A SHA-256 digest was the key before; in a cold
     * JVM, loading the security providers and hashing 115 kB in the interpreter took a fifth of reading the
     * bundled fixture's rules. The key holds the bytes of each distinct rules file of a batch, once.)
     */
    public static final class Content {
        private static final java.lang.invoke.VarHandle WORDS =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
        private final byte[] bytes;
        private final int hash;

        Content(byte[] bytes) {
            this.bytes = bytes;
            this.hash = hash(bytes);
        }

        /**
         * A hash of every byte, eight at a time (a rules file is the largest file of a filing, 115 kB for the bundled
         * fixture, and {@code Arrays.hashCode}, a byte at a time, was a hundredth of checking a batch).
         */
        static int hash(byte[] bytes) {
            long h = bytes.length;
            int i = 0;
            for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
                h = h * 0x9E3779B97F4A7C15L + (long) WORDS.get(bytes, i);
            }
            for (; i < bytes.length; i++) {
                h = h * 31 + bytes[i];
            }
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && c.hash == hash && Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static RuleSet parse(byte[] bytes, String shown) {
        YamlNode doc = Yaml.parse(bytes, shown);
        if (doc == null) {
            throw new InputException(SourceLocation.of(shown), "the file is empty; write 'rules:' and a list of rules");
        }
        if (!(doc instanceof YamlNode.Mapping root)) {
            throw new InputException(doc.location(), "expected 'rules:' at the top of the file");
        }
        for (String key : root.entries().keySet()) {
            if (!key.equals("rules")) {
                throw new InputException(root.keyLocations().get(key), "unknown key '" + key + "' at the top level; the file holds 'rules:' only");
            }
        }
        YamlNode list = root.entries().get("rules");
        if (list == null) {
            throw new InputException(SourceLocation.of(shown), "no 'rules:' list in the file");
        }
        if (!(list instanceof YamlNode.Sequence seq)) {
            throw new InputException(list.location(), "'rules:' must be a list of rules (each starting with '- id:')");
        }
        List<Rule> rules = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                throw new InputException(item.location(), "each rule must be a mapping with id, kind, title and its keys");
            }
            rules.add(rule(m, m.location()));
        }
        return new RuleSet(rules);
    }

    static Rule rule(YamlNode.Mapping n, SourceLocation at) {
        String id = text(n, "id", at, null);
        if (id == null) {
            throw new InputException(at, "a rule has no 'id'; give each rule a stable id such as REV-SEG-TOTAL");
        }
        if (!RULE_ID.matcher(id).matches()) {
            throw new InputException(at, "rule id '" + id + "' may hold only letters, digits, '-', '_', '.' and ':'");
        }
        String kindText = text(n, "kind", at, id);
        RuleKind kind = kindText == null ? null : RuleKind.of(kindText).orElse(null);
        if (kind == null) {
            throw new InputException(at, "rule " + id + ": " + (kindText == null ? "no 'kind'" : "unknown kind '" + kindText + "'")
                    + "; use one of " + String.join(", ", new TreeSet<>(Arrays.stream(RuleKind.values()).map(RuleKind::key).toList())));
        }
        for (String k : n.entries().keySet()) {
            if (!COMMON.contains(k) && !keys(kind).contains(k)) {
                Set<String> allowed = new TreeSet<>(COMMON);
                allowed.addAll(keys(kind));
                throw new InputException(n.keyLocations().get(k), "rule " + id + ": unknown key '" + k + "' for a " + kind
                        + " rule; its keys: " + String.join(", ", allowed));
            }
        }
        String title = text(n, "title", at, id);
        if (title == null) {
            throw new InputException(at, "rule " + id + " has no 'title'; say in words what it checks");
        }
        String sev = text(n, "severity", at, id);
        Severity severity;
        try {
            severity = sev == null ? kind.defaultSeverity() : Severity.parse(sev);
        } catch (IllegalArgumentException e) {
            throw new InputException(at, "rule " + id + ": " + e.getMessage());
        }
        RuleInfo info = new RuleInfo(id, title, severity, text(n, "reason", at, id), at);
        String table = text(n, "table", at, id);
        try {
            return switch (kind) {
                case SUM -> new Rule.Sum(info, need(table, "table", id, at), items(n.get("items"), "items", id, at),
                        RowRef.parse(need(text(n, "total", at, id), "total", id, at)), list(n, "columns", at, id));
                case FORMULA -> formula(info, table, n, at);
                case ROLL_FORWARD -> new Rule.RollForward(info, need(table, "table", id, at),
                        RowRef.parse(need(text(n, "opening", at, id), "opening", id, at)),
                        items(n.get("movements"), "movements", id, at),
                        RowRef.parse(need(text(n, "closing", at, id), "closing", id, at)),
                        list(n, "columns", at, id), bool(n, "carry_forward", at, id));
                case CROSS_FOOT -> new Rule.CrossFoot(info, need(table, "table", id, at),
                        needList(list(n, "items", at, id), "items", id, at),
                        need(text(n, "total", at, id), "total", id, at),
                        list(n, "rows", at, id).stream().map(RowRef::parse).toList());
                case TIE -> tie(info, table, n, at);
                case RATIO -> ratio(info, table, n, at);
                case TEXT -> text(info, n, at);
            };
        } catch (IllegalArgumentException e) {
            throw new InputException(at, "rule " + id + ": " + e.getMessage());
        }
    }

    private static Rule formula(RuleInfo info, String table, YamlNode.Mapping n, SourceLocation at) {
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

    private static Rule tie(RuleInfo info, String table, YamlNode.Mapping n, SourceLocation at) {
        String id = info.id();
        LinearExpr figure = Expressions.parse(need(text(n, "figure", at, id), "figure", id, at));
        CellRef cell = figure.singleCell();
        if (cell == null) {
            throw new InputException(at, "rule " + id + ": 'figure' must be one cell, e.g. 'revenue[Total]'");
        }
        LinearExpr other = Expressions.parse(need(text(n, "agrees_with", at, id), "agrees_with", id, at));
        requireTable(table, figure, id, at);
        requireTable(table, other, id, at);
        return new Rule.Tie(info, table, cell, other, list(n, "columns", at, id));
    }

    private static Rule ratio(RuleInfo info, String table, YamlNode.Mapping n, SourceLocation at) {
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
        YamlNode cols = n.get("columns");
        if (!(cols instanceof YamlNode.Mapping colMap) || colMap.entries().isEmpty()) {
            throw new InputException(at, "rule " + id + ": 'columns' must map each ratio column to "
                    + (measure == Rule.Measure.SHARE ? "its amount column, e.g. {\"2023 %\": \"2023\"}"
                    : "[current, prior] amount columns, e.g. {\"Year-over-year change\": [\"2023\", \"2022\"]}"));
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : colMap.entries().entrySet()) {
            YamlNode v = e.getValue();
            if (measure == Rule.Measure.SHARE && isText(v)) {
                map.put(e.getKey(), List.of(((YamlNode.Scalar) v).text()));
            } else if (measure == Rule.Measure.CHANGE && v instanceof YamlNode.Sequence pair && pair.items().size() == 2
                    && isText(pair.items().get(0)) && isText(pair.items().get(1))) {
                map.put(e.getKey(), List.of(((YamlNode.Scalar) pair.items().get(0)).text(), ((YamlNode.Scalar) pair.items().get(1)).text()));
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

    private static Rule text(RuleInfo info, YamlNode.Mapping n, SourceLocation at) {
        String id = info.id();
        String m = text(n, "measure", at, id);
        NarrativeFigure.Kind measure = m == null ? NarrativeFigure.Kind.AMOUNT : NarrativeFigure.Kind.of(m);
        if (!Rule.Text.MEASURES.contains(measure)) {
            throw new InputException(at, "rule " + id + ": unknown measure '" + m + "' for a text rule; use amount, change, share or margin");
        }
        String second = measure == NarrativeFigure.Kind.CHANGE ? "from" : "of";
        for (String k : List.of("from", "of")) {
            if (n.entries().containsKey(k) && !(k.equals(second) && measure != NarrativeFigure.Kind.AMOUNT)) {
                throw new InputException(n.keyLocations().get(k), "rule " + id + ": '" + k + "' does not apply to a text rule of measure "
                        + measure.key() + (measure == NarrativeFigure.Kind.AMOUNT ? "" : "; it takes '" + second + "'"));
            }
        }
        CellRef is = fullCell(need(text(n, "is", at, id), "is", id, at), "is", id, at);
        CellRef other = measure == NarrativeFigure.Kind.AMOUNT ? null
                : fullCell(need(text(n, second, at, id), second, id, at), second, id, at);
        return new Rule.Text(info, need(text(n, "line", at, id), "line", id, at), need(text(n, "figure", at, id), "figure", id, at),
                measure, is, other);
    }

    /** One cell with its table and column named: {@code table[Row][Column]}. */
    private static CellRef fullCell(String text, String key, String id, SourceLocation at) {
        CellRef cell = Expressions.parse(text).singleCell();
        if (cell == null || cell.table() == null || cell.column() == null) {
            throw new InputException(at, "rule " + id + ": '" + key + "' must be one cell with its table and column, "
                    + "e.g. 'revenue[Total revenue][2023]'");
        }
        return cell;
    }

    private static void forbid(YamlNode.Mapping n, SourceLocation at, String id, String measure, String... keys) {
        for (String k : keys) {
            if (n.entries().containsKey(k)) {
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

    private static Items items(YamlNode node, String key, String id, SourceLocation at) {
        if (node == null) {
            throw new InputException(at, "rule " + id + " has no '" + key + "'");
        }
        if (node instanceof YamlNode.Sequence seq) {
            List<RowRef> rows = new ArrayList<>();
            for (YamlNode x : seq.items()) {
                if (!isText(x)) {
                    throw new InputException(x.location(), "rule " + id + ": each of '" + key + "' must be a row label");
                }
                rows.add(RowRef.parse(((YamlNode.Scalar) x).text()));
            }
            if (rows.isEmpty()) {
                throw new InputException(at, "rule " + id + ": '" + key + "' is empty");
            }
            return new Items.Listed(rows);
        }
        if (node instanceof YamlNode.Mapping m) {
            if (!m.entries().keySet().equals(Set.of("from", "to")) || !isText(m.get("from")) || !isText(m.get("to"))) {
                throw new InputException(m.location(), "rule " + id + ": '" + key + "' as a range takes exactly 'from' and 'to' row labels");
            }
            return new Items.Range(RowRef.parse(m.text("from", id)), RowRef.parse(m.text("to", id)));
        }
        throw new InputException(at, "rule " + id + ": '" + key + "' must be a list of row labels or {from: ..., to: ...}");
    }

    private static boolean isText(YamlNode n) {
        return n instanceof YamlNode.Scalar s && !s.isNull() && !s.isBoolean();
    }

    private static String text(YamlNode.Mapping n, String key, SourceLocation at, String id) {
        return n.text(key, id == null ? "rule" : "rule " + id);
    }

    private static boolean bool(YamlNode.Mapping n, String key, SourceLocation at, String id) {
        YamlNode v = n.get(key);
        if (v == null) {
            return false;
        }
        if (!(v instanceof YamlNode.Scalar s) || !s.isBoolean()) {
            throw new InputException(v.location(), "rule " + id + ": '" + key + "' must be true or false");
        }
        return Boolean.parseBoolean(s.text());
    }

    private static List<String> list(YamlNode.Mapping n, String key, SourceLocation at, String id) {
        YamlNode v = n.get(key);
        if (v == null) {
            return List.of();
        }
        if (key.equals("columns") && isText(v) && ((YamlNode.Scalar) v).text().equals("all")) {
            return List.of(Rule.ALL_COLUMNS);
        }
        if (!(v instanceof YamlNode.Sequence seq)) {
            throw new InputException(at, "rule " + id + ": '" + key + "' must be a list"
                    + (key.equals("columns") ? " of column names, or 'all'" : ""));
        }
        List<String> out = new ArrayList<>();
        for (YamlNode x : seq.items()) {
            if (!(x instanceof YamlNode.Scalar sc) || sc.isNull()) {
                throw new InputException(x.location(), "rule " + id + ": each of '" + key + "' must be text");
            }
            out.add(sc.text());
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

}
