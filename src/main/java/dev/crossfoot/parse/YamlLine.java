package dev.crossfoot.parse;

import dev.crossfoot.model.Limits;
import dev.crossfoot.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link YamlSubset} reads within one line: a block mapping's key, and a value written on the line (a
 * quoted or plain scalar, or a flow collection), with the kind Jackson gives a plain scalar. Declines (throws
 * {@link Decline}) on anything it does not read exactly as Jackson does.
 */
final class YamlLine {

    /** Below Yaml's nesting limit (50), so a document near the limit goes to Jackson, which enforces it. */
    static final int MAX_DEPTH = 40;
    /** SnakeYAML's limit for a simple key is 1024 characters; longer keys go to Jackson. */
    private static final int MAX_KEY = 1000;
    private static final int MAX_NUMBER_DIGITS = 18;

    /** Thrown to decline; no stack trace (it is not an error, the full parser takes over). */
    static final class Decline extends RuntimeException {
        private static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private final char[] ch;
    private final String shown;
    /** The line (0-based), where it starts and ends in the text, and the position read up to. */
    private final int line;
    private final int start;
    private final int end;
    int pos;

    YamlLine(char[] ch, String shown, int line, int start, int end, int pos) {
        this.ch = ch;
        this.shown = shown;
        this.line = line;
        this.start = start;
        this.end = end;
        this.pos = pos;
    }

    /**
     * Characters this reader takes: printable ones but tab, carriage return, NEL, line and paragraph
     * separators, BOM, surrogates (columns would count code points) and U+FFFE/U+FFFF.
     */
    static boolean plain(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return true;
        }
        return c >= 0xA0 && c != 0x2028 && c != 0x2029 && !Character.isSurrogate(c) && c != 0xFEFF && c < 0xFFFE;
    }

    static Decline decline() {
        return Decline.INSTANCE;
    }

    private SourceLocation at(int p) {
        return SourceLocation.of(shown, line + 1, p - start + 1);
    }

