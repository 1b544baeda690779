package dev.crossfoot.extract.narrative;

import dev.crossfoot.model.NarrativeFigure;
import dev.crossfoot.model.NarrativeFigure.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures of an announcement's prose: amounts with their currency and scale word ("RMB3,405.8 million",
 * "HK$6,351.0 million", "1 billion RMB", "3.4億"), percentages and counts, each with what its sentence says it is
 * about: the line item named near it ({@link Items}, the tables' own row labels), its period ("in 2023", "as of
 * December 31, 2022", a sentence's lead "In 2023,"), and the comparison word that makes a percentage a change
 * ("decreased by 10.6%"), a share ("accounts for 34.8% of total revenue") or a margin ("gross margin of 44.1%").
 *
 * <p>A figure is only given an item when the words between the item and the figure are linking words ("decreased by",
 * "amounted to", "from ... to"), or when it follows, through such words, a figure that has one; anything else leaves
 * it without one, and then it is listed, never checked. A sentence that pairs figures with periods "respectively"
 * gives none of its figures a period.
 */
public final class NarrativeReader {

    static final String CURRENCY = "RMB|HK\\$|US\\$|USD|HKD|MYR|SGD|S\\$|EUR|€|GBP|£|JPY|¥|人民幣|港幣|\\$";
    private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    private static final String SCALE = "million|billion|thousand|mn|bn|m|萬|万|億|亿";
    private static final Pattern FIGURE = Pattern.compile(
            "(?<cur>" + CURRENCY + ")\\s?(?<num>" + NUMBER + ")(?:\\s?(?<scale>" + SCALE + ")(?![a-z]))?"
            + "|(?<num2>" + NUMBER + ")\\s?(?<scale2>" + SCALE + ")\\s?(?<cur2>RMB|yuan|HKD|US dollars|元|人民幣)"
            + "|(?<pct>" + NUMBER + ")\\s?(?:%|per cent\\b|percent\\b)"
            + "|(?<![\\w.,/-])(?<cnt>" + NUMBER + ")(?:\\s?(?<scale3>million|billion|thousand)(?![a-z]))?(?![\\w/%-]|[.,]\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(?<![\\d,.])(?:19|20)\\d\\d(?![\\d%])");
    private static final Pattern MONTH = Pattern.compile("(?i)\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*$");
    /** A date's day and month before its year: "December 31, ", "31 December ", "31st March ". */
    private static final String DAY_MONTH = "(?:[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2},?\\s+|\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]{2,8}\\.?,?\\s+)?";
    private static final Pattern AFTER_PERIOD = Pattern.compile(
            "^\\s*(?:,\\s*)?(?:(?:in|for|during|of|at|as\\s+(?:of|at)|on)\\s+(?:the\\s+)?(?:(?:financial\\s+|fiscal\\s+)?year\\s+"
            + "(?:ended\\s+|ending\\s+)?)?" + DAY_MONTH + ")(?:FY\\s?)?((?:19|20)\\d\\d)\\b");
    private static final Pattern LEAD_PERIOD = Pattern.compile(
            "^(?:in|during|for|throughout|as\\s+(?:of|at)|at)\\s+(?:the\\s+)?(?:(?:financial\\s+|fiscal\\s+)?year\\s+(?:ended\\s+|ending\\s+)?)?"
            + DAY_MONTH + "(?:FY\\s?)?((?:19|20)\\d\\d)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUND_MORE = Pattern.compile(
            "(?i)\\b(?:more than|over|exceeding|exceeded|exceeds|exceed|above|at least|in excess of|no less than|not less than)\\s*$");
    private static final Pattern BOUND_LESS = Pattern.compile(
            "(?i)\\b(?:less than|below|under|up to|no more than|not more than|not exceeding|at most)\\s*$");
    private static final Pattern APPROX = Pattern.compile(
            "(?i)\\b(?:approximately|approx\\.|about|around|nearly|almost|roughly|some|close to)\\s*$");
    private static final Pattern MARGIN = Pattern.compile("(?i)\\b(gross|net|operating)(?:\\s+profit)?\\s+margin\\b");
    private static final Pattern SHARE_BEFORE = Pattern.compile(
            "(?i)\\b(accounts? for|accounted for|accounting for|share|proportion|contribution|as a percentage)\\b");
    private static final Pattern SHARE_AFTER = Pattern.compile(
            "(?i)^\\s*(?:of\\s+(?:the\\s+group['’]s\\s+|the\\s+company['’]s\\s+|our\\s+|the\\s+)?(total\\s+)?revenues?)\\b");
    private static final Pattern BASE = Pattern.compile(
            "(?i)\\b(?:in|of|to)\\s+(?:the\\s+group['’]s\\s+|the\\s+company['’]s\\s+|our\\s+|the\\s+)?(?:total\\s+)?revenues?\\b");
    private static final Pattern CHANGE_BEFORE = Pattern.compile(
            "(?i)\\b(increased by|decreased by|grew by|rose by|fell by|declined by|dropped by|up by|down by|"
            + "an increase of|a decrease of|a decline of|a drop of|a growth of|growth of|increase of|decrease of|decline of|"
            + "up|down|increasing by|decreasing by)\\s*$");
    private static final Pattern CHANGE_AFTER = Pattern.compile(
            "(?i)^\\s*(?:yoy\\s+|year-on-year\\s+|year-over-year\\s+)?(increase|growth|decrease|decline|drop|rise|fall|reduction)\\b");
    /** An amount that is a change ("increased $864 million", "up by RMB3 million"), not the item's balance. */
    private static final Pattern CHANGE_AMOUNT = Pattern.compile(
            "(?i)\\b(?:increased|decreased|grew|rose|fell|declined|dropped|improved|deteriorated|up|down|increase|decrease|"
            + "growth|decline|improvement)(?:\\s+(?:by|of))?\\s*(?:approximately\\s+|about\\s+)?$");
    private static final Pattern RESPECTIVELY = Pattern.compile("(?i)\\brespectively\\b");
    private static final Pattern POSSESSIVE = Pattern.compile("(?i)\\b(?:their|its)\\s+(?:share|contribution|proportion)\\b");

    private static final Pattern GOVERNED = Pattern.compile("(?i)\\b(\\w+)\\s+(?:of|for|on|from|in|to)\\s+(?:the\\s+|our\\s+|its\\s+|a\\s+|an\\s+)?$");
    /** "HK$99.3 million (2020: HK$115.6 million)": the figure before a bracketed prior year is of the year after it. */
    private static final Pattern PRIOR_AFTER = Pattern.compile("^\\s*\\((?:FY\\s?)?((?:19|20)\\d\\d)\\s*:");
    private static final java.util.Set<String> SHARE_NOUNS = java.util.Set.of("share", "proportion", "contribution", "percentage");
    private static final Pattern PRIOR_IN_BRACKETS = Pattern.compile("\\(((?:19|20)\\d\\d)\\s*:\\s*$");

    private final Items items;

    /** @param labels the row labels of the announcement's tables, which the prose may name */
    public NarrativeReader(Collection<String> labels) {
        this.items = new Items(labels);
    }

    /** A table row's label as an item of the prose: without note references, normalised as rules normalise labels. */
    public static String item(String label) {
        return Items.item(label);
    }

    /** A line of prose (outside the tables) at its document line. */
    public record Prose(int line, String text) {
    }

    /**
     * The figures of the prose, in order.
     *
     * @param laidOut whether the lines are a PDF's (paragraphs wrap over lines) rather than a text's
     * @param at      where a document line is, as a reader finds it ("191", "page 3, line 12")
     */
    public List<NarrativeFigure> read(List<Prose> prose, boolean laidOut, IntFunction<String> at) {
        List<Sentences.Prose> lines = prose.stream().map(p -> new Sentences.Prose(p.line(), p.text())).toList();
        List<NarrativeFigure> out = new ArrayList<>();
        for (Sentences.Sentence s : Sentences.of(lines, laidOut)) {
            out.addAll(figures(s, at));
        }
        return out;
    }

    /** One figure found in a sentence, before it is made a {@link NarrativeFigure}. */
    private static final class Found {
        int start;
        int end;
        String printed;
        Kind kind;
        BigDecimal value;
        String unit = "";
        int scale;
        String bound = "";
        String period = "";
        Items.Match item;
        String words = "";
        String base = "";
        String direction = "";
        String comparison = "";
    }

    List<NarrativeFigure> figures(Sentences.Sentence s, IntFunction<String> at) {
        String text = s.text();
        List<Found> found = scan(text);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Items.Match> labels = items.find(text);
        boolean respectively = RESPECTIVELY.matcher(text).find();
        String lead = lead(text);
        List<String> years = years(text);
        Found previous = null;
        for (Found f : found) {
            classify(text, f, previous);
            attach(text, f, previous, labels);
            if (!respectively) {
                f.period = period(text, f, found, lead, years);
            }
            previous = f;
        }
        List<NarrativeFigure> out = new ArrayList<>();
        for (Found f : found) {
            String item = f.item == null ? "" : f.item.item();
            out.add(new NarrativeFigure(s.lineAt(f.start), at.apply(s.lineAt(f.start)), f.printed, f.kind, f.value,
                    f.unit, f.scale, f.bound, f.period, item, item.isEmpty() ? "" : f.words, f.base, f.direction,
                    f.comparison, text));
        }
        return out;
    }

    /** The figures of a sentence, as printed, with their units; years, dates, note numbers and list numbers left out. */
    private static List<Found> scan(String text) {
        List<Found> out = new ArrayList<>();
        if (!hasDigit(text)) {
            return out; // every figure FIGURE finds has an ASCII digit (\d without UNICODE_CHARACTER_CLASS): no need to try each position
        }
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            Found f = new Found();
            f.start = m.start();
            f.end = m.end();
            f.printed = m.group().strip();
            if (m.group("num") != null || m.group("num2") != null) {
                String cur = m.group("cur") != null ? m.group("cur") : m.group("cur2");
                String scale = m.group("scale") != null ? m.group("scale") : m.group("scale2");
                f.kind = Kind.AMOUNT;
                f.value = number(m.group("num") != null ? m.group("num") : m.group("num2"));
                f.unit = currency(cur);
                f.scale = scale(scale);
            } else if (m.group("pct") != null) {
                f.kind = Kind.PERCENT;
                f.value = number(m.group("pct"));
                f.unit = "%";
            } else {
                String n = m.group("cnt");
                if (m.group("scale3") == null && (YEAR.matcher(n).matches() || dateOrReference(text, m.start(), m.end()))) {
                    continue;
                }
                f.kind = Kind.COUNT;
                f.value = number(n);
                f.scale = scale(m.group("scale3"));
            }
            out.add(f);
        }
        return out;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Whether a bare number is a day of a date, a note, section or list number, or part of a name ("GPT-4"). */
    private static boolean dateOrReference(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 12), start);
        String after = text.substring(end, Math.min(text.length(), end + 3));
        return MONTH.matcher(before).find() || before.matches("(?is).*\\b(?:note|notes|section|rule|paragraph|chapter|item|no\\.|version|level)\\s*$")
                || after.startsWith(")") && before.endsWith("(") || before.endsWith("(") || after.startsWith(".") && !after.startsWith(". ")
                || before.matches("(?s).*[A-Za-z]$");
    }

    private static BigDecimal number(String printed) {
        return new BigDecimal(printed.replace(",", ""));
    }

    private static String currency(String printed) {
        return switch (printed.toUpperCase(Locale.ROOT)) {
            case "HKD", "港幣" -> "HK$";
            case "USD", "US DOLLARS" -> "US$";
            case "YUAN", "元", "人民幣" -> "RMB";
            case "S$" -> "SGD";
            default -> printed;
        };
    }

    private static int scale(String word) {
        if (word == null) {
            return 0;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "thousand" -> 3;
            case "million", "mn", "m" -> 6;
            case "billion", "bn" -> 9;
            case "萬", "万" -> 4;
            case "億", "亿" -> 8;
            default -> 0;
        };
    }

    /** The bound the words before a figure give it, and for a percentage whether it is a change, share or margin. */
    private static void classify(String text, Found f, Found previous) {
        String before = text.substring(previous == null ? 0 : previous.end, f.start);
        if (BOUND_MORE.matcher(before).find()) {
            f.bound = "more than";
        } else if (BOUND_LESS.matcher(before).find()) {
            f.bound = "less than";
        } else if (APPROX.matcher(before).find()) {
            f.bound = "approximately";
        }
        if (f.kind != Kind.PERCENT) {
            return;
        }
        String after = text.substring(f.end, Math.min(text.length(), f.end + 60));
        Matcher margin = MARGIN.matcher(before);
        Matcher share = SHARE_BEFORE.matcher(before);
        Matcher changeBefore = CHANGE_BEFORE.matcher(before);
        Matcher changeAfter = CHANGE_AFTER.matcher(after);
        boolean chained = previous != null && Items.linking(before, true);
        if (margin.find()) {
            f.kind = Kind.MARGIN;
            f.comparison = margin.group();
            f.base = "revenue";
        } else if (chained && previous.kind == Kind.MARGIN) {
            f.kind = Kind.MARGIN;
            f.comparison = previous.comparison;
            f.base = previous.base;
        } else if (changeBefore.find() && !before.strip().toLowerCase(Locale.ROOT).endsWith("from")) {
            f.kind = Kind.CHANGE;
            f.comparison = changeBefore.group(1);
            f.direction = direction(changeBefore.group(1));
        } else if (changeAfter.find()) {
            f.kind = Kind.CHANGE;
            f.comparison = changeAfter.group(1);
            f.direction = direction(changeAfter.group(1));
        } else if (share.find() && BASE.matcher(text).find() || SHARE_AFTER.matcher(after).find()) {
            f.kind = Kind.SHARE;
            f.comparison = share.reset().find() ? share.group(1) : "of revenue";
            f.base = "revenue";
        } else if (chained && previous.kind == Kind.SHARE) {
            f.kind = Kind.SHARE;
            f.comparison = previous.comparison;
            f.base = previous.base;
        }
    }

    private static String direction(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.startsWith("increas") || w.startsWith("grew") || w.startsWith("growth") || w.startsWith("rose")
                || w.startsWith("rise") || w.startsWith("up") || w.startsWith("an increase") || w.startsWith("a growth")
                ? "increase" : "decrease";
    }

    /** The line item: named just before the figure through linking words, or carried from the figure before. */
    private void attach(String text, Found f, Found previous, List<Items.Match> labels) {
        if (f.kind == Kind.COUNT || f.kind == Kind.PERCENT) {
            return;
        }
        if (f.kind == Kind.AMOUNT && CHANGE_AMOUNT.matcher(text.substring(previous == null ? 0 : previous.end, f.start)).find()) {
            f.comparison = "change in amount";
            return;
        }
        if (f.kind == Kind.MARGIN) {
            Items.Match m = items.margin(f.comparison);
            if (m != null) {
                f.item = m;
                f.words = f.comparison;
            }
            return;
        }
        int from = previous == null ? 0 : previous.end;
        Items.Match best = null;
        for (Items.Match m : labels) {
            if (m.end() <= f.start && m.start() >= from && (best == null || m.end() > best.end())
                    && !(f.kind == Kind.SHARE && base(text, m))) {
                best = m;
            }
        }
        if (best != null && Items.linking(text.substring(best.end(), f.start), false) && !governed(text, best, f.kind)
                && Items.startsPhrase(text, best)) {
            f.item = best;
            f.words = text.substring(best.start(), best.end());
            return;
        }
        if (previous != null && previous.item != null && Items.linking(text.substring(previous.end, f.start), true)
                && inherits(f.kind, previous.kind)) {
            f.item = previous.item;
            f.words = previous.words;
            return;
        }
        if (f.kind == Kind.SHARE && POSSESSIVE.matcher(text.substring(from, f.start)).find()) {
            for (Items.Match m : labels) {
                if (!base(text, m)) {
                    f.item = m;
                    f.words = text.substring(m.start(), m.end());
                    return;
                }
            }
        }
    }

    /** Whether a figure may be about the item of the figure before it: an amount after an amount or change, a change after an amount, a share after a share. */
    private static boolean inherits(Kind kind, Kind previous) {
        return switch (kind) {
            case AMOUNT -> previous == Kind.AMOUNT || previous == Kind.CHANGE;
            case CHANGE -> previous == Kind.AMOUNT;
            case SHARE -> previous == Kind.SHARE;
            default -> false;
        };
    }

    /** Whether a label is the whole a share is of ("the Group's total revenue"), not the part. */
    private static boolean base(String text, Items.Match m) {
        String before = text.substring(Math.max(0, m.start() - 30), m.start()).toLowerCase(Locale.ROOT);
        return m.item().equals("revenue") && before.matches("(?s).*\\b(?:in|of|to)\\s+(?:the\\s+group['’]s\\s+|the\\s+company['’]s\\s+|our\\s+|the\\s+)?(?:total\\s+)?$");
    }

    /** Whether a label is governed by a noun before it ("Collection of trade receivables"): then it is not the item. */
    private static boolean governed(String text, Items.Match m, Kind kind) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        Matcher g = GOVERNED.matcher(before);
        if (!g.find()) {
            return false;
        }
        String noun = g.group(1).toLowerCase(Locale.ROOT);
        return !Items.LINKS.contains(noun) && !(kind == Kind.SHARE && SHARE_NOUNS.contains(noun));
    }

    /** The period a figure is given: "in 2023" after it, else the sentence's lead ("In 2023,"), else its only year. */
    private static String period(String text, Found f, List<Found> all, String lead, List<String> years) {
        if (f.kind == Kind.COUNT || f.kind == Kind.PERCENT) {
            return "";
        }
        int limit = text.length();
        for (Found g : all) {
            if (g.start >= f.end) {
                limit = g.start;
                break;
            }
        }
        Matcher prior = PRIOR_IN_BRACKETS.matcher(text.substring(Math.max(0, f.start - 12), f.start));
        if (prior.find()) {
            return prior.group(1);
        }
        if (f.kind == Kind.CHANGE) {
            String latest = "";
            int from = f.end;
            for (Found g : all) {
                if (g.start < f.end) {
                    continue;
                }
                if (g.kind != Kind.AMOUNT || !Items.linking(text.substring(from, g.start), true)) {
                    break;
                }
                String p = after(text, g, all);
                latest = p.compareTo(latest) > 0 ? p : latest;
                from = g.end;
            }
            if (!latest.isEmpty()) {
                return latest;
            }
        }
        Matcher m = AFTER_PERIOD.matcher(text.substring(f.end, limit));
        if (m.find()) {
            return m.group(1);
        }
        Matcher bracket = PRIOR_AFTER.matcher(text.substring(f.end, limit));
        if (bracket.find()) {
            return String.valueOf(Integer.parseInt(bracket.group(1)) + 1);
        }
        if (!lead.isEmpty()) {
            return lead;
        }
        long figures = all.stream().filter(g -> g.kind != Kind.COUNT).count();
        return years.size() == 1 && figures == 1 ? years.get(0) : "";
    }

    /** The period named right after a figure ("in 2023"), or "". */
    private static String after(String text, Found f, List<Found> all) {
        int limit = text.length();
        for (Found g : all) {
            if (g.start >= f.end) {
                limit = g.start;
                break;
            }
        }
        Matcher m = AFTER_PERIOD.matcher(text.substring(f.end, limit));
        return m.find() ? m.group(1) : "";
    }

    private static String lead(String text) {
        Matcher m = LEAD_PERIOD.matcher(text.strip());
        if (!m.find()) {
            return "";
        }
        return m.group(1);
    }

    private static List<String> years(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            if (!out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }
}
