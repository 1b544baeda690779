package dev.crossfoot.result;

import java.util.Objects;

/**
 * A table of a filing that could not be read (a processing error): the filing's other tables are still
 * checked, and the rules that read this table are not run ({@link RuleError}).
 *
 * @param table   the table's id, as filing.yaml declares it
 * @param file    the file where the problem is (the table's CSV), as named in messages
 * @param line    the line of the problem in that file (0 when it is the file as a whole)
 * @param message the one-line reason, "file:line:col: what is wrong and what to do"
 */
public record InputError(String table, String file, int line, String message) {

    public InputError {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }
}
