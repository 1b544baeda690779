package dev.crossfoot.extract.narrative;

import dev.crossfoot.model.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line items prose may name: the row labels of the announcement's tables (normalised as rules normalise
 * them, without note references), and a few common ways of naming them in prose ("loss" for "Loss for the year",
 * "total revenue" for "Revenue", "Generative AI revenue" for a revenue table's "Generative AI"). A match is the
 * longest such phrase, on word boundaries.
 */
final class Items {

    /** A phrase of a sentence naming a line item: where it stands, and the item (a normalised table label). */
    record Match(int start, int end, String item) {
    }

    /** Words that may stand between an item and its figure, or between two figures about one item. */
    static final Set<String> LINKS = Set.copyOf(List.of("to", "from", "by", "of", "was", "were", "is", "are", "amounted", "amounting", "reached", "reaching", "stood", "at", "increased", "decreased", "rose", "fell", "grew", "declined", "dropped", "decreasing", "increasing", "slightly", "significantly", "a", "an", "the", "in", "for", "year", "yoy", "compared", "with", "as", "representing", "had", "has", "have", "been", "approximately", "about", "over", "more", "than", "less", "exceeding", "exceed", "exceeded", "up", "down", "total", "our", "its", "we", "year-on-year", "year-over-year", "significant", "further", "realized", "realised", "recorded", "achieved", "achieving", "amounts", "amount", "business", "businesses", "segment", "increase", "decrease", "decline", "growth", "previous", "prior", "same", "period", "which", "totalled", "totaled", "ended", "december", "june", "march", "september", "31", "30", "on", "basis", "group's", "company's", "and", "remained", "respectively", "group", "company", "revenue", "revenues", "experienced"));
    /** Words that may stand between two figures about one item ("to", "in 2023, compared to"). */
    private static final Set<String> CHAIN = Set.copyOf(List.of("to", "from", "by", "compared", "with", "in", "for", "the", "year", "a", "an", "representing", "increase", "decrease", "increased", "decreased", "yoy", "of", "over", "previous", "prior", "same", "period", "as", "at", "ended", "december", "june", "31", "30", "or", "significant", "growth", "decline", "up", "down", "which", "is", "was", "and"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’$-]+|[,;:()]");
    private static final Pattern FIGURES = Pattern.compile(
            "(?:" + NarrativeReader.CURRENCY + ")?\\s?\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|million|billion|thousand)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAREN_WORD = Pattern.compile("\\((?:loss|profit|gain|losses)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTE = Pattern.compile("\\s*\\((?:note|notes)\\s[^)]*\\)|\\s*\\(\\w{1,4}\\)$|^\\(\\w{1,4}\\)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TOO_PLAIN = Set.of("total", "others", "other", "add", "less", "net", "subtotal",
            "amount", "amounts", "balance", "year", "nil", "sub-total", "total revenue");
    /** Prose names of items, to the labels they stand for. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "loss", List.of("loss for the year"),
            "net loss", List.of("loss for the year"),
            "profit", List.of("profit for the year"),
            "net profit", List.of("profit for the year"),
            "total revenue", List.of("revenue"),
            "revenues", List.of("revenue"),
            "total revenues", List.of("revenue"));

    /** Labels that are dates or balances at a date, not line items. */
    private static final Pattern DATED = Pattern.compile("(?:19|20)\\d\\d|^(?:as )?(?:at|of) |^(?:assets|liabilities|equity)$");
    /** Items too general to be named without a determiner: "our revenue", not "achieving revenue". */
    private static final Set<String> GENERAL = Set.of("revenue");
    private static final Set<String> DETERMINERS = Set.of("our", "total", "group's", "company's", "the", "its");

    private final Map<String, String> phrases = new LinkedHashMap<>();
    private final Map<String, String> shortened = new LinkedHashMap<>();
    /** "other losses-net", "finance income, net": prose says "net other losses". */
    private static final Pattern NET_AFTER = Pattern.compile("(.+?)\\s*(?:-|,)\\s*net");
    /**
     * The phrases by their first two characters, each list in the order they are tried: longest first, then in natural
     * order (as the alternation of one regular expression would try them, which this replaced: it tried every phrase
     * at every position of every sentence).
     */
    private final Map<Integer, List<String>> byStart = new HashMap<>();
    /** Every phrase, in the order they are tried at one start. */
    private final List<String> tried;

    Items(Collection<String> labels) {
        for (String label : labels) {
            String item = item(label);
            if (item.length() < 3 || TOO_PLAIN.contains(item) || DATED.matcher(item).find() || !item.matches(".*\\p{L}.*") || item.startsWith("-")
                    || item.endsWith(":") || item.length() > 90) {
                continue;
            }
            phrases.putIfAbsent(item, item);
            Matcher net = NET_AFTER.matcher(item);
            if (net.matches()) {
                phrases.putIfAbsent("net " + net.group(1), item);
            }
            int and = item.indexOf(" and ");
            if (and > 0 && item.substring(0, and).split(" ").length >= 4) {
                shortened.putIfAbsent(item.substring(0, and), item);
            }
            if (!item.endsWith("revenue") && !item.endsWith("expenses") && item.split(" ").length <= 3) {
                phrases.putIfAbsent(item + " revenue", item);
                phrases.putIfAbsent(item + " revenues", item);
                phrases.putIfAbsent(item + " business", item);
            }
        }
        // "net impairment losses on financial assets" for "... and contract assets", unless it is a label itself
        shortened.forEach(phrases::putIfAbsent);
        for (Map.Entry<String, List<String>> a : ALIASES.entrySet()) {
            for (String target : a.getValue()) {
                if (phrases.containsKey(target)) {
                    phrases.putIfAbsent(a.getKey(), target);
                }
            }
        }
        List<String> longestFirst = new ArrayList<>(phrases.keySet());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        tried = List.copyOf(longestFirst);
        for (String p : tried) {
            // every phrase has at least 3 characters: items of fewer are left out above, and the others add words
            byStart.computeIfAbsent(start(p, 0), k -> new ArrayList<>()).add(p);
        }
    }

    /** The phrases in the order they are tried at one start. */
    List<String> phrases() {
        return tried;
    }

    /** The item (a normalised table label) that a phrase names, or null for no phrase. */
    String itemNamed(String phrase) {
        return phrases.get(phrase);
    }

    private static int start(String s, int i) {
        return s.charAt(i) << 16 | s.charAt(i + 1);
    }

    /** A letter or a number (the regular expressions' {@code [\p{L}\p{N}]}). */
    private static boolean wordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** A table label as an item: without note references or list numbers, normalised. */
    static String item(String label) {
        String l = NOTE.matcher(label).replaceAll("").strip();
        return Labels.normalize(l.replace('’', '\''));
    }

    /** The items a sentence names, in order, longest phrase first where two overlap. */
    List<Match> find(String sentence) {
        if (byStart.isEmpty()) {
            return List.of();
        }
        String lower = sentence.toLowerCase(Locale.ROOT).replace('’', '\'').replace('–', '-').replace('—', '-');
        List<Match> out = new ArrayList<>();
        int n = lower.length();
        int i = 0;
        // leftmost first; at each start, the first phrase in order that is there, on word boundaries (not after or
        // before a letter or a number)
        while (i + 1 < n) {
            List<String> candidates = byStart.get(start(lower, i));
            String found = null;
            // the character before, as the expression's look-behind read it: one char (a low surrogate alone is no letter)
            if (candidates != null && (i == 0 || !wordChar(lower.codePointAt(i - 1)))) {
                for (String p : candidates) {
                    int end = i + p.length();
                    if (lower.startsWith(p, i) && (end == n || !wordChar(lower.codePointAt(end)))) {
                        found = p;
                        break;
                    }
                }
            }
            if (found != null) {
                out.add(new Match(i, i + found.length(), itemNamed(found)));
                i += found.length();
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * Whether a match starts its noun phrase: at the start of the sentence or a clause, or after a linking word
     * ("Our cost of sales", "and term deposits"), not inside a longer name ("net impairment losses on financial
     * assets"); a general item ("revenue") only after a determiner ("our revenue", "total revenue").
     */
    static boolean startsPhrase(String sentence, Match m) {
        String before = sentence.substring(0, m.start()).stripTrailing();
        int w = before.length();
        while (w > 0 && !Character.isWhitespace(before.charAt(w - 1))) {
            w--;
        }
        String word = before.substring(w).toLowerCase(Locale.ROOT).replace('’', '\'');
        String matched = sentence.substring(m.start(), m.end()).toLowerCase(Locale.ROOT);
        if (GENERAL.contains(m.item()) && matched.equals(m.item())) {
            return DETERMINERS.contains(word);
        }
        if (word.equals("and") || word.equals("or")) {
            // "short-term and long-term insurance reserves", "trademarks and goodwill": the figure is of both, not the
            // label alone; only "RMB9,423.5 million and term deposits of ..." starts a new item
            String rest = before.substring(0, w).stripTrailing();
            return rest.isEmpty() || rest.matches("(?s).*(?:\\d|million|billion|thousand|\\))$");
        }
        return word.isEmpty() || word.endsWith(",") || word.endsWith(";") || LINKS.contains(word) || word.equals("that");
    }

    /** The item a margin is of: gross profit for a gross margin, the year's profit or loss for a net margin. */
    Match margin(String words) {
        String w = words.toLowerCase(Locale.ROOT);
        List<String> wanted = w.startsWith("gross") ? List.of("gross profit", "gross loss")
                : w.startsWith("net") ? List.of("profit for the year", "loss for the year")
                : List.of("operating profit", "operating loss");
        for (String item : wanted) {
            if (phrases.containsKey(item)) {
                return new Match(0, 0, item);
            }
        }
        return null;
    }

    /**
     * Whether the text between an item and a figure, or between two figures ({@code chain}), holds only linking
     * words, years and figures: then the figure is about that item.
     */
    static boolean linking(String between, boolean chain) {
        String t = FIGURES.matcher(PAREN_WORD.matcher(between).replaceAll(" ")).replaceAll(" ");
        Matcher m = WORD.matcher(t);
        int words = 0;
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (w.equals(",") || w.matches("(?:19|20)\\d\\d")) {
                continue;
            }
            if (w.equals(";") || w.equals(":") || w.equals("(") || w.equals(")")) {
                return false;
            }
            if (!(chain ? CHAIN : LINKS).contains(w)) {
                return false;
            }
            words++;
        }
        return words <= (chain ? 10 : 8);
    }
}
