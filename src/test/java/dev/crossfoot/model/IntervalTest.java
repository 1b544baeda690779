package dev.crossfoot.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IntervalTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Interval i(String lo, String hi) {
        return new Interval(d(lo), d(hi));
    }

    @Test
    void negativeWeight_swapsTheEnds() {
        assertEquals(i("-3", "-1"), i("1", "3").times(d("-1")));
        assertEquals(i("2", "6"), i("1", "3").times(d("2")));
    }

    @Test
    void sum_addsEndToEnd() {
        assertEquals(i("4", "8"), i("1", "3").plus(i("3", "5")));
    }

    @Test
    void overlap_includesTouchingEnds_andExcludesGaps() {
        assertTrue(i("1", "2").overlaps(i("2", "3")));
        assertFalse(i("1", "2").overlaps(i("2.0001", "3")));
        assertTrue(i("1", "5").overlaps(i("2", "3")));
    }

    @Test
    void division_roundsOutward_andContainsEveryTrueQuotient() {
        Interval q = i("1", "1").dividedBy(i("3", "3"));
        assertTrue(q.lo().compareTo(q.hi()) < 0, "1/3 cannot be exact, so the ends differ");
        assertTrue(q.lo().multiply(d("3")).compareTo(BigDecimal.ONE) <= 0);
        assertTrue(q.hi().multiply(d("3")).compareTo(BigDecimal.ONE) >= 0);
        Interval r = i("-6", "-4").dividedBy(i("2", "4"));
        assertEquals(0, r.lo().compareTo(d("-3")));
        assertEquals(0, r.hi().compareTo(d("-1")));
    }

    @Test
    void division_byAnIntervalHoldingZero_isRefused() {
        assertThrows(ArithmeticException.class, () -> i("1", "2").dividedBy(i("-0.5", "0.5")));
    }

    @Test
    void emptyInterval_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> i("2", "1"));
    }

    @Test
    void widen_and_midpoint() {
        assertEquals(i("0.5", "3.5"), i("1", "3").widen(d("0.5")));
        assertEquals(0, i("1", "4").mid().compareTo(d("2.5")));
        assertEquals(0, i("1", "4").halfWidth().compareTo(d("1.5")));
    }
}
