package dev.crossfoot.model;

/** A reference to a row or column that matches nothing, or more than one thing. */
public class LookupException extends Exception {
    public LookupException(String message) {
        super(message);
    }
}
