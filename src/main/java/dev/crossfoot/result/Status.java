package dev.crossfoot.result;

import java.util.Locale;

/** How one check ended. */
public enum Status {
    /** The reported and the computed figure agree within the tolerance. */
    PASS,
    /** They do not, and the rule's severity is error. */
    FAIL,
    /** They do not, and the rule's severity is warning: reported, not fatal. */
    WARN,
    /** The check could not be evaluated: a cell it needs is empty or holds a marker such as N.A. */
    ERROR;

    /** The name used in JSON and other machine formats. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
