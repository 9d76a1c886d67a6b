package org.backprop.app;

import org.backprop.engine.compile.CompileException;
import org.backprop.engine.data.DataException;
import org.backprop.engine.data.DataLoader;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.ProjectFormatException;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.train.TrainingSession;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Path;

/** File to ready-to-train session: read, load the data, compile. Slow (ND4J); never on the FX thread. */
final class ProjectLoader {
    private ProjectLoader() {}

    static TrainingSession load(Path file) throws ProjectFormatException, IOException, DataException, CompileException {
        Project p = ProjectFiles.read(file);
        int outputUnits = p.network().layers().stream()
                .filter(l -> l.type() == LayerType.OUTPUT)
                .findFirst()
                .map(l -> l.intValue("units"))
                .orElse(1); // no output layer: the compiler reports that, more clearly than the data could
        DataType dataType = p.training().dataType() == TrainingSettings.Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        PreparedData data = DataLoader.load(p.data(), file.toAbsolutePath().getParent(), dataType, outputUnits);
        return new TrainingSession(p, data);
    }
}
