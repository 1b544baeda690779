package dev.crossfoot.cli;

/** Exit codes. Their meanings are part of the interface and never change. */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;
    static final int INTERNAL = 3;

    static final String OK_TEXT = "0:every check of severity error passed (warnings may have been reported)";
    static final String FAILED_TEXT = "1:a check of severity error failed, or could not be evaluated (a cell it needs is empty or a marker)";
    static final String UNUSABLE_TEXT = "2:unusable input or command line: a missing or malformed file, figure, rule or option";
    static final String INTERNAL_TEXT = "3:internal error in crossfoot (a bug: please report it)";

    private ExitCodes() {
    }
}
