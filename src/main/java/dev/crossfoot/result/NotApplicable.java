package dev.crossfoot.result;

/**
 * A standard rule that does not apply to a filing: none of its forms' line items are all printed.
 *
 * @param why the first form's reason, e.g. "table balance-sheet (balance-sheet) prints no total-assets"
 */
public record NotApplicable(String rule, String title, String file, int line, String why) {
    public NotApplicable {
        why = why == null ? "" : why;
    }
}
