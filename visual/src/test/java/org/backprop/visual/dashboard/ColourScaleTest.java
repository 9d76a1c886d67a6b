package org.backprop.visual.dashboard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ColourScaleTest {

    @Test
    void updateRatioScaleMarksDl4jsHealthyBand() {
        ColourScale s = ColourScale.updateRatio();
        assertEquals(-4, s.band().low());
        assertEquals(-3, s.band().centre());
        assertEquals(-2, s.band().high());
        assertTrue(s.inBand(-3));
        assertFalse(s.inBand(-5));
        assertFalse(s.inBand(-1.5));
        assertTrue(s.fraction(-4) > 0 && s.fraction(-2) < 1, "the band lies inside the scale");
    }

    @Test
    void smallValuesAreColdAndLargeOnesWarm() {
        ColourScale s = new ColourScale(-8, 0, null);
        int cold = s.argb(-8);
        int hot = s.argb(0);
        assertTrue(blue(cold) > red(cold), "the low end is blue");
        assertTrue(red(hot) > blue(hot), "the high end is red");
        // The colour changes steadily: neighbouring values get neighbouring colours.
        for (double v = -8; v < 0; v += 0.05) {
            int a = s.argb(v), b = s.argb(v + 0.05);
            assertTrue(distance(a, b) < 40, "jump at " + v);
        }
    }

    @Test
    void valuesClampAndSpecialValuesHaveTheirOwnColours() {
        ColourScale s = new ColourScale(-6, -1, null);
        assertEquals(s.argb(-6), s.argb(-60), "below the range: the cold end");
        assertEquals(s.argb(-1), s.argb(3), "above: the hot end");
        assertEquals(s.argb(-6), s.argb(Double.NEGATIVE_INFINITY), "an exactly zero gradient is coldest");
        assertEquals(ColourScale.NO_VALUE, s.argb(Double.NaN));
        assertEquals(ColourScale.NON_FINITE, s.argb(Double.POSITIVE_INFINITY));
        for (double f = 0; f <= 1; f += 0.01) assertNotEquals(ColourScale.NON_FINITE, ColourScale.ramp(f));
        assertEquals(0xff, ColourScale.NO_VALUE >>> 24, "opaque");
    }

    @Test
    void coveringUsesWholeDecadesAndAMinimumWidth() {
        ColourScale s = ColourScale.covering(-5.3, -2.2, 2);
        assertEquals(-6, s.low());
        assertEquals(-2, s.high());
        ColourScale narrow = ColourScale.covering(-3.1, -3.0, 3);
        assertTrue(narrow.high() - narrow.low() >= 3);
        assertTrue(narrow.low() <= -3.1 && narrow.high() >= -3.0);
        assertThrows(IllegalArgumentException.class, () -> new ColourScale(1, 1, null));
    }

    @Test
    void divergingIsWhiteAtZeroBlueForPositiveOrangeForNegative() {
        assertEquals(0xffffffff, ColourScale.diverging(0, 1));
        int pos = ColourScale.diverging(1, 1);
        int neg = ColourScale.diverging(-1, 1);
        assertTrue(blue(pos) > red(pos));
        assertTrue(red(neg) > blue(neg));
        assertEquals(pos, ColourScale.diverging(5, 1), "clamped at the scale");
    }

    private static int red(int argb) { return argb >> 16 & 0xff; }

    private static int green(int argb) { return argb >> 8 & 0xff; }

    private static int blue(int argb) { return argb & 0xff; }

    private static int distance(int a, int b) {
        return Math.abs(red(a) - red(b)) + Math.abs(green(a) - green(b)) + Math.abs(blue(a) - blue(b));
    }
}
