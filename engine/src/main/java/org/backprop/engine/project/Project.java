package org.backprop.engine.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A workbench project: the network, how to train it, and on what data.
 * Immutable; an edit produces a new project (which is what makes undo cheap).
 */
@JsonPropertyOrder({"format", "version", "name", "description", "network", "training", "data"})
public record Project(
        String format,
        int version,
        String name,
        String description,
        NetworkSpec network,
        TrainingSettings training,
        DataSpec data) {

    /** The value of {@code format} that marks a file as ours. */
    public static final String FORMAT = "backprop-workbench/project";
    /** The newest format version this build reads and writes. */
    public static final int CURRENT_VERSION = 1;

    public Project {
        description = description == null ? "" : description;
        training = training == null ? TrainingSettings.defaults() : training;
    }

    public Project withNetwork(NetworkSpec n) {
        return new Project(format, version, name, description, n, training, data);
    }

    public Project withTraining(TrainingSettings t) {
        return new Project(format, version, name, description, network, t, data);
    }

    public Project withData(DataSpec d) {
        return new Project(format, version, name, description, network, training, d);
    }
}
