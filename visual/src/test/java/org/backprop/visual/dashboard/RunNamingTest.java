package org.backprop.visual.dashboard;

import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RunNamingTest {
    private static final Map<String, String> WORDS = Map.of(
            "run.change", "{0}: {1} \u2192 {2}", "run.added", "{0} added", "run.removed", "{0} removed",
            "run.more", " and {0} more", "run.same", "same settings", "run.separator", ", ");

    private static String describe(Map<String, String> a, Map<String, String> b) {
        return RunNaming.describe(a, b, k -> k.replace("training.", "").replace("layer.", ""),
                (key, args) -> new MessageFormat(WORDS.get(key), Locale.ROOT).format(args));
    }

    static Project project(String activation, double lr) {
        NetworkSpec net = new NetworkSpec(List.of(
                LayerSpec.of("in", LayerType.INPUT, "size", 2),
                LayerSpec.of("hidden", LayerType.DENSE, "units", 4, "activation", activation),
                LayerSpec.of("out", LayerType.OUTPUT, "units", 1, "activation", "sigmoid", "loss", "mse")),
                List.of(EdgeSpec.forward("in", "hidden"), EdgeSpec.forward("hidden", "out")));
        TrainingSettings t = TrainingSettings.defaults().withOptimizer(OptimizerSpec.sgd(lr));
        return new Project(Project.FORMAT, Project.CURRENT_VERSION, "t", "", net, t, null);
    }

    @Test
    void namesARunByItsActivationAndLearningRateChange() {
        String d = describe(ProjectFacts.of(project("sigmoid", 0.1)), ProjectFacts.of(project("relu", 0.01)));
        assertEquals("learningRate: 0.1 \u2192 0.01, hidden.activation: sigmoid \u2192 relu", d);
    }

    @Test
    void identicalSettingsSaySo() {
        assertEquals("same settings", describe(ProjectFacts.of(project("tanh", 0.1)), ProjectFacts.of(project("tanh", 0.1))));
    }

    @Test
    void aLayerAddedIsOneChangeAndManyChangesAreSummarised() {
        Map<String, String> a = new java.util.LinkedHashMap<>(Map.of("layer.x", "dense", "layer.x.units", "4"));
        Map<String, String> b = Map.of();
        assertEquals("x removed", describe(a, b));
        Map<String, String> before = new java.util.LinkedHashMap<>();
        Map<String, String> after = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) { before.put("training.k" + i, "1"); after.put("training.k" + i, "2"); }
        assertEquals("k0: 1 \u2192 2, k1: 1 \u2192 2, k2: 1 \u2192 2 and 2 more", describe(before, after));
    }

    @Test
    void theBundleHasWordsForEveryFact() {
        Map<String, String> facts = ProjectFacts.of(project("tanh", 0.1));
        for (String k : facts.keySet()) assertFalse(RunNaming.label(k).isBlank(), k);
        String d = RunNaming.describe(facts, ProjectFacts.of(project("relu", 0.1)));
        assertTrue(d.contains("relu"), d);
    }
}
