package org.backprop.visual.dashboard;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A region that is one canvas filling it: resized to whole pixels with the region and redrawn
 * then, and whenever the subclass's data changes (it calls {@link #draw()}).
 */
abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();

    CanvasRegion() {
        getChildren().add(canvas);
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Paints the whole canvas at its current size. */
    protected abstract void draw();

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }
}
