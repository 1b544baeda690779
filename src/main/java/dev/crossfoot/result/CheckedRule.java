package dev.crossfoot.result;

import java.util.Objects;

/**
 * The rule a finding checked, as reports name it.
 *
 * @param id       the rule's id, as written in its rules file
 * @param title    what the rule checks, in words
 * @param kind     what the check checks (the rule's kind, or the carry-forward of a roll-forward)
 * @param severity whether a failure fails the run
 * @param origin   where the rule came from: "standard" (the standard rule pack), "inferred" (footing) or its rules file
 */
public record CheckedRule(String id, String title, CheckKind kind, Severity severity, String origin) {

    public CheckedRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        title = title == null ? "" : title;
        origin = origin == null ? "" : origin;
    }

    public CheckedRule(String id, String title, CheckKind kind, Severity severity) {
        this(id, title, kind, severity, "");
    }
}
