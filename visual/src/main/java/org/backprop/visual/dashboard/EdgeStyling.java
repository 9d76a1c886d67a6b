package org.backprop.visual.dashboard;

import javafx.scene.paint.Color;

import java.util.Map;
import java.util.Optional;

/**
 * How to draw each connection of a network from its weights (or their gradients): blue for
 * positive, orange for negative, more opaque and thicker the larger |value| is against one scale
 * shared by the whole network (so layers compare). A function of the weight matrices only, for
 * any diagram to apply: the live network view does, and so can the editor's diagram.
 *
 * <p>Built off the UI thread if need be ({@code javafx.scene.paint.Color} needs no toolkit).
 */
public final class EdgeStyling {

    /** What the styling shows. */
    public enum Mode { WEIGHT, GRADIENT }

    /**
     * @param value  the weight (or gradient) itself
     * @param colour blue (positive) or orange (negative), alpha growing with |value|
     * @param width  stroke width in pixels, {@link #MIN_WIDTH} to {@link #MAX_WIDTH}
     */
    public record Style(double value, Color colour, double width) {}

    public static final double MIN_WIDTH = 0.6;
    public static final double MAX_WIDTH = 4.5;
    private static final Color POSITIVE = Color.web("#2563eb");
    private static final Color NEGATIVE = Color.web("#ea580c");

    public static final EdgeStyling NONE = new EdgeStyling(Mode.WEIGHT, Map.of(), 0);

    private final Mode mode;
    private final Map<String, LayerMatrix> matrices;
    private final double scale;

    private EdgeStyling(Mode mode, Map<String, LayerMatrix> matrices, double scale) {
        this.mode = mode;
        this.matrices = Map.copyOf(matrices);
        this.scale = scale;
    }

    /**
     * @param matrices per layer id, the matrix of the connections that enter it (outputs x inputs);
     *                 unsigned block reductions are not accepted: each edge needs its own value
     */
    public static EdgeStyling of(Mode mode, Map<String, LayerMatrix> matrices) {
        double scale = 0;
        for (LayerMatrix m : matrices.values()) {
            if (m.magnitudes()) throw new IllegalArgumentException(m.layer() + ": a reduced matrix has no value per edge");
            scale = Math.max(scale, m.robustScale());
        }
        return new EdgeStyling(mode, matrices, scale);
    }

    public Mode mode() { return mode; }

    /** |value| at which an edge is drawn fully opaque and at full width. */
    public double scale() { return scale; }

    /** The style of the connection from input {@code in} into unit {@code out} of layer {@code to}, if known. */
    public Optional<Style> style(String to, int out, int in) {
        LayerMatrix m = matrices.get(to);
        if (m == null || out < 0 || in < 0 || out >= m.outputs() || in >= m.inputs()) return Optional.empty();
        return Optional.of(style(m.get(out, in)));
    }

    /** The style of one value against this styling's scale. */
    public Style style(double v) {
        if (!Double.isFinite(v)) return new Style(v, Color.BLACK, MAX_WIDTH);
        double t = scale > 0 ? Math.min(1, Math.abs(v) / scale) : 0;
        // sqrt: small weights stay visible, large ones do not swamp the picture.
        double s = Math.sqrt(t);
        Color base = v >= 0 ? POSITIVE : NEGATIVE;
        Color colour = Color.color(base.getRed(), base.getGreen(), base.getBlue(), 0.12 + 0.88 * s);
        return new Style(v, colour, MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * s);
    }

    public boolean isEmpty() {
        return matrices.isEmpty();
    }
}
