package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A workbench project: the network, how to train it, and on what data.
 * Immutable; an edit produces a new project (which is what makes undo cheap).
 */
@JsonPropertyOrder({"format", "version", "name", "description", "translations", "network", "training", "data"})
public record Project(
        String format,
        int version,
        String name,
        String description,
        // Optional; absent from files without it, so those are written byte for byte as before.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Translation.Language, Translation> translations,
        NetworkSpec network,
        TrainingSettings training,
        DataSpec data) {

    /** The value of {@code format} that marks a file as ours. */
    public static final String FORMAT = "backprop-workbench/project";
    /** The newest format version this build reads and writes. */
    public static final int CURRENT_VERSION = 1;

    @JsonCreator
    public Project {
        description = description == null ? "" : description;
        translations = translations == null || translations.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(translations));
        training = training == null ? TrainingSettings.defaults() : training;
    }

    /** A project in English only. */
    public Project(String format, int version, String name, String description,
                   NetworkSpec network, TrainingSettings training, DataSpec data) {
        this(format, version, name, description, Map.of(), network, training, data);
    }

    /** The name in the locale's language where the file translates it, the plain name otherwise. */
    public String name(Locale locale) {
        Translation t = translation(locale);
        return t == null || t.name() == null || t.name().isBlank() ? name : t.name();
    }

    /** The description in the locale's language where the file translates it, the plain one otherwise. */
    public String description(Locale locale) {
        Translation t = translation(locale);
        return t == null || t.description() == null || t.description().isBlank() ? description : t.description();
    }

    private Translation translation(Locale locale) {
        Translation.Language l = Translation.Language.of(locale);
        return l == null ? null : translations.get(l);
    }

    /** New English texts; the translations stay (an undo must give back the same project). */
    public Project withInfo(String newName, String newDescription) {
        return new Project(format, version, newName, newDescription, translations, network, training, data);
    }

    public Project withNetwork(NetworkSpec n) {
        return new Project(format, version, name, description, translations, n, training, data);
    }

    public Project withTraining(TrainingSettings t) {
        return new Project(format, version, name, description, translations, network, t, data);
    }

    public Project withData(DataSpec d) {
        return new Project(format, version, name, description, translations, network, training, d);
    }
}
