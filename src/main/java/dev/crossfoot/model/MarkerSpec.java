package dev.crossfoot.model;

import java.util.Objects;

/**
 * A marker a filing declares, such as "*" for "the amount is less than RMB1,000". With bounds (in base
 * units) the marker is a number known only within that range; without bounds it is not a number.
 * Written in parentheses, as "(*)", a bounded marker stands for the negated range.
 */
public record MarkerSpec(String text, String meaning, Interval bounds) {
    public MarkerSpec {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(meaning, "meaning");
    }
}
