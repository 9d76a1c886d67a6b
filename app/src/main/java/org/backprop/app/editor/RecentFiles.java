package org.backprop.app.editor;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The projects opened or saved lately, newest first, kept in the user's preferences
 * ({@code java.util.prefs}) so that they survive a restart.
 */
public final class RecentFiles {
    /** A preferences path to use instead of the default, e.g. for tests. */
    public static final String NODE_PROPERTY = "workbench.prefsNode";
    static final String DEFAULT_NODE = "org/backprop/workbench";
    static final int LIMIT = 8;
    private static final String KEY = "recent.";
    private static final System.Logger LOG = System.getLogger(RecentFiles.class.getName());

    private final Preferences prefs;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> view = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        for (int i = 0; i < LIMIT; i++) {
            String s = prefs.get(KEY + i, null);
            if (s != null && !s.isBlank()) files.add(Path.of(s));
        }
    }

    /** The user's own list, or the node named by {@value #NODE_PROPERTY}. */
    public static RecentFiles forUser() {
        return new RecentFiles(userNode());
    }

    /** The workbench's preferences node: the user's own, or the one named by {@value #NODE_PROPERTY}. */
    public static Preferences userNode() {
        return Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE));
    }

    public ObservableList<Path> files() {
        return view;
    }

    /** Puts a file first (once). */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        while (next.size() > LIMIT) next.remove(next.size() - 1);
        files.setAll(next);
        store();
    }

    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) store();
    }

    public void clear() {
        files.clear();
        store();
    }

    private void store() {
        for (int i = 0; i < LIMIT; i++) {
            if (i < files.size()) prefs.put(KEY + i, files.get(i).toString());
            else prefs.remove(KEY + i);
        }
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "recent files not stored", e);
        }
    }
}
