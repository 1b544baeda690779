package dev.crossfoot.rules;

import java.util.Objects;

/**
 * A row named in a rule: a label, optionally qualified by its section. Written "Label" or
 * "Section > Label"; "> Label" names a row at the top level (with no section); "(unlabelled)" names a
 * row whose printed label is empty.
 *
 * @param section null when not qualified; "" for the top level
 */
public record RowRef(String section, String label) {

    public RowRef {
        Objects.requireNonNull(label, "label");
    }

    /** Reads "Section > Label" or "Label". */
    public static RowRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a row reference is empty; write the row's label as printed, or (unlabelled)");
        }
        int gt = text.indexOf('>');
        if (gt < 0) {
            return new RowRef(null, text.strip());
        }
        String section = text.substring(0, gt).strip();
        String label = text.substring(gt + 1).strip();
        if (label.isEmpty()) {
            throw new IllegalArgumentException("row reference '" + text + "' has a section but no label");
        }
        return new RowRef(section, label);
    }

    @Override
    public String toString() {
        return section == null ? label : section.isEmpty() ? "> " + label : section + " > " + label;
    }
}
