package org.backprop.app.start;

import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.transform.Transform;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.visual.diagram.DiagramModel;
import org.backprop.visual.diagram.NetworkDiagram;

import java.util.List;
import java.util.Map;

/**
 * A sample's picture: its network drawn by the same {@link NetworkDiagram} the window uses,
 * rendered off-screen at run time, so it always shows what the project file holds. Drawn at
 * twice the size it is shown at, so that it stays sharp on a HiDPI screen.
 */
final class Thumbnails {
    static final double WIDTH = 240;
    static final double HEIGHT = 150;
    /** The diagram is laid out at this multiple of the thumbnail, so its labels keep their proportions. */
    private static final double LAYOUT = 1.75;
    private static final double PIXELS = 2;

    private Thumbnails() {}

    /** UI thread only. @param stylesheets the theme's, so the picture matches the window */
    static Image render(NetworkSpec network, List<String> stylesheets) {
        NetworkDiagram d = new NetworkDiagram();
        d.setMaxNeuronRadius(12);
        d.setModel(DiagramModel.of(network, Map.of()));
        StackPane holder = new StackPane(d);
        holder.getStyleClass().add("start-thumbnail"); // the dark theme styles the diagram only here
        Scene scene = new Scene(holder, WIDTH * LAYOUT, HEIGHT * LAYOUT);
        scene.getStylesheets().setAll(stylesheets);
        holder.applyCss();
        holder.layout();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(PIXELS / LAYOUT, PIXELS / LAYOUT));
        return d.snapshot(p, null);
    }
}
