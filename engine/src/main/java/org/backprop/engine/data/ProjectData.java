package org.backprop.engine.data;

import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

/** Loads a project's data shaped for its network, and checks that the two fit. */
public final class ProjectData {
    private ProjectData() {}

    /** @param baseDir the project file's folder: the data's relative paths start there */
    public static PreparedData load(Project project, Path baseDir) throws DataException {
        LayerSpec input = layer(project, LayerType.INPUT);
        LayerSpec output = layer(project, LayerType.OUTPUT);
        if (project.data().isSequence() != project.network().isRecurrent()) {
            throw new DataException(project.data().isSequence()
                    ? "the " + project.data().source() + (project.data().source().equals("table") ? " with a length" : "") + " source gives sequences, but the network has no feedback edge: "
                    + "draw a self-loop on a hidden layer (or use an lstm layer) to make it recurrent"
                    : "the network is recurrent (it has feedback edges) and needs sequences, but the " + project.data().source()
                    + " source gives single examples; use sine, sawtooth, square, adding, copy, text, or a table with a length (time steps per row)");
        }
        DataType dt = project.training().dataType() == TrainingSettings.Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        PreparedData d = DataLoader.load(project.data(), baseDir, dt,
                output == null ? 1 : output.intValue("units"), output == null ? null : output.stringValue("loss"),
                output != null && output.stringValue("steps").equals("last"));
        if (input != null && inputSize(input) != d.featureCount()) {
            throw new DataException(input.describe() + " takes " + inputSize(input) + " values per example, but the data ("
                    + d.description() + ") has " + d.featureCount() + " features");
        }
        return d;
    }

    static long inputSize(LayerSpec input) {
        return input.intValue("height") > 0
                ? (long) input.intValue("height") * input.intValue("width") * Math.max(1, input.intValue("channels"))
                : input.intValue("size");
    }

    private static LayerSpec layer(Project p, LayerType type) {
        return p.network().layers().stream().filter(l -> l.type() == type).findFirst().orElse(null);
    }
}
