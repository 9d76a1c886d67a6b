package org.backprop.engine;

import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;

import java.util.ArrayList;
import java.util.List;

/** Small projects built in code for tests. */
public final class Projects {
    private Projects() {}

    /** The layers joined in a chain, in the order given. */
    public static Project chain(TrainingSettings training, LayerSpec... layers) {
        List<EdgeSpec> edges = new ArrayList<>();
        for (int i = 1; i < layers.length; i++) edges.add(EdgeSpec.forward(layers[i - 1].id(), layers[i].id()));
        return of(new NetworkSpec(List.of(layers), edges), training);
    }

    public static Project of(NetworkSpec net, TrainingSettings training) {
        return new Project(Project.FORMAT, Project.CURRENT_VERSION, "test", "", net, training,
                DataSpec.generated("circle", 40, 0, 1, 0.25));
    }

    /** Double precision, plain SGD with rate 1 and no regularisation: what gradient checks need. */
    public static TrainingSettings gradientCheck() {
        return new TrainingSettings(OptimizerSpec.sgd(1.0), 8, 1, 12345, 0, 0, 0, GradientClipping.NONE,
                TrainingSettings.Precision.DOUBLE, "xavier");
    }
}
