package org.backprop.visual.dashboard;

/**
 * Maps a value (here a log10) to a colour, as packed ARGB for a {@code PixelWriter}: cold dark
 * blue at the low end, through teal, green and yellow, to dark red at the high end (a
 * "turbo"-like ramp, Google AI 2019). A vanishing layer, whose gradients are orders of magnitude
 * smaller than its neighbours', therefore reads as a cold stripe across the heatmap at a glance.
 *
 * <p>An optional band (for the update:parameter ratio, DL4J's healthy 1e-4..1e-2 around 1e-3)
 * is marked by the legend. Values outside the range clamp to its ends; NaN has its own colour
 * (no sample), and so has ±Infinity from a NaN/Inf gradient (never a scale colour).
 * Free of the toolkit: tested on a plain thread.
 *
 * @param low  log10 value at the cold end
 * @param high log10 value at the hot end
 * @param band the healthy range, or null
 */
public record ColourScale(double low, double high, Band band) {

    /** A marked range of values, with the value at its heart. */
    public record Band(double low, double centre, double high) {}

    /** DL4J's guidance for the update:parameter ratio: about 1e-3, healthy from 1e-4 to 1e-2 (log10: -4..-2). */
    public static final Band HEALTHY_UPDATE_RATIO = new Band(-4, -3, -2);

    /** No value at this cell (not sampled yet). */
    public static final int NO_VALUE = 0xfff3f4f6;
    /** A non-finite gradient (NaN or Inf): black, which no scale colour is. */
    public static final int NON_FINITE = 0xff111111;

    // Control points of the ramp, evenly spaced from cold to hot.
    private static final int[] RAMP = {
            0x30123b, 0x4145ab, 0x4675ed, 0x39a2fc, 0x1bcfd4, 0x24eca6, 0x61fc6c,
            0xa4fc3b, 0xd1e834, 0xf3c63a, 0xfe9b2d, 0xf36315, 0xd93806, 0xb11901, 0x7a0403};

    public ColourScale {
        if (!(high > low)) throw new IllegalArgumentException("high must exceed low: " + low + ", " + high);
    }

    /** The update:parameter ratio, log10 from -7 to 0, with the healthy band marked. */
    public static ColourScale updateRatio() {
        return new ColourScale(-7, 0, HEALTHY_UPDATE_RATIO);
    }

    /**
     * A range for values with no fixed meaning (gradient norms): whole decades that cover
     * {@code min..max}, at least {@code minDecades} wide.
     */
    public static ColourScale covering(double min, double max, int minDecades) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) return new ColourScale(-6, 0, null);
        double lo = Math.floor(min);
        double hi = Math.ceil(max);
        while (hi - lo < minDecades) {
            lo -= 0.5;
            hi += 0.5;
        }
        return new ColourScale(Math.floor(lo), Math.ceil(hi), null);
    }

    /** Where {@code v} falls, 0 at the cold end and 1 at the hot end (clamped; NaN stays NaN). */
    public double fraction(double v) {
        if (Double.isNaN(v)) return Double.NaN;
        return Math.max(0, Math.min(1, (v - low) / (high - low)));
    }

    /** The colour of a log10 value. {@code -Infinity} (an exactly zero gradient) is the coldest colour. */
    public int argb(double v) {
        if (Double.isNaN(v)) return NO_VALUE;
        if (v == Double.POSITIVE_INFINITY) return NON_FINITE;
        return ramp(fraction(v));
    }

    /** The ramp's colour at fraction {@code f} in [0, 1]. */
    public static int ramp(double f) {
        double p = Math.max(0, Math.min(1, f)) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) p);
        double t = p - i;
        int a = RAMP[i];
        int b = RAMP[i + 1];
        int r = mix(a >> 16 & 0xff, b >> 16 & 0xff, t);
        int g = mix(a >> 8 & 0xff, b >> 8 & 0xff, t);
        int bl = mix(a & 0xff, b & 0xff, t);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    /** Whether {@code v} lies in the band (false without one). */
    public boolean inBand(double v) {
        return band != null && v >= band.low() && v <= band.high();
    }

    /**
     * A symmetric diverging colour for signed values (a gradient matrix): blue for positive,
     * orange-red for negative, white at zero, full at {@code |v| >= scale}.
     */
    public static int diverging(double v, double scale) {
        if (!Double.isFinite(v)) return NON_FINITE;
        double t = scale > 0 ? Math.min(1, Math.abs(v) / scale) : 0;
        int to = v >= 0 ? 0x2563eb : 0xea580c;
        int r = mix(0xff, to >> 16 & 0xff, t);
        int g = mix(0xff, to >> 8 & 0xff, t);
        int b = mix(0xff, to & 0xff, t);
        return 0xff000000 | r << 16 | g << 8 | b;
    }
}
