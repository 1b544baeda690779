package dev.crossfoot.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CellKeyTest {

    /** The same components in a record whose equals and hashCode are generated. */
    private record Generated(String table, int row, String column) {
    }

    @Test
    void hashCode_isTheOneARecordGenerates_soMapsOfKeysIterateAsBefore() {
        for (String table : new String[] {"balance-sheet", "", "t"}) {
            for (int row = 0; row < 40; row++) {
                for (String column : new String[] {"2023", "2022", "Total equity"}) {
                    assertEquals(new Generated(table, row, column).hashCode(), new CellKey(table, row, column).hashCode());
                }
            }
        }
    }

    @Test
    void equals_comparesTableRowAndColumn() {
        CellKey k = new CellKey("t", 3, "2023");
        assertEquals(k, new CellKey("t", 3, "2023"));
        assertNotEquals(k, new CellKey("u", 3, "2023"));
        assertNotEquals(k, new CellKey("t", 4, "2023"));
        assertNotEquals(k, new CellKey("t", 3, "2022"));
        assertNotEquals(k, null);
        assertNotEquals(k, "t");
    }
}
