package org.backprop.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import org.backprop.app.editor.RecentFiles;

import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Light or dark: the base stylesheet always, the dark one on top of it (and last, so that it
 * also re-colours the panels that add stylesheets of their own). The choice is kept in the
 * user's preferences; {@code -Dworkbench.theme=dark|light} overrides it, for screenshots.
 */
public enum Theme {
    LIGHT, DARK;

    static final String PROPERTY = "workbench.theme";
    static final String KEY = "theme";
    private static final System.Logger LOG = System.getLogger(Theme.class.getName());
    private static final ObjectProperty<Theme> CURRENT = new SimpleObjectProperty<>(Theme.class, "current", initial());

    /** The theme in use; setting it re-styles every installed scene and is remembered. */
    public static ObjectProperty<Theme> currentProperty() {
        return CURRENT;
    }

    public static Theme current() {
        return CURRENT.get();
    }

    /** Uses and remembers {@code t}. */
    public static void choose(Theme t) {
        CURRENT.set(t);
        Preferences prefs = RecentFiles.userNode();
        prefs.put(KEY, t.name().toLowerCase(Locale.ROOT));
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "theme not stored", e);
        }
    }

    /** The stylesheets of this theme, in order. */
    public List<String> stylesheets() {
        return this == DARK ? List.of(Assets.stylesheet(), Assets.darkStylesheet()) : List.of(Assets.stylesheet());
    }

    /** Styles the scene now and whenever the theme changes. */
    public static void install(Scene scene) {
        ObservableList<String> sheets = scene.getStylesheets();
        sheets.add(0, Assets.stylesheet());
        // Stylesheets added later (lesson mode's) come after the dark one: move it back to the end.
        sheets.addListener((ListChangeListener<String>) c -> keepDarkLast(sheets));
        CURRENT.addListener((o, was, now) -> applyTo(sheets, now));
        applyTo(sheets, current());
    }

    /** Styles a dialog with the theme in use. */
    public static void style(DialogPane pane) {
        pane.getStylesheets().addAll(current().stylesheets());
    }

    private static void applyTo(ObservableList<String> sheets, Theme t) {
        String dark = Assets.darkStylesheet();
        if (t == DARK && !sheets.contains(dark)) sheets.add(dark);
        if (t == LIGHT) sheets.remove(dark);
    }

    private static void keepDarkLast(ObservableList<String> sheets) {
        String dark = Assets.darkStylesheet();
        int at = sheets.indexOf(dark);
        if (at >= 0 && at != sheets.size() - 1) {
            // Changing the list from inside its own listener is refused; do it once this change is over.
            javafx.application.Platform.runLater(() -> {
                if (sheets.remove(dark)) sheets.add(dark);
            });
        }
    }

    private static Theme initial() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null) {
            try {
                chosen = RecentFiles.userNode().get(KEY, null);
            } catch (RuntimeException e) {
                chosen = null;
            }
        }
        return "dark".equalsIgnoreCase(chosen == null ? "" : chosen.trim()) ? DARK : LIGHT;
    }
}
