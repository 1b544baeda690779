package dev.crossfoot.model;

/** A cell's text is not a figure in any accepted form; the message says why and what to write. */
public class FigureFormatException extends Exception {
    public FigureFormatException(String message) {
        super(message);
    }
}
