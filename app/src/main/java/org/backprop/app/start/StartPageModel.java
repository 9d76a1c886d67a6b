package org.backprop.app.start;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backprop.engine.lesson.Lesson;
import org.backprop.engine.lesson.LessonFiles;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.visual.fx.FrameCoalescer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * What the start page lists: every sample project (a folder of the samples directory with a
 * project file in it) and every lesson, read from disk off the UI thread. No controls.
 */
public final class StartPageModel {
    private static final System.Logger LOG = System.getLogger(StartPageModel.class.getName());

    /** A sample project as its file describes it, named and described in the interface's language. */
    public record Sample(Path file, String folder, String name, String description, NetworkSpec network) {}

    /** A lesson, titled in the interface's language. */
    public record LessonEntry(Path file, String id, String title) {}

    private final FrameCoalescer ui;
    private final Executor background;
    private final Path samplesDir;
    private final Path lessonsDir;
    private final Locale locale;
    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ObservableList<LessonEntry> lessons = FXCollections.observableArrayList();
    private final ObservableList<Sample> samplesView = FXCollections.unmodifiableObservableList(samples);
    private final ObservableList<LessonEntry> lessonsView = FXCollections.unmodifiableObservableList(lessons);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private boolean requested;

    /** @param samplesDir null when no samples were found (the page says so) */
    public StartPageModel(FrameCoalescer ui, Executor background, Path samplesDir, Path lessonsDir, Locale locale) {
        this.ui = ui;
        this.background = background;
        this.samplesDir = samplesDir;
        this.lessonsDir = lessonsDir;
        this.locale = locale;
    }

    /** Reads the samples and lessons in the background, once. */
    public void load() {
        if (requested) return;
        requested = true;
        background.execute(() -> {
            List<Sample> s = samplesDir == null ? List.of() : readSamples(samplesDir, locale);
            List<LessonEntry> l = lessonsDir == null ? List.of() : readLessons(lessonsDir, locale);
            ui.post(() -> {
                samples.setAll(s);
                lessons.setAll(l);
                loaded.set(true);
            });
        });
    }

    /** Blocking. A sample that does not read is left out (and logged): the page shows what works. */
    static List<Sample> readSamples(Path dir, Locale locale) {
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path file = folder.resolve(folder.getFileName() + ".bpw.json");
                if (!Files.isRegularFile(file)) continue;
                try {
                    Project p = ProjectFiles.read(file);
                    out.add(new Sample(file.toAbsolutePath(), folder.getFileName().toString(),
                            p.name(locale), p.description(locale), p.network()));
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "sample " + file + " not listed: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "samples folder " + dir + " not readable", e);
        }
        return out;
    }

    static List<LessonEntry> readLessons(Path dir, Locale locale) {
        List<LessonEntry> out = new ArrayList<>();
        try {
            for (Path p : LessonFiles.list(dir)) {
                String id = p.getFileName().toString().replace(LessonFiles.SUFFIX, "");
                try {
                    Lesson l = LessonFiles.read(p);
                    out.add(new LessonEntry(p.toAbsolutePath(), id, l.title().in(locale)));
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "lesson " + p + " not listed: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "no lessons in " + dir, e);
        }
        out.sort(Comparator.comparing(LessonEntry::id));
        return out;
    }

    public ObservableList<Sample> samples() { return samplesView; }

    public ObservableList<LessonEntry> lessons() { return lessonsView; }

    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
}
