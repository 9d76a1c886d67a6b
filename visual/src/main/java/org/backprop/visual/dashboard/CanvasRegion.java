package org.backprop.visual.dashboard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * A region that is one canvas filling it: resized to whole pixels with the region and redrawn
 * then, and whenever the subclass's data changes (it calls {@link #draw()}). What lies under the
 * pointer is described in {@link #hoverTextProperty()}.
 */
abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");

    CanvasRegion() {
        getChildren().add(canvas);
        presentation.addListener((o, was, on) -> presentationChanged(on));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverText.set(describe(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverText.set(""));
    }

    /** What the pointer is over, in words; empty over nothing. */
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }

    /** The hover text at a point of the canvas; views without one keep this empty default. */
    protected String describe(double x, double y) {
        return "";
    }

    /** Presentation mode: larger type, thicker lines; the window binds it to its one flag. */
    public BooleanProperty presentationProperty() { return presentation; }

    protected boolean presenting() { return presentation.get(); }

    /** Redraws; a subclass whose size depends on the mode resizes first. */
    protected void presentationChanged(boolean on) {
        draw();
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
