package dev.crossfoot.result;

import java.util.Objects;

/**
 * What a narrative check is about, as the report shows it: the sentence of the announcement that printed the
 * figure, where it is, and the words the figure was matched to its table row on.
 *
 * @param document the announcement the sentence is in
 * @param line     its document line (in a PDF, counted over all pages)
 * @param at       where that is, as a reader finds it: "98" in a text, "page 3, line 12" in a PDF
 * @param sentence the sentence as printed
 * @param words    the words the figure was matched on ("Traditional AI business"), and its period
 */
public record Narrated(String document, int line, String at, String sentence, String words) {

    public Narrated {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(words, "words");
    }

    /** "sensetime.txt:98" or "x.pdf page 3, line 12": where a reader finds the sentence. */
    public String where() {
        return at.startsWith("page") ? document + " " + at : document + ":" + at;
    }

    /** The sentence cut to {@code width} characters, ending in an ellipsis when cut, around {@code figure}. */
    public String sentence(int width, String figure) {
        String s = sentence.replaceAll("\\s+", " ").strip();
        if (s.length() <= width) {
            return s;
        }
        int w = Math.max(width, 8);
        int at = figure == null ? -1 : s.indexOf(figure);
        int from = at < 0 ? 0 : Math.max(0, Math.min(at - w / 2, s.length() - (w - 1)));
        String cut = s.substring(from, Math.min(s.length(), from + w - (from > 0 ? 2 : 1)));
        return (from > 0 ? "…" : "") + cut + "…";
    }
}
