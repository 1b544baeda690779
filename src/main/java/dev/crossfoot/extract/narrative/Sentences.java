package dev.crossfoot.extract.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of an announcement's prose: lines outside the tables joined into paragraphs (a PDF wraps a
 * paragraph over several lines; a text gives it one), then cut at a full stop, question or exclamation mark
 * followed by a capital, a quote or a bracket, but not after an abbreviation ("Co.", "Ltd.", "i.e.") or inside a
 * figure ("3,405.8"). Each sentence keeps the document line of each of its characters.
 */
final class Sentences {

    /** One prose line as the block finder left it: its document line and its text. */
    record Prose(int line, String text) {
    }

    /** A sentence, with the document line each of its characters was printed on. */
    record Sentence(String text, int[] lines) {
        int lineAt(int offset) {
            return lines[Math.max(0, Math.min(offset, lines.length - 1))];
        }
    }

    private static final Pattern END = Pattern.compile("[.!?。](?=[\"”’)]?\\s+[\"“‘(\\[A-Z\\p{IsHan}])");
    private static final Set<String> ABBREVIATIONS = Set.of("co", "ltd", "inc", "no", "nos", "i.e", "e.g", "approx",
            "mr", "mrs", "ms", "dr", "st", "vs", "etc", "corp", "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "u.s", "p.r.c", "hk", "para", "art", "sec", "fig", "incl");
    /** A heading line of a laid-out document: short, without a closing stop. */
    private static final int HEADING_MAX = 60;

    private Sentences() {
    }

    /** The sentences of the prose, in order. {@code laidOut}: lines of a PDF, which wrap paragraphs. */
    static List<Sentence> of(List<Prose> prose, boolean laidOut) {
        List<Sentence> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        List<Integer> lines = new ArrayList<>();
        int previous = -10;
        String previousText = "";
        for (Prose p : prose) {
            String t = p.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            boolean joins = laidOut && p.line() == previous + 1 && para.length() > 0
                    && !endsParagraph(previousText);
            if (!joins) {
                split(para, lines, out);
                para.setLength(0);
                lines.clear();
            } else {
                para.append(' ');
                lines.add(p.line());
            }
            for (int i = 0; i < t.length(); i++) {
                lines.add(p.line());
            }
            para.append(t);
            previous = p.line();
            previousText = t;
        }
        split(para, lines, out);
        return out;
    }

    /** Whether a laid-out line ends its paragraph: a heading (short) or a line ending in a colon or semicolon. */
    private static boolean endsParagraph(String line) {
        char last = line.charAt(line.length() - 1);
        return last == ':' || last == ';' || line.length() < HEADING_MAX;
    }

    private static void split(StringBuilder para, List<Integer> lines, List<Sentence> out) {
        if (para.length() == 0) {
            return;
        }
        String text = para.toString();
        int start = 0;
        Matcher m = END.matcher(text);
        while (m.find()) {
            int end = m.end();
            if (abbreviation(text, m.start())) {
                continue;
            }
            add(text, lines, start, end, out);
            start = end;
        }
        add(text, lines, start, text.length(), out);
    }

    private static boolean abbreviation(String text, int stop) {
        int w = stop;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, stop).toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(text.charAt(w)));
    }

    private static void add(String text, List<Integer> lines, int from, int to, List<Sentence> out) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from >= to) {
            return;
        }
        int[] at = new int[to - from];
        for (int i = from; i < to; i++) {
            at[i - from] = lines.get(Math.min(i, lines.size() - 1));
        }
        out.add(new Sentence(text.substring(from, to), at));
    }
}
