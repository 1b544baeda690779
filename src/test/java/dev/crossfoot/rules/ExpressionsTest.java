package dev.crossfoot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    @Test
    void relation_readsTablesLabelsSectionsColumnsAndSigns() {
        LinearExpr[] r = Expressions.parseRelation(
                "ebitda[EBITDA] = is[Loss before income tax] - is[Finance income– net] + 2 * notes[Costs > D&A (Note 10)][2022] + 5");
        assertEquals(new CellRef("ebitda", new RowRef(null, "EBITDA"), null), r[0].singleCell());
        assertEquals(3, r[1].terms().size());
        assertEquals(new BigDecimal("-1"), r[1].terms().get(1).coefficient());
        Term third = r[1].terms().get(2);
        assertEquals(new BigDecimal("2"), third.coefficient());
        assertEquals(new CellRef("notes", new RowRef("Costs", "D&A (Note 10)"), "2022"), third.ref());
        assertEquals(new BigDecimal("5"), r[1].constant());
    }

    @Test
    void labelsMayHoldCommasSlashesParenthesesAndDashes() {
        LinearExpr e = Expressions.parse("[Net cash generated from/(used in) investing activities] - [Finance income, net]");
        assertEquals("Net cash generated from/(used in) investing activities", e.terms().get(0).ref().row().label());
        assertNull(e.terms().get(0).ref().table());
    }

    @Test
    void leadingMinus_negatesTheFirstTerm() {
        LinearExpr e = Expressions.parse("-is[Finance income– net]");
        assertEquals(new BigDecimal("-1"), e.terms().get(0).coefficient());
        assertNull(e.singleCell(), "a negated cell is not the single reported cell");
    }

    @Test
    void malformedExpressions_sayWhereAndWhat() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> Expressions.parse("is[Revenue"));
        assertTrue(a.getMessage().contains("never closed"), a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> Expressions.parseRelation("is[Revenue] is[Cost]"));
        assertTrue(b.getMessage().contains("character"), b.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expressions.parse("is[Revenue] +"));
        assertThrows(IllegalArgumentException.class, () -> Expressions.parse(""));
    }
}
