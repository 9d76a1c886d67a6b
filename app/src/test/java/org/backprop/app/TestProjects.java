package org.backprop.app;

import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;

import java.nio.file.Files;
import java.nio.file.Path;

/** Project files for the app's tests, all derived from the shipped xor sample. */
final class TestProjects {
    private TestProjects() {}

    static Path xorSample() {
        return ProjectLocator.defaultProject().orElseThrow(() -> new IllegalStateException("samples/xor not found"));
    }

    static Project xor() throws Exception {
        return ProjectFiles.read(xorSample());
    }

    /** The xor sample with so many epochs that a test can pause it mid-run (500 take well under a second). */
    static Path longXor(Path dir) throws Exception {
        Project p = xor();
        Path f = dir.resolve("long-xor.bpw.json");
        ProjectFiles.write(p.withTraining(p.training().withEpochs(1_000_000)), f);
        return f;
    }

    /**
     * The long xor with linear layers and a huge plain-SGD step: the loss overflows to infinity and
     * then NaN within a few iterations, which must pause the run.
     */
    static Path divergingXor(Path dir) throws Exception {
        Project p = xor();
        var layers = p.network().layers().stream()
                .map(l -> l.type() == org.backprop.engine.project.LayerType.INPUT ? l : l.with("activation", "identity"))
                .toList();
        Project diverging = p.withNetwork(new org.backprop.engine.project.NetworkSpec(layers, p.network().edges()))
                .withTraining(p.training().withEpochs(1_000_000).withOptimizer(org.backprop.engine.project.OptimizerSpec.sgd(1e6)));
        Path f = dir.resolve("diverging-xor.bpw.json");
        ProjectFiles.write(diverging, f);
        return f;
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Valid JSON and header, but the network has no output layer: a compile problem. */
    static Path noOutputLayer(Path dir) throws Exception {
        String json = ProjectFiles.toJson(xor())
                .replaceAll("(?s),\\s*\\{\\s*\"id\": \"output\".*?}(\\s*])", "$1")
                .replaceAll("(?s),\\s*\\{\\s*\"from\": \"hidden\",\\s*\"to\": \"output\"\\s*}", "");
        return write(dir, "no-output.bpw.json", json);
    }

    /**
     * A valid project whose data cannot be loaded: a CSV file that does not exist (a DataException
     * whether or not this build reads CSV yet).
     */
    static Path unavailableData(Path dir) throws Exception {
        String json = ProjectFiles.toJson(xor()).replaceAll("(?s)\"data\": \\{.*?}",
                "\"data\": {\"source\": \"csv\", \"path\": \"no-such-table.csv\", \"label\": \"y\"}");
        return write(dir, "missing-data.bpw.json", json);
    }
}
