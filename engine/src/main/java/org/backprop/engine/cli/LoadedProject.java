package org.backprop.engine.cli;

import org.backprop.engine.compile.CompileException;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.DataException;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.ProjectFormatException;
import org.backprop.engine.train.TrainingSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A project file read, compiled and given its data: the shared first half of every command.
 * Each step's failure becomes one {@link InvalidInput} whose message says what and where.
 */
record LoadedProject(Path file, Project project, PreparedData data) {

    static final class InvalidInput extends Exception {
        InvalidInput(String message) {
            super(message);
        }
    }

    static Project readProject(Path file) throws InvalidInput {
        try {
            if (!Files.exists(file)) throw new InvalidInput(file + ": no such file");
            return ProjectFiles.read(file);
        } catch (ProjectFormatException e) {
            throw new InvalidInput(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new InvalidInput(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidInput(file + ": cannot be read: " + e.getMessage());
        }
    }

    static LoadedProject load(Path file, Project project) throws InvalidInput {
        try {
            NetworkCompiler.compile(project, baseDir(file)); // fail on the network before spending time on data
            return new LoadedProject(file, project, loadData(project, file.toAbsolutePath().getParent()));
        } catch (CompileException e) {
            throw new InvalidInput(file.getFileName() + ": the network cannot be built:\n  - "
                    + String.join("\n  - ", e.problems()));
        }
    }

    static PreparedData loadData(Project project, Path baseDir) throws InvalidInput {
        try {
            return ProjectData.load(project, baseDir);
        } catch (DataException e) {
            throw new InvalidInput("data: " + e.getMessage());
        }
    }

    /** The project file's folder: data paths and {@code weightsFrom} are relative to it. */
    Path baseDir() {
        return baseDir(file);
    }

    static Path baseDir(Path file) {
        return file.toAbsolutePath().getParent();
    }

    TrainingSession session() throws InvalidInput {
        try {
            return new TrainingSession(project, data, baseDir());
        } catch (CompileException e) {
            throw new InvalidInput(String.join("\n", e.problems()));
        }
    }
}
