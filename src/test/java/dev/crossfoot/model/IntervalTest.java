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

    @Test
    void midpointAndHalfWidth_areTheExactHalf_atTheScaleThatDividingByTwoGives() {
        // value and scale alike (assertEquals on BigDecimal compares both): a computed figure is reported as it is
        BigDecimal big = new BigDecimal("123456789012345678901234567890");
        for (int scale = -3; scale <= 3; scale++) {
            for (long u = -41; u <= 41; u++) {
                for (BigDecimal x : new BigDecimal[] {BigDecimal.valueOf(u, scale), big.add(BigDecimal.valueOf(u)).movePointLeft(scale)}) {
                    BigDecimal zero = x.subtract(x); // zero at x's scale, so that the sum below keeps it
                    Interval between = x.signum() < 0 ? new Interval(x, zero) : new Interval(zero, x);
                    assertEquals(x.divide(BigDecimal.valueOf(2)), between.mid(), "mid of [0, " + x + "]");
                    assertEquals(x.abs().divide(BigDecimal.valueOf(2)), between.halfWidth(), "half-width of [0, " + x + "]");
                }
            }
        }
    }

    @Test
    void division_isTheFloorOfTheLeastCornerQuotient_andTheCeilingOfTheGreatest() {
        java.util.Random random = new java.util.Random(17);
        java.math.MathContext down = new java.math.MathContext(34, java.math.RoundingMode.FLOOR);
        java.math.MathContext up = new java.math.MathContext(34, java.math.RoundingMode.CEILING);
        for (int n = 0; n < 2000; n++) {
            Interval a = random(random);
            Interval b = random(random);
            if (b.contains(BigDecimal.ZERO)) {
                continue;
            }
            BigDecimal lo = null;
            BigDecimal hi = null;
            for (BigDecimal x : new BigDecimal[] {a.lo(), a.hi()}) {
                for (BigDecimal y : new BigDecimal[] {b.lo(), b.hi()}) {
                    BigDecimal floor = x.divide(y, down);
                    BigDecimal ceiling = x.divide(y, up);
                    lo = lo == null || floor.compareTo(lo) < 0 ? floor : lo;
                    hi = hi == null || ceiling.compareTo(hi) > 0 ? ceiling : hi;
                }
            }
            Interval q = a.dividedBy(b);
            assertEquals(0, lo.compareTo(q.lo()), a + " / " + b);
            assertEquals(0, hi.compareTo(q.hi()), a + " / " + b);
        }
    }

    /** An interval of either sign, or across zero, or a point, with up to 40 digits. */
    private static Interval random(java.util.Random random) {
        BigDecimal x = new BigDecimal(new java.math.BigInteger(1 + random.nextInt(130), random), random.nextInt(12) - 3);
        BigDecimal w = random.nextInt(5) == 0 ? BigDecimal.ZERO : new BigDecimal(new java.math.BigInteger(1 + random.nextInt(130), random), random.nextInt(12) - 3);
        BigDecimal lo = random.nextBoolean() ? x : x.negate();
        return new Interval(lo, lo.add(w));
    }
}
