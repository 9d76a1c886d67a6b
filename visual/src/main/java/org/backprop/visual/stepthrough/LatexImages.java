package org.backprop.visual.stepthrough;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * LaTeX drawn by JLaTeXMath into a bitmap at the screen's own pixel density, so a formula is as
 * sharp as text at any output scale. Images are cached (a step-through revisits its formulas
 * over and over, and one costs a few milliseconds to draw).
 *
 * <p>JLaTeXMath keeps global state that is not safe to share between threads, so every call
 * holds one lock; {@link #warmUp()} takes its one-off start (about a second: fonts, symbol
 * tables) off the FX thread.
 */
public final class LatexImages {
    private static final int CACHE_SIZE = 512;
    private static final Object LOCK = new Object();
    private static final Map<Key, Rendered> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Rendered> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private static volatile boolean warm;

    private LatexImages() {}

    /**
     * One formula as drawn.
     *
     * @param width  size in layout pixels (the image holds width * scale device pixels)
     * @param height likewise
     */
    public record Rendered(Image image, double width, double height) {}

    private record Key(String latex, double size, double scale, Color color) {}

    /** Starts JLaTeXMath on a daemon thread, so that the first formula on screen does not stall the UI. */
    public static void warmUp() {
        if (warm) return;
        Thread t = new Thread(() -> render("x^2 = \\frac{\\partial E}{\\partial w}", 20, 1, Color.BLACK), "latex-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Draws {@code latex} with a font of {@code size} layout pixels for a screen of {@code scale}
     * device pixels per layout pixel. Empty when the LaTeX does not parse.
     */
    public static Optional<Rendered> render(String latex, double size, double scale, Color color) {
        Key key = new Key(latex, size, scale, color);
        synchronized (LOCK) {
            Rendered cached = CACHE.get(key);
            if (cached != null) return Optional.of(cached);
            TeXIcon icon;
            try {
                icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, (float) (size * scale));
            } catch (ParseException | IllegalArgumentException e) {
                return Optional.empty();
            } finally {
                warm = true;
            }
            int pad = (int) Math.ceil(2 * scale);
            icon.setInsets(new Insets(pad, pad, pad, pad));
            icon.setForeground(new java.awt.Color((float) color.getRed(), (float) color.getGreen(), (float) color.getBlue(),
                    (float) color.getOpacity()));
            BufferedImage image = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                    BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                icon.paintIcon(null, g, 0, 0);
            } finally {
                g.dispose();
            }
            Rendered r = new Rendered(SwingFXUtils.toFXImage(image, null), image.getWidth() / scale, image.getHeight() / scale);
            CACHE.put(key, r);
            return Optional.of(r);
        }
    }
}
