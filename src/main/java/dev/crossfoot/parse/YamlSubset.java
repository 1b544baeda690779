package dev.crossfoot.parse;

import dev.crossfoot.model.Limits;
import dev.crossfoot.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast half of {@link Yaml}'s reader: a reader of its own for the plain subset of YAML that rules,
 * filings and the standard pack are written in, which builds the same {@link YamlNode} tree, texts, kinds
 * and locations as Jackson's streaming parser (SnakeYAML under it), without SnakeYAML's general scanner,
 * which runs interpreted in a cold JVM and was the largest single cost of a one-filing check.
 *
 * <p>The subset: comment lines and trailing {@code " #"} comments; block mappings and block sequences
 * (items indented under their key or not, {@code "- key: value"} items whose mapping goes on below);
 * one-line flow sequences and flow mappings, nested; one-line double-quoted scalars (YAML's escapes but
 * {@code \U}), one-line single-quoted scalars, plain scalars on one line; block scalars {@code >-}, {@code >},
 * {@code |-} and {@code |} as values of keys; {@code "key:"} with nothing after it (an empty text, as Jackson
 * gives it with {@link Yaml}'s factory).
 * A plain scalar is a number only as {@code -?digits} (at most 18) or {@code -?digits.digits}, a boolean
 * only as true/false (True, TRUE, ...), otherwise text only where none of YAML 1.1's implicit types
 * (SnakeYAML's resolver: yes/no/on/off, ~/null, 0x1F, 1_000, 1e3, .inf, dates, 1:30, ...) could read it.
 *
 * <p>Anything else, and anything this reader is not sure of, declines the whole document ({@link #read}
 * returns null) and {@link Yaml} reads it with Jackson, so every error (duplicate keys, aliases, tabs, bad
 * escapes, a second document, a value over the size limit) and its message stay Jackson's and {@link Yaml}'s.
 */
final class YamlSubset {

    /** Below Yaml's nesting limit (50), so a document near the limit goes to Jackson, which enforces it. */
    private static final int MAX_DEPTH = 40;
    /** SnakeYAML's limit for a simple key is 1024 characters; longer keys go to Jackson. */
    private static final int MAX_KEY = 1000;
    private static final int MAX_NUMBER_DIGITS = 18;

    /** Thrown to decline; no stack trace (it is not an error, the full parser takes over). */
    private static final class Decline extends RuntimeException {
        private static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private final String s;
    private final String shown;
    private final int[] lineStart;
    private final int[] lineEnd;
    private final int lines;
    /** The line the reader is on, and the position in the text (within that line). */
    private int ln;
    private int pos;

    private YamlSubset(String s, String shown, int[] lineStart, int[] lineEnd, int lines) {
        this.s = s;
        this.shown = shown;
        this.lineStart = lineStart;
        this.lineEnd = lineEnd;
        this.lines = lines;
    }

    /**
     * The document's tree, exactly as {@link Yaml} builds it from Jackson's tokens; or null when the text is
     * not in the subset (or is empty): then the caller reads it with Jackson.
     */
    static YamlNode read(String text, String shown) {
        int n = text.length();
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                count++;
            } else if (!plain(c)) {
                return null;
            }
        }
        int[] starts = new int[count];
        int[] ends = new int[count];
        int l = 0;
        starts[0] = 0;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                ends[l++] = i;
                starts[l] = i + 1;
            }
        }
        ends[l] = n;
        try {
            return new YamlSubset(text, shown, starts, ends, count).document();
        } catch (Decline d) {
            return null;
        }
    }

    /**
     * Characters this reader takes: printable ones but tab, carriage return, NEL, line and paragraph
     * separators, BOM, surrogates (columns would count code points) and U+FFFE/U+FFFF.
     */
    private static boolean plain(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return true;
        }
        return c >= 0xA0 && c != 0x2028 && c != 0x2029 && !Character.isSurrogate(c) && c != 0xFEFF && c < 0xFFFE;
    }

    private static Decline decline() {
        return Decline.INSTANCE;
    }

    private YamlNode document() {
        for (int i = 0; i < lines; i++) {
            int a = lineStart[i];
            int e = lineEnd[i];
            if (e > a && (s.charAt(a) == '%' || s.startsWith("---", a) || s.startsWith("...", a))) {
                throw decline();
            }
        }
        int first = significant(0);
        if (first == lines || indent(first) != 0) {
            throw decline();
        }
        ln = first;
        pos = lineStart[first];
        YamlNode root = block(1);
        if (significant(ln) != lines) {
            throw decline();
        }
        return root;
    }

    // ---- lines

    private int indent(int line) {
        int a = lineStart[line];
        int e = lineEnd[line];
        int i = a;
        while (i < e && s.charAt(i) == ' ') {
            i++;
        }
        return i - a;
    }

    /** Whether a line holds nothing but spaces and perhaps a comment. */
    private boolean empty(int line) {
        int i = lineStart[line] + indent(line);
        return i == lineEnd[line] || s.charAt(i) == '#';
    }

    /** The first line at or after {@code from} with content, or {@link #lines}. */
    private int significant(int from) {
        int i = from;
        while (i < lines && empty(i)) {
            i++;
        }
        return i;
    }

    private SourceLocation at(int line, int p) {
        return SourceLocation.of(shown, line + 1, p - lineStart[line] + 1);
    }

    private boolean dashAt(int p, int end) {
        return p < end && s.charAt(p) == '-' && (p + 1 == end || s.charAt(p + 1) == ' ');
    }

    /** Skips spaces; then the line must end or hold only a comment. Moves to the next line. */
    private void endOfLine() {
        int e = lineEnd[ln];
        int p = pos;
        while (p < e && s.charAt(p) == ' ') {
            p++;
        }
        if (p < e && (s.charAt(p) != '#' || p == pos)) {
            throw decline();
        }
        ln++;
        pos = ln < lines ? lineStart[ln] : s.length();
    }

    private void moveTo(int line) {
        ln = line;
        pos = line < lines ? lineStart[line] + indent(line) : s.length();
    }

    // ---- block collections

    /** The block mapping or sequence at {@link #pos} (the first significant position of its first line). */
    private YamlNode block(int depth) {
        if (depth > MAX_DEPTH) {
            throw decline();
        }
        int column = pos - lineStart[ln];
        if (dashAt(pos, lineEnd[ln])) {
            return sequence(column, depth);
        }
        return mapping(column, depth);
    }

    private YamlNode.Mapping mapping(int indent, int depth) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        SourceLocation start = at(ln, pos);
        while (true) {
            int keyLine = ln;
            SourceLocation keyAt = at(ln, pos);
            String key = key();
            if (key == null || entries.containsKey(key)) {
                throw decline();
            }
            // pos is just after the ':'
            int colon = pos;
            YamlNode value = valueAfterColon(keyLine, colon, indent, depth);
            entries.put(key, value);
            keys.put(key, keyAt);
            int next = significant(ln);
            if (next == lines) {
                moveTo(next);
                break;
            }
            int ind = indent(next);
            if (ind < indent) {
                moveTo(next);
                break;
            }
            if (ind > indent) {
                throw decline();
            }
            moveTo(next);
            if (dashAt(pos, lineEnd[ln])) {
                throw decline();
            }
        }
        return new YamlNode.Mapping(entries, keys, start);
    }

    /** The value of a block mapping entry whose ':' ends just before {@link #pos}. */
    private YamlNode valueAfterColon(int keyLine, int afterColon, int indent, int depth) {
        int e = lineEnd[ln];
        int p = pos;
        while (p < e && s.charAt(p) == ' ') {
            p++;
        }
        if (p == e || s.charAt(p) == '#') {
            if (p < e && p == afterColon) {
                throw decline();
            }
            int next = significant(ln + 1);
            if (next < lines) {
                int ind = indent(next);
                if (ind > indent) {
                    moveTo(next);
                    return block(depth + 1);
                }
                if (ind == indent && dashAt(lineStart[next] + ind, lineEnd[next])) {
                    moveTo(next);
                    return sequence(indent, depth + 1);
                }
            }
            ln = keyLine + 1;
            pos = ln < lines ? lineStart[ln] : s.length();
            // Jackson, as Yaml's factory is built, gives an empty value as an empty text (not VALUE_NULL)
            return new YamlNode.Scalar("", YamlNode.Scalar.Kind.TEXT, at(keyLine, afterColon));
        }
        pos = p;
        char c = s.charAt(p);
        if (c == '>' || c == '|') {
            return blockScalar(indent);
        }
        YamlNode v = inline(depth + 1);
        endOfLine();
        return v;
    }

    /**
     * A block scalar ({@code >-}, {@code >}, {@code |-} or {@code |}, nothing else on its line) at {@link #pos},
     * the value of a key of a block mapping at {@code indent}; moves to the line after its last line. Declines
     * on an indentation indicator, keep chomping (+), a comment after the indicator, blank lines before the
     * first line, a blank line of more spaces than the indent, and (folded) a line indented more than the first.
     */
    private YamlNode blockScalar(int indent) {
        int e = lineEnd[ln];
        int p = pos;
        SourceLocation where = at(ln, p);
        boolean folded = s.charAt(p) == '>';
        p++;
        boolean strip = p < e && s.charAt(p) == '-';
        if (strip) {
            p++;
        }
        while (p < e && s.charAt(p) == ' ') {
            p++;
        }
        int first = ln + 1;
        if (p < e || first >= lines) {
            throw decline();
        }
        int blockIndent = indent(first);
        if (blockIndent == lineEnd[first] - lineStart[first] || blockIndent <= indent) {
            throw decline();
        }
        StringBuilder text = new StringBuilder();
        int last = -1;
        int blank = 0;
        int l = first;
        for (; l < lines; l++) {
            int length = lineEnd[l] - lineStart[l];
            int ind = indent(l);
            if (ind == length) {
                if (length > blockIndent) {
                    throw decline();
                }
                blank++;
                continue;
            }
            if (ind < blockIndent) {
                break;
            }
            if (ind > blockIndent && folded) {
                throw decline();
            }
            if (last >= 0) {
                if (folded && blank == 0) {
                    text.append(' ');
                } else {
                    text.append("\n".repeat(folded ? blank : blank + 1));
                }
            }
            blank = 0;
            text.append(s, lineStart[l] + blockIndent, lineEnd[l]);
            last = l;
        }
        if (!strip && lineEnd[last] < s.length()) {
            text.append('\n');
        }
        ln = last + 1;
        pos = ln < lines ? lineStart[ln] : s.length();
        return scalar(text.toString(), YamlNode.Scalar.Kind.TEXT, where);
    }

    private YamlNode.Sequence sequence(int indent, int depth) {
        List<YamlNode> items = new ArrayList<>();
        SourceLocation start = at(ln, pos);
        while (true) {
            int dash = pos;
            int e = lineEnd[ln];
            int p = dash + 1;
            if (p == e) {
                int next = significant(ln + 1);
                if (next < lines && indent(next) > indent) {
                    moveTo(next);
                    items.add(block(depth + 1));
                } else {
                    items.add(new YamlNode.Scalar("", YamlNode.Scalar.Kind.TEXT, at(ln, p)));
                    ln++;
                    pos = ln < lines ? lineStart[ln] : s.length();
                }
            } else {
                while (p < e && s.charAt(p) == ' ') {
                    p++;
                }
                if (p == e || s.charAt(p) == '#' || dashAt(p, e)) {
                    throw decline();
                }
                pos = p;
                if (entryAhead()) {
                    items.add(mapping(p - lineStart[ln], depth + 1));
                } else {
                    items.add(inline(depth + 1));
                    endOfLine();
                }
            }
            int next = significant(ln);
            if (next == lines) {
                moveTo(next);
                break;
            }
            int ind = indent(next);
            if (ind > indent) {
                throw decline();
            }
            moveTo(next);
            if (ind < indent || !dashAt(pos, lineEnd[ln])) {
                break;
            }
        }
        return new YamlNode.Sequence(items, start);
    }

    /** Whether a block mapping entry ({@code key: ...}) starts at {@link #pos}; does not move. */
    private boolean entryAhead() {
        int save = pos;
        int saveLine = ln;
        try {
            return key() != null;
        } finally {
            pos = save;
            ln = saveLine;
        }
    }

    /**
     * A block mapping key at {@link #pos} followed by ':' and a space or the end of the line; moves past the
     * ':'. Null if there is no key here (declines on a key it would not read as Jackson does).
     */
    private String key() {
        int e = lineEnd[ln];
        int p = pos;
        if (p >= e) {
            return null;
        }
        char c = s.charAt(p);
        String key;
        int after;
        if (c == '"' || c == '\'') {
            int[] end = new int[1];
            key = quoted(p, e, end);
            after = end[0];
            if (after >= e || s.charAt(after) != ':') {
                return null;
            }
        } else {
            if (!plainStart(p, e)) {
                return null;
            }
            int i = p;
            while (true) {
                if (i >= e) {
                    return null;
                }
                char d = s.charAt(i);
                if (d == ':' && (i + 1 == e || s.charAt(i + 1) == ' ')) {
                    break;
                }
                if (d == '#' && s.charAt(i - 1) == ' ') {
                    return null;
                }
                i++;
            }
            int end = i;
            while (s.charAt(end - 1) == ' ') {
                end--;
            }
            key = s.substring(p, end);
            after = i;
            if (key.charAt(0) == '<' || key.charAt(0) == '=') {
                throw decline();
            }
        }
        if (after + 1 < e && s.charAt(after + 1) != ' ') {
            return null;
        }
        if (after - p > MAX_KEY || key.length() > Limits.MAX_YAML_SCALAR) {
            throw decline();
        }
        pos = after + 1;
        return key;
    }

    /**
     * Whether a plain scalar may start at p in block context, by this reader: not at an indicator
     * ({@code -?:} only before a non-space, and only '-' of them taken).
     */
    private boolean plainStart(int p, int e) {
        char c = s.charAt(p);
        switch (c) {
            case '-':
                return p + 1 < e && s.charAt(p + 1) != ' ';
            case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
                return false;
            default:
                return true;
        }
    }

    // ---- values on one line

    /** A scalar or flow collection at {@link #pos}, on this line; moves past it. */
    private YamlNode inline(int depth) {
        int e = lineEnd[ln];
        int p = pos;
        char c = s.charAt(p);
        if (c == '[' || c == '{') {
            return flow(depth);
        }
        SourceLocation where = at(ln, p);
        if (c == '"' || c == '\'') {
            int[] end = new int[1];
            String text = quoted(p, e, end);
            pos = end[0];
            return scalar(text, YamlNode.Scalar.Kind.TEXT, where);
        }
        if (!plainStart(p, e)) {
            throw decline();
        }
        int i = p;
        while (i < e) {
            char d = s.charAt(i);
            if (d == ':' && (i + 1 == e || s.charAt(i + 1) == ' ')) {
                throw decline();
            }
            if (d == '#' && s.charAt(i - 1) == ' ') {
                break;
            }
            i++;
        }
        int end = i;
        while (s.charAt(end - 1) == ' ') {
            end--;
        }
        pos = end;
        String text = s.substring(p, end);
        return scalar(text, kind(text), where);
    }

    private static YamlNode.Scalar scalar(String text, YamlNode.Scalar.Kind kind, SourceLocation at) {
        if (text.length() > Limits.MAX_YAML_SCALAR) {
            throw decline();
        }
        return new YamlNode.Scalar(text, kind, at);
    }

    /** A flow sequence or mapping at {@link #pos}, closed on this line; moves past it. */
    private YamlNode flow(int depth) {
        if (depth > MAX_DEPTH) {
            throw decline();
        }
        int e = lineEnd[ln];
        SourceLocation where = at(ln, pos);
        boolean seq = s.charAt(pos) == '[';
        char close = seq ? ']' : '}';
        pos++;
        skipSpaces(e);
        List<YamlNode> items = new ArrayList<>();
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        if (pos < e && s.charAt(pos) == close) {
            pos++;
        } else {
            while (true) {
                if (pos >= e) {
                    throw decline();
                }
                if (seq) {
                    items.add(flowNode(depth + 1));
                } else {
                    SourceLocation keyAt = at(ln, pos);
                    YamlNode k = flowNode(depth + 1);
                    if (!(k instanceof YamlNode.Scalar ks) || pos + 1 >= e || s.charAt(pos) != ':' || s.charAt(pos + 1) != ' ') {
                        throw decline();
                    }
                    String key = ks.text();
                    if (entries.containsKey(key) || key.charAt(0) == '<' || key.charAt(0) == '=') {
                        throw decline();
                    }
                    pos++;
                    skipSpaces(e);
                    if (pos >= e) {
                        throw decline();
                    }
                    entries.put(key, flowNode(depth + 1));
                    keys.put(key, keyAt);
                }
                skipSpaces(e);
                if (pos >= e) {
                    throw decline();
                }
                char d = s.charAt(pos);
                if (d == close) {
                    pos++;
                    break;
                }
                if (d != ',') {
                    throw decline();
                }
                pos++;
                skipSpaces(e);
                if (pos < e && (s.charAt(pos) == close || s.charAt(pos) == ',')) {
                    throw decline();
                }
            }
        }
        return seq ? new YamlNode.Sequence(items, where) : new YamlNode.Mapping(entries, keys, where);
    }

    private void skipSpaces(int e) {
        while (pos < e && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** An item, key or value inside a flow collection; moves past it (trailing spaces of a plain one too). */
    private YamlNode flowNode(int depth) {
        int e = lineEnd[ln];
        int p = pos;
        char c = s.charAt(p);
        if (c == '[' || c == '{') {
            return flow(depth);
        }
        SourceLocation where = at(ln, p);
        if (c == '"' || c == '\'') {
            int[] end = new int[1];
            String text = quoted(p, e, end);
            pos = end[0];
            return scalar(text, YamlNode.Scalar.Kind.TEXT, where);
        }
        if (!plainStart(p, e)) {
            throw decline();
        }
        int i = p;
        while (i < e) {
            char d = s.charAt(i);
            if (d == ',' || d == ']' || d == '}') {
                break;
            }
            if (d == ':') {
                // "key: value" in a flow mapping; anything else with ':' goes to Jackson
                if (i + 1 < e && s.charAt(i + 1) == ' ') {
                    break;
                }
                throw decline();
            }
            if (d == '?' || d == '[' || d == '{' || d == '#') {
                throw decline();
            }
            i++;
        }
        if (i == e) {
            throw decline();
        }
        int end = i;
        while (end > p && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == p) {
            throw decline();
        }
        pos = i;
        String text = s.substring(p, end);
        return scalar(text, kind(text), where);
    }

    /**
     * A quoted scalar starting at p, closed on this line; end[0] is set to just after the closing quote.
     * Declines on an escape it does not read as SnakeYAML does.
     */
    private String quoted(int p, int e, int[] end) {
        char q = s.charAt(p);
        StringBuilder sb = null;
        int i = p + 1;
        int from = i;
        while (true) {
            if (i >= e) {
                throw decline();
            }
            char c = s.charAt(i);
            if (c == q) {
                if (q == '\'' && i + 1 < e && s.charAt(i + 1) == '\'') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(s, from, i + 1);
                    i += 2;
                    from = i;
                    continue;
                }
                break;
            }
            if (c == '\\' && q == '"') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s, from, i);
                if (i + 1 >= e) {
                    throw decline();
                }
                char x = s.charAt(i + 1);
                i += 2;
                switch (x) {
                    case '0' -> sb.append('\0');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 't' -> sb.append('\t');
                    case 'n' -> sb.append('\n');
                    case 'v' -> sb.append('\u000B');
                    case 'f' -> sb.append('\f');
                    case 'r' -> sb.append('\r');
                    case 'e' -> sb.append('\u001B');
                    case ' ' -> sb.append(' ');
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case 'N' -> sb.append('\u0085');
                    case '_' -> sb.append('\u00A0');
                    case 'L' -> sb.append('\u2028');
                    case 'P' -> sb.append('\u2029');
                    case 'x', 'u' -> {
                        int digits = x == 'x' ? 2 : 4;
                        if (i + digits > e) {
                            throw decline();
                        }
                        int v = 0;
                        for (int k = 0; k < digits; k++) {
                            int h = Character.digit(s.charAt(i + k), 16);
                            if (h < 0 || s.charAt(i + k) > 'f') {
                                throw decline();
                            }
                            v = v * 16 + h;
                        }
                        if (Character.isSurrogate((char) v)) {
                            throw decline();
                        }
                        sb.append((char) v);
                        i += digits;
                    }
                    default -> throw decline();
                }
                from = i;
                continue;
            }
            i++;
        }
        end[0] = i + 1;
        if (sb == null) {
            return s.substring(p + 1, i);
        }
        return sb.append(s, from, i).toString();
    }

    // ---- what a plain scalar is

    /**
     * The kind Jackson gives a plain scalar, where this reader is sure of it; declines otherwise. Jackson asks
     * SnakeYAML's resolver, which tries patterns chosen by the first character: yYnNtTfFoO (booleans),
     * ~nN (null), -+0-9 and '.' (integers, floats, dates), '<' (merge), !&* and '=' (YAML's own).
     */
    static YamlNode.Scalar.Kind kind(String t) {
        char c = t.charAt(0);
        if (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
            if (number(t)) {
                return YamlNode.Scalar.Kind.NUMBER;
            }
            for (int i = 0; i < t.length(); i++) {
                if (!numberish(t.charAt(i))) {
                    return YamlNode.Scalar.Kind.TEXT;
                }
            }
            throw decline();
        }
        switch (t) {
            case "true", "True", "TRUE", "false", "False", "FALSE":
                return YamlNode.Scalar.Kind.BOOLEAN;
            case "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
                    "null", "Null", "NULL", "~":
                throw decline();
            default:
                break;
        }
        if (c == '<' || c == '=' || c == '~' || c == '!' || c == '&' || c == '*' || c == '$') {
            throw decline();
        }
        return YamlNode.Scalar.Kind.TEXT;
    }

    /** {@code -?(0|[1-9][0-9]*)} or that with {@code .[0-9]+}, at most 18 digits before and after. */
    private static boolean number(String t) {
        int n = t.length();
        int i = t.charAt(0) == '-' ? 1 : 0;
        int a = i;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        int intDigits = i - a;
        if (intDigits == 0 || intDigits > MAX_NUMBER_DIGITS || intDigits > 1 && t.charAt(a) == '0') {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (t.charAt(i) != '.') {
            return false;
        }
        int b = ++i;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i == n && i > b && i - b <= MAX_NUMBER_DIGITS;
    }

    /** The characters SnakeYAML's integer, float and timestamp patterns are made of. */
    private static boolean numberish(char c) {
        return c >= '0' && c <= '9' || "-+._: eEbBxXoOabcdefABCDEFinftINFTZ".indexOf(c) >= 0;
    }
}
