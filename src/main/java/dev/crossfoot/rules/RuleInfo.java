package dev.crossfoot.rules;

import dev.crossfoot.model.SourceLocation;
import dev.crossfoot.result.Severity;
import java.util.Objects;

/**
 * What every rule has: a stable id, a title, a severity, an optional reason (shown with a warning,
 * e.g. why a relation holds only approximately) and where the rule was written.
 */
public record RuleInfo(String id, String title, Severity severity, String reason, SourceLocation location) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(location, "location");
    }

    /** The same rule information, located in another file at the same line and column. */
    public RuleInfo inFile(String file) {
        return file.equals(location.file()) ? this
                : new RuleInfo(id, title, severity, reason, new SourceLocation(file, location.line(), location.column()));
    }
}
