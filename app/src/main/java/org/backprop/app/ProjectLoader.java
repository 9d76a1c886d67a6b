package org.backprop.app;

import org.backprop.engine.compile.CompileException;
import org.backprop.engine.data.DataException;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.ProjectFormatException;
import org.backprop.engine.train.TrainingSession;

import java.io.IOException;
import java.nio.file.Path;

/** File (or edited project) to ready-to-train session: read, load the data, compile. Slow (ND4J); never on the FX thread. */
final class ProjectLoader {
    private ProjectLoader() {}

    static TrainingSession load(Path file) throws ProjectFormatException, IOException, DataException, CompileException {
        Project p = ProjectFiles.read(file);
        return prepare(p, file.toAbsolutePath().getParent());
    }

    /** A project being edited: {@code baseDir} is where its data paths and {@code weightsFrom} start (its file's folder). */
    static TrainingSession prepare(Project p, Path baseDir) throws DataException, CompileException {
        PreparedData data = ProjectData.load(p, baseDir);
        return new TrainingSession(p, data, baseDir);
    }
}
