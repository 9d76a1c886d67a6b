package org.backprop.app.stepthrough;

import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shipped samples the step-mode tests use, found from the app module's working directory. */
final class StepSamples {
    private StepSamples() {}

    static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("samples").resolve(name).resolve(name + ".bpw.json");
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("samples/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    static Project load(String name) throws Exception {
        return ProjectFiles.read(file(name));
    }

    /** The 1-2-1 sample with dropout on its hidden layer: a network the step-through refuses, naming the layer. */
    static Path withDropout(Path dir) throws Exception {
        Project p = load("chain-rule-1-2-1");
        List<LayerSpec> layers = new ArrayList<>(p.network().layers());
        layers.set(1, layers.get(1).with("dropout", 0.5));
        Path f = dir.resolve("dropout-1-2-1.bpw.json");
        ProjectFiles.write(p.withNetwork(new NetworkSpec(layers, p.network().edges())), f);
        return f;
    }
}
