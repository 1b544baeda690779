package dev.crossfoot.result;

import java.util.Objects;

/**
 * A rule that was not run (a configuration error), because something it needs could not be read.
 *
 * @param rule    the rule's id
 * @param title   what the rule checks
 * @param file    the rules file it was written in
 * @param line    its line there (0 when unknown)
 * @param message why it was not run, in one line ("it reads table 'x', which could not be read")
 */
public record RuleError(String rule, String title, String file, int line, String message) {

    public RuleError {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        title = title == null ? "" : title;
    }
}
