package dev.crossfoot.model;

/**
 * Text that came from the input, made safe to print on a terminal, in a CI log or in a one-line message:
 * control characters and escape sequences shown escaped ({@code \x1b}, {@code \n}, {@code \r}, {@code \t}),
 * invisible and bidirectional characters (format characters such as U+200F, U+200B, U+202E, a BOM inside the
 * text, and line or paragraph separators) shown as their code point ({@code <U+200F>}), so that nothing from
 * the input can move the cursor, recolour the screen, start a new line, reorder what follows, or look
 * identical to a different label. A label quoted in a message is cut at {@value #QUOTE_LIMIT} characters.
 */
public final class Printable {

    /** The most characters of one quoted piece of input a message shows. */
    public static final int QUOTE_LIMIT = 200;
    /** The most characters of one stderr line. */
    public static final int LINE_LIMIT = 4000;

    private Printable() {
    }

    /** {@code s} on one line with nothing that a terminal or a reader would take for something else. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        if (clean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> append(b, c));
        return b.toString();
    }

    /** {@code s} as {@link #text}, cut at {@value #QUOTE_LIMIT} characters (saying how many more there were). */
    public static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.length() <= QUOTE_LIMIT) {
            return text(s);
        }
        int end = Character.isHighSurrogate(s.charAt(QUOTE_LIMIT - 1)) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
        return text(s.substring(0, end)) + "… (" + (s.length() - end) + " more characters)";
    }

    /** {@code 'quote(s)'}. */
    public static String quoted(String s) {
        return "'" + quote(s) + "'";
    }

    /** A whole message line as {@link #text}, cut at {@value #LINE_LIMIT} characters. */
    public static String line(String s) {
        if (s == null) {
            return "";
        }
        if (s.length() <= LINE_LIMIT) {
            return text(s);
        }
        int end = Character.isHighSurrogate(s.charAt(LINE_LIMIT - 1)) ? LINE_LIMIT - 1 : LINE_LIMIT;
        return text(s.substring(0, end)) + "… (" + (s.length() - end) + " more characters)";
    }

    /**
     * A line of a report that is not a GitHub Actions workflow command: a line whose first visible characters are
     * {@code ::} gets its first colon shown as {@code \x3a}.
     */
    public static String notACommand(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.startsWith("::", i) ? line.substring(0, i) + "\\x3a" + line.substring(i + 1) : line;
    }

    private static final java.util.regex.Pattern CONSTRAINT =
            java.util.regex.Pattern.compile("\\(([0-9,]+), from `StreamReadConstraints\\.[^`]*`\\)");
    private static final java.util.regex.Pattern QUALIFIED =
            java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}([A-Z][A-Za-z0-9_$]*)");
    private static final java.util.regex.Pattern EXCEPTION = java.util.regex.Pattern.compile("\\b([A-Z][A-Za-z]*)Exception\\b");

    /**
     * A library's message in crossfoot's words: no Java class names (a parser's {@code SequenceStartEvent} is
     * "a list", {@code NumberFormatException} is "not a number"), no pointers into a library's configuration
     * ({@code StreamReadConstraints}).
     */
    public static String plainWords(String s) {
        if (s == null || s.indexOf('.') < 0 && !s.contains("Exception")) {
            return s;
        }
        String out = CONSTRAINT.matcher(s).replaceAll("(at most $1)");
        out = QUALIFIED.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(word(m.group(1))));
        return EXCEPTION.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(word(m.group(0))));
    }

    private static String word(String simpleName) {
        return switch (simpleName) {
            case "SequenceStartEvent" -> "a list";
            case "SequenceEndEvent" -> "the end of a list";
            case "MappingStartEvent" -> "a mapping";
            case "MappingEndEvent" -> "the end of a mapping";
            case "ScalarEvent" -> "a value";
            case "AliasEvent" -> "an alias";
            case "DocumentStartEvent" -> "a new document";
            case "DocumentEndEvent" -> "the end of the document";
            case "StreamEndEvent" -> "the end of the file";
            case "NumberFormatException" -> "not a number";
            default -> simpleName.replaceAll("(Exception|Event)$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && !(c >= 0xa0 && c < 0xad) && !safeAbove(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean safeAbove(char c) {
        if (c < 0xa0 || Character.isSurrogate(c)) {
            return false;
        }
        return !unsafe(c);
    }

    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    private static void append(StringBuilder b, int c) {
        switch (c) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                    b.append(String.format("\\x%02x", c));
                } else if (unsafe(c)) {
                    b.append(String.format("<U+%04X>", c));
                } else {
                    b.appendCodePoint(c);
                }
            }
        }
    }
}