    /**
     * A block mapping key at {@link #pos} followed by ':' and a space or the end of the line; moves past the
     * ':'. Null if there is no key here (declines on a key it would not read as Jackson does).
     */
    String key() {
        int e = end;
        int p = pos;
        if (p >= e) {
            return null;
        }
        char c = ch[p];
        String key;
        int after;
        if (c == '"' || c == '\'') {
            int[] close = new int[1];
            key = quoted(p, e, close);
            after = close[0];
            if (after >= e || ch[after] != ':') {
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
                char d = ch[i];
                if (d == ':' && (i + 1 == e || ch[i + 1] == ' ')) {
                    break;
                }
                if (d == '#' && ch[i - 1] == ' ') {
                    return null;
                }
                i++;
            }
            int end = i;
            while (ch[end - 1] == ' ') {
                end--;
            }
            key = new String(ch, p, end - p);
            after = i;
            if (key.charAt(0) == '<' || key.charAt(0) == '=') {
                throw decline();
            }
        }
        if (after + 1 < e && ch[after + 1] != ' ') {
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
        char c = ch[p];
        switch (c) {
            case '-':
                return p + 1 < e && ch[p + 1] != ' ';
            case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
                return false;
            default:
                return true;
        }
    }

    // ---- values on one line

    /** A scalar or flow collection at {@link #pos}, on this line; moves past it. */
    YamlNode inline(int depth) {
        int e = end;
        int p = pos;
        char c = ch[p];
        if (c == '[' || c == '{') {
            return flow(depth);
        }
        SourceLocation where = at(p);
        if (c == '"' || c == '\'') {
            int[] close = new int[1];
            String text = quoted(p, e, close);
            pos = close[0];
            return scalar(text, YamlNode.Scalar.Kind.TEXT, where);
        }
        if (!plainStart(p, e)) {
            throw decline();
        }
        int i = p;
        while (i < e) {
            char d = ch[i];
            if (d == ':' && (i + 1 == e || ch[i + 1] == ' ')) {
                throw decline();
            }
            if (d == '#' && ch[i - 1] == ' ') {
                break;
            }
            i++;
        }
        int end = i;
        while (ch[end - 1] == ' ') {
            end--;
        }
        pos = end;
        String text = new String(ch, p, end - p);
        return scalar(text, kind(text), where);
    }

    static YamlNode.Scalar scalar(String text, YamlNode.Scalar.Kind kind, SourceLocation at) {
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
        int e = end;
        SourceLocation where = at(pos);
        boolean seq = ch[pos] == '[';
        char close = seq ? ']' : '}';
        pos++;
        skipSpaces(e);
        List<YamlNode> items = new ArrayList<>();
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        if (pos < e && ch[pos] == close) {
            pos++;
        } else {
            while (true) {
                if (pos >= e) {
                    throw decline();
                }
                if (seq) {
                    items.add(flowNode(depth + 1));
                } else {
                    SourceLocation keyAt = at(pos);
                    YamlNode k = flowNode(depth + 1);
                    if (!(k instanceof YamlNode.Scalar ks) || pos + 1 >= e || ch[pos] != ':' || ch[pos + 1] != ' ') {
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
                char d = ch[pos];
                if (d == close) {
                    pos++;
                    break;
                }
                if (d != ',') {
                    throw decline();
                }
                pos++;
                skipSpaces(e);
                if (pos < e && (ch[pos] == close || ch[pos] == ',')) {
                    throw decline();
                }
            }
        }
        return seq ? new YamlNode.Sequence(items, where) : new YamlNode.Mapping(entries, keys, where);
    }

    private void skipSpaces(int e) {
        while (pos < e && ch[pos] == ' ') {
            pos++;
        }
    }

    /** An item, key or value inside a flow collection; moves past it (trailing spaces of a plain one too). */
    private YamlNode flowNode(int depth) {
        int e = end;
        int p = pos;
        char c = ch[p];
        if (c == '[' || c == '{') {
            return flow(depth);
        }
        SourceLocation where = at(p);
        if (c == '"' || c == '\'') {
            int[] close = new int[1];
            String text = quoted(p, e, close);
            pos = close[0];
            return scalar(text, YamlNode.Scalar.Kind.TEXT, where);
        }
        if (!plainStart(p, e)) {
            throw decline();
        }
        int i = p;
        while (i < e) {
            char d = ch[i];
            if (d == ',' || d == ']' || d == '}') {
                break;
            }
            if (d == ':') {
                // "key: value" in a flow mapping; anything else with ':' goes to Jackson
                if (i + 1 < e && ch[i + 1] == ' ') {
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
        while (end > p && ch[end - 1] == ' ') {
            end--;
        }
        if (end == p) {
            throw decline();
        }
        pos = i;
        String text = new String(ch, p, end - p);
        return scalar(text, kind(text), where);
    }

    /**
     * A quoted scalar starting at p, closed on this line; end[0] is set to just after the closing quote.
     * Declines on an escape it does not read as SnakeYAML does.
     */
    private String quoted(int p, int e, int[] end) {
        char q = ch[p];
        StringBuilder sb = null;
        int i = p + 1;
        int from = i;
        while (true) {
            if (i >= e) {
                throw decline();
            }
            char c = ch[i];
            if (c == q) {
                if (q == '\'' && i + 1 < e && ch[i + 1] == '\'') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(ch, from, i + 1 - from);
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
                sb.append(ch, from, i - from);
                if (i + 1 >= e) {
                    throw decline();
                }
                char x = ch[i + 1];
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
                            int h = Character.digit(ch[i + k], 16);
                            if (h < 0 || ch[i + k] > 'f') {
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
            return new String(ch, p + 1, i - (p + 1));
        }
        return sb.append(ch, from, i - from).toString();
    }

    // ---- what a plain scalar is

    /**
     * The kind Jackson gives a plain scalar, where this reader is sure of it; declines otherwise. Jackson asks
     * SnakeYAML's resolver, which tries patterns chosen by the first character: yYnNtTfFoO (booleans),
     * ~nN (null), -+0-9 and '.' (integers, real numbers, dates), '<' (merge), !&* and '=' (YAML's own).
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

    /** The characters SnakeYAML's integer, real-number and timestamp patterns are made of. */
    private static boolean numberish(char c) {
        return c >= '0' && c <= '9' || "-+._: eEbBxXoOabcdefABCDEFinftINFTZ".indexOf(c) >= 0;
    }
}
