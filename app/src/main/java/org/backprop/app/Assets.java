package org.backprop.app;

import javafx.scene.image.Image;

import java.net.URL;
import java.util.List;

/** The files of {@code assets/} as the build puts them on the class path. */
public final class Assets {
    private static final String ROOT = "/org/backprop/app/assets/";

    private Assets() {}

    public static String stylesheet() {
        return url("styles/workbench.css").toExternalForm();
    }

    /** Loaded after {@link #stylesheet()} for the dark theme (see {@link Theme}). */
    public static String darkStylesheet() {
        return url("styles/workbench-dark.css").toExternalForm();
    }

    public static List<Image> icons() {
        return List.of(16, 32, 48, 256).stream()
                .map(size -> new Image(url("icons/workbench-" + size + ".png").toExternalForm()))
                .toList();
    }

    private static URL url(String path) {
        URL u = Assets.class.getResource(ROOT + path);
        if (u == null) throw new IllegalStateException("missing asset " + ROOT + path + " (is assets/ on the class path?)");
        return u;
    }
}
