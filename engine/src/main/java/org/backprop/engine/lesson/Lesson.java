package org.backprop.engine.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classroom lesson: projects to open and the narrated steps that go through them.
 *
 * @param projects project id to project file, relative to the lesson file, in the order they open
 * @param dir      the lesson file's folder (not in the file)
 */
public record Lesson(LocalText title, Map<String, String> projects, List<LessonStep> steps, Path dir) {

    public static final String FORMAT = "backprop-workbench/lesson";
    public static final int CURRENT_VERSION = 1;

    public Lesson {
        projects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(projects));
        steps = List.copyOf(steps);
    }

    public String firstProject() {
        return projects.keySet().iterator().next();
    }

    /** The project file a step shows. */
    public Path projectFile(String id) {
        String rel = projects.get(id == null ? firstProject() : id);
        if (rel == null) throw new IllegalArgumentException("no project \"" + id + "\" in the lesson");
        return dir.resolve(rel).normalize();
    }

    public String projectOf(LessonStep step) {
        return step.project() == null ? firstProject() : step.project();
    }

    /** Every text of the lesson, for checks that both languages are there. */
    public List<LocalText> texts() {
        List<LocalText> all = new ArrayList<>();
        all.add(title);
        for (LessonStep s : steps) {
            all.add(s.text());
            if (s.question() != null) all.add(s.question());
            if (s.answer() != null) all.add(s.answer());
        }
        return all;
    }
}
