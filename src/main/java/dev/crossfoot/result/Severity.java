package dev.crossfoot.result;

import java.util.Locale;

/** How much a rule's failure matters: an error fails the run, a warning is reported only. */
public enum Severity {
    ERROR, WARNING;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            default -> throw new IllegalArgumentException("unknown severity '" + s + "'; use error or warning");
        };
    }
}
