package dev.crossfoot.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One figure printed in an announcement's prose ("decreased by 10.6% to RMB3,405.8 million in 2023"), with what
 * the narrative reader found it is about. Written by {@code extract} to {@code narrative.csv}, read by
 * {@code check}, which ties the figures that name a line item and a period to the tables.
 *
 * @param line       the document line the figure is printed on (1-based; in a PDF, counted over all pages)
 * @param at         where that is, as a reader finds it: "191" in a text, "page 3, line 12" in a PDF
 * @param printed    the figure as printed, with its currency and scale words ("RMB3,405.8 million", "53.9%")
 * @param kind       what the figure is: an amount, a change, a share, a margin, another percentage, or a count
 * @param value      the printed digits as a decimal, without sign, separators or scale ("3405.8")
 * @param unit       the currency of an amount ("RMB", "HK$"), "%" for a percentage, "" for a count
 * @param scale      the power of ten the scale word gives (6 for million, 9 for billion, 4 for 萬, 8 for 億)
 * @param bound      how the prose bounds it: "" (the figure as rounded), "more than", "less than", "approximately"
 * @param period     the period the sentence gives the figure ("2023"), or "" when it gives none or several
 * @param item       the table row label the figure is about, or "" when none was found near it
 * @param words      the words of the sentence the item was matched on ("Our Generative AI revenue"), or ""
 * @param base       for a share, the words naming the whole ("total revenue"); for a margin, "revenue"; else ""
 * @param direction  for a change, "increase" or "decrease" as the sentence says; else ""
 * @param comparison the comparison words as printed ("decreased by", "accounts for", "gross margin"), or ""
 * @param sentence   the sentence, as printed
 */
public record NarrativeFigure(int line, String at, String printed, Kind kind, BigDecimal value, String unit, int scale,
                              String bound, String period, String item, String words, String base, String direction,
                              String comparison, String sentence) {

    /** What a narrative figure is. */
    public enum Kind {
        AMOUNT, CHANGE, SHARE, MARGIN, PERCENT, COUNT;

        /** The name written in narrative.csv: "amount", "change", ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named {@code key}, or null. */
        public static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key)) {
                    return k;
                }
            }
            return null;
        }
    }

    public NarrativeFigure {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        unit = unit == null ? "" : unit;
        bound = bound == null ? "" : bound;
        period = period == null ? "" : period;
        item = item == null ? "" : item;
        words = words == null ? "" : words;
        base = base == null ? "" : base;
        direction = direction == null ? "" : direction;
        comparison = comparison == null ? "" : comparison;
        sentence = sentence == null ? "" : sentence;
    }

    /** Whether the reader found what the figure is about: a line item and a period (a count never is). */
    public boolean attachable() {
        return kind != Kind.COUNT && kind != Kind.PERCENT && !item.isEmpty() && !period.isEmpty();
    }

    /**
     * The interval the printed figure stands for, in base units (a percentage in hundredths): half a unit of its
     * last printed digit either way, one unit for "approximately", and open on one side for a bound.
     *
     * @param far how far an open side reaches (a bound is a bound, not a value)
     */
    public Interval interval(BigDecimal far) {
        BigDecimal v = value.movePointRight(scale);
        if (unit.equals("%")) {
            v = value.movePointLeft(2);
        }
        int printedScale = unit.equals("%") ? value.scale() + 2 : value.scale() - scale;
        BigDecimal half = BigDecimal.ONE.movePointLeft(printedScale).divide(BigDecimal.valueOf(2));
        return switch (bound) {
            case "more than" -> new Interval(v, v.add(far));
            case "less than" -> new Interval(v.subtract(far).max(BigDecimal.ZERO), v);
            case "approximately" -> Interval.around(v, half.add(half));
            default -> Interval.around(v, half);
        };
    }
}
