package dev.crossfoot.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The titles stage: a table's id and title from the note and sub-heading it stands under, or outside the notes
 * from the heading above it or the statement's title; tables that share an id are told apart by period, then by
 * their label column's heading, then by their first row.
 */
final class Titles {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "as", "at", "for", "from",
            "on", "or", "that", "the", "to", "was", "were", "which", "with", "is", "are", "our", "its", "no");
    private static final Set<String> CONNECTORS = Set.of("of", "by", "and", "in");
    private static final Pattern YEAR = Parts.YEAR;

    /** A table's id and title, before tables that share them are told apart. */
    record Named(String id, String title) {
    }

    static Named name(Block.Context ctx, Parsed p) {
        String prefix;
        String title;
        String words;
        if (!ctx.note().isEmpty()) {
            prefix = "note-" + ctx.note() + ctx.sub();
            String t = ctx.subTitle().isEmpty() ? titleCase(ctx.noteTitle()) : ctx.subTitle();
            title = "Note " + ctx.note() + (ctx.sub().isEmpty() ? "" : "(" + ctx.sub().replace("-", ")(") + ")") + " – " + t;
            words = t;
        } else {
            String h = !ctx.heading().isEmpty() ? ctx.heading() : ctx.part();
            prefix = "";
            title = ctx.part().isEmpty() || h.equals(ctx.part()) ? titleCase(h) : titleCase(ctx.part()) + " – " + h;
            words = statementWords(h);
        }
        String slug = slug(words);
        String id = prefix.isEmpty() ? slug : slug.isEmpty() ? prefix : prefix + "-" + slug;
        if (id.isEmpty()) {
            id = "table-" + p.block().first();
        } else if (!Character.isLetter(id.charAt(0))) {
            id = "table-" + id;
        }
        return new Named(id, title);
    }

    private static String statementWords(String heading) {
        String h = heading.replaceFirst("(?i)^consolidated\\s+", "").replaceFirst("(?i)^statements?\\s+of\\s+", "");
        return h;
    }

    private static String slug(String words) {
        return slug(words, 4);
    }

    /** Lower-case words joined by hyphens: at most {@code max} words that say something, and the connectors between them. */
    private static String slug(String words, int max) {
        List<String> kept = new ArrayList<>();
        for (String w : words.toLowerCase(Locale.ROOT).replaceAll("[“”\"'’(),.:;*]", " ").split("[\\s/–—\\-]+")) {
            if (w.isEmpty() || STOP_WORDS.contains(w)) {
                continue;
            }
            kept.add(w.replaceAll("[^a-z0-9&]", "").replace("&", "and"));
            if (kept.stream().filter(k -> !CONNECTORS.contains(k)).count() == max) {
                break;
            }
        }
        kept.removeIf(String::isEmpty);
        while (!kept.isEmpty() && CONNECTORS.contains(kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        return String.join("-", kept);
    }

    private static final Pattern MONTH = Pattern.compile(
            "\\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b");

    static String titleCase(String text) {
        if (text.isEmpty() || !text.equals(text.toUpperCase(Locale.ROOT))) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = MONTH.matcher(lower);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Character.toUpperCase(m.group().charAt(0)) + m.group().substring(1));
        }
        m.appendTail(b);
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    /** The period a table is about, to tell apart two tables with the same title: from its header or first row. */
    private static String tablePeriod(Parsed p, Header.Columns cols) {
        Matcher m = YEAR.matcher(cols.labelHeading());
        if (m.find()) {
            return m.group();
        }
        if (cols.periods().size() == 1) {
            return cols.periods().get(0);
        }
        for (Line l : p.data()) {
            Matcher y = YEAR.matcher(l.cell(0));
            if (y.find()) {
                return y.group();
            }
            if (!l.blankExceptLabel()) {
                break;
            }
        }
        return "";
    }

    /**
     * Gives tables that share an id a qualifier: their period where that tells them apart ("-2023"), else the
     * heading of their label column with the period, else the first row's label; the first keeps the plain id
     * only when nothing else tells them apart.
     */
    void disambiguate(List<Extraction.Table> tables) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            byId.computeIfAbsent(tables.get(i).id(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : byId.entrySet()) {
            List<Integer> at = e.getValue();
            if (at.size() < 2) {
                continue;
            }
            List<String> chosen = null;
            List<String> shown = null;
            boolean byFirstRow = false;
            for (int kind = 0; kind < 3 && chosen == null; kind++) {
                byFirstRow = kind == 2;
                List<String> q = new ArrayList<>();
                for (int i : at) {
                    q.add(qualifiers.get(tables.get(i).firstLine()).slug(kind));
                }
                if (!q.contains("") && new LinkedHashSet<>(q).size() == q.size()) {
                    chosen = q;
                    shown = new ArrayList<>();
                    for (int i : at) {
                        shown.add(qualifiers.get(tables.get(i).firstLine()).shown(kind));
                    }
                }
            }
            for (int k = 0; k < at.size(); k++) {
                Extraction.Table t = tables.get(at.get(k));
                boolean plain = k == 0 && (chosen == null || byFirstRow);
                String id = plain ? t.id() : chosen != null ? t.id() + "-" + chosen.get(k) : t.id() + "-" + (k + 1);
                String title = plain || shown == null ? t.title() : t.title() + " (" + shown.get(k) + ")";
                tables.set(at.get(k), new Extraction.Table(id, title, t.role(), t.firstLine(), t.lastLine(), t.unit(),
                        t.columns(), t.columnUnits(), t.rowUnits(), t.rows()));
            }
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "-" + b;
    }

    private static final Pattern LABEL_HEADING_DATE = Pattern.compile("(?i)(?:as\\s+)?at\\s+\\S+\\s+\\d+,?\\s+\\d{4}");

    /** Per table (by first line): what can tell it apart from tables under the same heading. */
    private final Map<Integer, Qualifiers> qualifiers = new HashMap<>();

    /** Notes what can tell this table apart from others under the same heading (its period, label heading, first row). */
    void remember(Parsed p, Header.Columns cols) {
        String period = tablePeriod(p, cols);
        if (period.isEmpty()) {
            List<String> text = p.block().context().textSince();
            Matcher y = YEAR.matcher(text.isEmpty() ? "" : text.get(text.size() - 1));
            period = y.find() ? y.group() : "";
        }
        String firstLabel = p.data().isEmpty() ? "" : p.data().get(0).cell(0);
        String labelHeading = LABEL_HEADING_DATE.matcher(cols.labelHeading()).replaceAll("").strip();
        qualifiers.put(p.block().first(), new Qualifiers(period, labelHeading, firstLabel));
    }

    /** What can tell apart tables under one heading: kind 0 the period, 1 the label column's heading and the period, 2 the first row. */
    private record Qualifiers(String period, String labelHeading, String firstLabel) {
        String slug(int kind) {
            return kind == 0 ? period : kind == 1 ? join(Titles.slug(labelHeading), period) : Titles.slug(firstLabel, 3);
        }

        String shown(int kind) {
            return kind == 0 ? period : kind == 1 ? (labelHeading + " " + period).strip() : firstLabel;
        }
    }
}
