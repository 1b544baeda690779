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

    boolean blank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
