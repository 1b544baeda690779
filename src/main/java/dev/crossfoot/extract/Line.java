package dev.crossfoot.extract;

import java.util.List;

/**
 * One line of a table as a block finder read it: its number in the document, its cells (the label first, markup
 * removed) and whether its figures were underlined (a total under a rule).
 */
record Line(int number, List<String> cells, boolean underlined) {

    Line {
        cells = List.copyOf(cells);
    }

    String cell(int i) {
        return i < cells.size() ? cells.get(i) : "";
    }

    boolean blankExceptLabel() {
        for (int i = 1; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether every cell but the label and the given column (a Notes column; -1 for none) is empty. */
    boolean blankExceptLabel(int besides) {
        for (int i = 1; i < cells.size(); i++) {
            if (i != besides && !cells.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    boolean blank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
