package dev.crossfoot.parse;

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
 * one-line flow sequences and flow mappings, nested; one-line scalars in "quotes" (YAML's escapes but
 * {@code \U}), or 'apostrophes', plain scalars on one line; block scalars {@code >-}, {@code >},
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

    private final char[] ch;
    private final String shown;
    private final int[] lineStart;
    private final int[] lineEnd;
    private final int lines;
    /** The line the reader is on, and the position in the text (within that line). */
    private int ln;
    private int pos;

    private YamlSubset(char[] ch, String shown, int[] lineStart, int[] lineEnd, int lines) {
        this.ch = ch;
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
        // an array, not String.charAt: in a cold JVM this runs interpreted, where each charAt is several calls
        char[] ch = text.toCharArray();
        int n = ch.length;
        int count = 1;
        for (int i = 0; i < n; i++) {
            char c = ch[i];
            if (c == '\n') {
                count++;
            } else if (c < 0x20 || c >= 0x7F && !YamlLine.plain(c)) {
                return null;
            }
        }
        int[] starts = new int[count];
        int[] ends = new int[count];
        int l = 0;
        for (int i = 0; i < n; i++) {
            if (ch[i] == '\n') {
                ends[l++] = i;
                starts[l] = i + 1;
            }
        }
        ends[l] = n;
        try {
            return new YamlSubset(ch, shown, starts, ends, count).document();
        } catch (YamlLine.Decline d) {
            return null;
        }
    }

    private YamlNode document() {
        for (int i = 0; i < lines; i++) {
            int a = lineStart[i];
            int e = lineEnd[i];
            if (e > a && (ch[a] == '%' || marker(a, e, '-') || marker(a, e, '.'))) {
                throw YamlLine.decline();
            }
        }
        int first = significant(0);
        if (first == lines || indent(first) != 0) {
            throw YamlLine.decline();
        }
        ln = first;
        pos = lineStart[first];
        YamlNode root = block(1);
        if (significant(ln) != lines) {
            throw YamlLine.decline();
        }
        return root;
    }

    /** Whether a line starting at a (and ending at e) starts with three of c ("---", "..."). */
    private boolean marker(int a, int e, char c) {
        return e - a >= 3 && ch[a] == c && ch[a + 1] == c && ch[a + 2] == c;
    }

    // ---- lines

    private int indent(int line) {
        int a = lineStart[line];
        int e = lineEnd[line];
        int i = a;
        while (i < e && ch[i] == ' ') {
            i++;
        }
        return i - a;
    }

    /** Whether a line holds nothing but spaces and perhaps a comment. */
    private boolean empty(int line) {
        int i = lineStart[line] + indent(line);
        return i == lineEnd[line] || ch[i] == '#';
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
        return p < end && ch[p] == '-' && (p + 1 == end || ch[p + 1] == ' ');
    }

    /** Skips spaces; then the line must end or hold only a comment. Moves to the next line. */
    private void endOfLine() {
        int e = lineEnd[ln];
        int p = pos;
        while (p < e && ch[p] == ' ') {
            p++;
        }
        if (p < e && (ch[p] != '#' || p == pos)) {
            throw YamlLine.decline();
        }
        ln++;
        pos = ln < lines ? lineStart[ln] : ch.length;
    }

    private void moveTo(int line) {
        ln = line;
        pos = line < lines ? lineStart[line] + indent(line) : ch.length;
    }

    // ---- block collections

    /** The block mapping or sequence at {@link #pos} (the first significant position of its first line). */
    private YamlNode block(int depth) {
        if (depth > YamlLine.MAX_DEPTH) {
            throw YamlLine.decline();
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
            YamlLine l = here();
            String key = l.key();
            if (key == null || entries.containsKey(key)) {
                throw YamlLine.decline();
            }
            pos = l.pos; // just after the ':'
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
                throw YamlLine.decline();
            }
            moveTo(next);
            if (dashAt(pos, lineEnd[ln])) {
                throw YamlLine.decline();
            }
        }
        return new YamlNode.Mapping(entries, keys, start);
    }

    /** The value of a block mapping entry whose ':' ends just before {@link #pos}. */
    private YamlNode valueAfterColon(int keyLine, int afterColon, int indent, int depth) {
        int e = lineEnd[ln];
        int p = pos;
        while (p < e && ch[p] == ' ') {
            p++;
        }
        if (p == e || ch[p] == '#') {
            if (p < e && p == afterColon) {
                throw YamlLine.decline();
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
            pos = ln < lines ? lineStart[ln] : ch.length;
            // Jackson, as Yaml's factory is built, gives an empty value as an empty text (not VALUE_NULL)
            return new YamlNode.Scalar("", YamlNode.Scalar.Kind.TEXT, at(keyLine, afterColon));
        }
        pos = p;
        char c = ch[p];
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
        boolean folded = ch[p] == '>';
        p++;
        boolean strip = p < e && ch[p] == '-';
        if (strip) {
            p++;
        }
        while (p < e && ch[p] == ' ') {
            p++;
        }
        int first = ln + 1;
        if (p < e || first >= lines) {
            throw YamlLine.decline();
        }
        int blockIndent = indent(first);
        if (blockIndent == lineEnd[first] - lineStart[first] || blockIndent <= indent) {
            throw YamlLine.decline();
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
                    throw YamlLine.decline();
                }
                blank++;
                continue;
            }
            if (ind < blockIndent) {
                break;
            }
            if (ind > blockIndent && folded) {
                throw YamlLine.decline();
            }
            if (last >= 0) {
                if (folded && blank == 0) {
                    text.append(' ');
                } else {
                    text.append("\n".repeat(folded ? blank : blank + 1));
                }
            }
            blank = 0;
            text.append(ch, lineStart[l] + blockIndent, lineEnd[l] - lineStart[l] - blockIndent);
            last = l;
        }
        if (!strip && lineEnd[last] < ch.length) {
            text.append('\n');
        }
        ln = last + 1;
        pos = ln < lines ? lineStart[ln] : ch.length;
        return YamlLine.scalar(text.toString(), YamlNode.Scalar.Kind.TEXT, where);
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
                    pos = ln < lines ? lineStart[ln] : ch.length;
                }
            } else {
                while (p < e && ch[p] == ' ') {
                    p++;
                }
                if (p == e || ch[p] == '#' || dashAt(p, e)) {
                    throw YamlLine.decline();
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
                throw YamlLine.decline();
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
        return here().key() != null;
    }

    /** A reader of the rest of the current line, from {@link #pos}. */
    private YamlLine here() {
        return new YamlLine(ch, shown, ln, lineStart[ln], lineEnd[ln], pos);
    }

    /** A value written on the current line at {@link #pos}; moves past it. */
    private YamlNode inline(int depth) {
        YamlLine l = here();
        YamlNode v = l.inline(depth);
        pos = l.pos;
        return v;
    }
}
