package dev.crossfoot.model;

/**
 * Unusable input: a file that cannot be read, a malformed figure, a rule that refers to nothing.
 * The message is one line meant for the user: what is wrong and what to do. The location, when
 * known, is printed before it.
 */
public class InputException extends RuntimeException {

    private final transient SourceLocation location;

    public InputException(SourceLocation location, String message) {
        super(message);
        this.location = location;
    }

    public InputException(SourceLocation location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** May be null when the problem has no file. */
    public SourceLocation location() {
        return location;
    }

    /** The one line shown to the user: {@code file:line:col: message}. */
    public String oneLine() {
        String msg = Printable.plainWords(getMessage().replace('\n', ' ').replace('\r', ' '));
        return location == null ? msg : location + ": " + msg;
    }
}
