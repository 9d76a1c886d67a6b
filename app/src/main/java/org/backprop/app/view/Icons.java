package org.backprop.app.view;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Toolbar glyphs as vector paths (sharp at any scale, coloured from CSS via {@code .icon}). */
final class Icons {
    private Icons() {}

    static Node train() { return filled("M1 0 L11 6 L1 12 Z"); }

    static Node pause() { return filled("M1 0 H4.5 V12 H1 Z M7.5 0 H11 V12 H7.5 Z"); }

    static Node step() { return filled("M0 0 L7.5 6 L0 12 Z M8.5 0 H11 V12 H8.5 Z"); }

    static Node stop() { return filled("M1 1 H11 V11 H1 Z"); }

    static Node reset() {
        SVGPath arc = new SVGPath();
        arc.setContent("M10.5 6.5 A4.5 4.5 0 1 1 6 2");
        arc.getStyleClass().add("icon-stroke");
        SVGPath head = new SVGPath();
        head.setContent("M5.5 -0.5 L9 2 L5.5 4.5 Z");
        head.getStyleClass().add("icon");
        return new Group(arc, head);
    }

    /** A padlock: a frozen layer. */
    static Node lock() {
        SVGPath shackle = new SVGPath();
        shackle.setContent("M3.5 5.5 V3.5 A2.5 2.5 0 0 1 8.5 3.5 V5.5");
        shackle.getStyleClass().add("icon-stroke");
        SVGPath body = new SVGPath();
        body.setContent("M1.5 5.5 H10.5 V12 H1.5 Z");
        body.getStyleClass().add("icon");
        return new Group(shackle, body);
    }

    private static Node filled(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        return p;
    }
}
