package dev.crossfoot.render;

import java.util.ArrayList;
import java.util.List;

/**
 * How wide text is on a terminal, in columns: East Asian wide and full-width characters take two, combining marks
 * and zero-width characters none, everything else one. Lays out the text report: cuts labels to a width, wraps
 * prose at spaces.
 */
final class Width {

    private Width() {
    }

    /** The columns {@code s} takes on a terminal. */
    static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    static int of(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    /** East Asian Wide (W) and Fullwidth (F) ranges, as terminals draw them. */
    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** {@code s} in at most {@code max} columns: whole when it fits, else cut, ending in an ellipsis. */
    static String cut(String s, int max) {
        if (of(s) <= max) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = of(cp);
            if (w + cw > max - 1) {
                break;
            }
            out.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /** {@code s} in at most {@code max} columns, cut at its start (for paths: the end names the file). */
    static String cutStart(String s, int max) {
        if (of(s) <= max) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int i = s.length(); i > 0; ) {
            int cp = s.codePointBefore(i);
            int cw = of(cp);
            if (w + cw > max - 1) {
                break;
            }
            out.insert(0, Character.toChars(cp));
            w += cw;
            i -= Character.charCount(cp);
        }
        return "…" + out;
    }

    /** {@code s} padded with spaces on the right to {@code w} columns. */
    static String pad(String s, int w) {
        int n = of(s);
        return n >= w ? s : s + " ".repeat(w - n);
    }

    /** {@code s} padded with spaces on the left to {@code w} columns. */
    static String lpad(String s, int w) {
        int n = of(s);
        return n >= w ? s : " ".repeat(w - n) + s;
    }

    /**
     * {@code text} wrapped at spaces into lines of at most {@code width} columns, the first starting with
     * {@code first}, the others with {@code rest}. A word wider than a line is never cut: it has a line of its own.
     */
    static List<String> wrap(String text, String first, String rest, int width) {
        return wrap(List.of(text.strip().split(" +")), first, rest, width);
    }

    /**
     * {@code chunks}, separated by spaces, wrapped into lines of at most {@code width} columns between chunks only;
     * the first line starts with {@code first}, the others with {@code rest}. A chunk wider than a line has a line
     * of its own.
     */
    static List<String> wrap(List<String> chunks, String first, String rest, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int used = of(first);
        boolean empty = true;
        for (String word : chunks) {
            int w = of(word);
            if (!empty && used + 1 + w > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                used = of(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                used++;
            }
            line.append(word);
            used += w;
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }
}
