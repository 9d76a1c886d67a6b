package org.backprop.visual.fx;

/**
 * How much larger presentation mode (a classroom projector, 1280x720 at the back of the room) draws
 * what views paint themselves: canvas lines and chart strokes, their fonts, and which colours.
 * Style sheets scale the controls; this is the same decision for pixels no style sheet reaches.
 * Each view has a {@code presentationProperty()} that the window binds to its one flag.
 */
public final class Presentation {
    /** Lines (chart series, connections, grid separators) this many times thicker. */
    public static final double LINE_SCALE = 2.5;
    /** Text drawn on canvases and charts this many times larger. */
    public static final double FONT_SCALE = 1.6;
    /**
     * The smallest zoom at which the network editor's cards stay readable from the back of the room:
     * their 10-12 px labels at 0.8 were too small on a 1280x720 screenshot. Fitting a deep network
     * stops here and lets the teacher pan.
     */
    public static final double READABLE_ZOOM = 1.0;

    private Presentation() {}

    public static double line(double width, boolean on) {
        return on ? width * LINE_SCALE : width;
    }

    public static double font(double size, boolean on) {
        return on ? Math.round(size * FONT_SCALE) : size;
    }
}
