package org.backprop.app.stepthrough;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** The step toolbar's glyphs as vector paths (the fonts of many desktops lack ⏮ and ⏭). */
final class StepIcons {
    private StepIcons() {}

    static Node first() { return icon("M1 0 H3.5 V12 H1 Z M11 0 L3.5 6 L11 12 Z"); }

    static Node previous() { return icon("M10 0 L2 6 L10 12 Z"); }

    static Node play() { return icon("M1.5 0 L11 6 L1.5 12 Z"); }

    static Node pause() { return icon("M1 0 H4.5 V12 H1 Z M7.5 0 H11 V12 H7.5 Z"); }

    static Node next() { return icon("M2 0 L10 6 L2 12 Z"); }

    static Node last() { return icon("M1 0 L8.5 6 L1 12 Z M8.5 0 H11 V12 H8.5 Z"); }

    /** The Enter key's arrow. */
    static Node enter() { return icon("M9 0 H11 V7 H4 V10 L0 6 L4 2 V5 H9 Z"); }

    /** Back to the start: an arrow turning left. */
    static Node restart() { return icon("M6 1 A5 5 0 1 1 1.2 7.5 L3.2 7 A3 3 0 1 0 6 3 V5.5 L2 2 L6 -1.5 Z"); }

    private static Node icon(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("step-icon");
        return p;
    }
}
