package org.backprop.engine.finetune;

import org.backprop.engine.Projects;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.compile.WeightSource;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.model.ModelProjects;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.ModelZip;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** Open a trained model, freeze layers, give it a new head, train: what the fine-tuning lesson does. */
class FineTuneTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static DataSpec iris(List<Integer> classes) {
        return DataSpec.builder("iris").seed(42L).testFraction(0.2).classes(classes).build();
    }

    /** Iris 4-8-6-3, trained briefly and saved as a DL4J zip: the "pretrained" model. */
    Path pretrained() throws Exception {
        TrainingSettings t = new TrainingSettings(OptimizerSpec.adam(0.05), 16, 1, 3, 0, 0, 0, null, null, "xavier");
        Project p = Projects.chain(t,
                LayerSpec.of("input", INPUT, "size", 4),
                LayerSpec.of("h1", DENSE, "units", 8, "activation", "tanh"),
                LayerSpec.of("h2", DENSE, "units", 6, "activation", "relu"),
                LayerSpec.of("output", OUTPUT, "units", 3)).withData(iris(null));
        Path zip = tmp.resolve("pretrained.zip");
        try (TrainingSession s = new TrainingSession(p, ProjectData.load(p, tmp))) {
            s.setPlan(TrainingPlan.iterations(30));
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            ModelZip.write(s.network(), zip);
        }
        return zip;
    }

    @Test
    void aZipOpensAsAProjectWhoseLayersMatchTheModelAndWhoseWeightsAreAReference() throws Exception {
        Path zip = pretrained();
        Path projectFile = tmp.resolve("opened.bpw.json");
        ModelProjects.Opened opened = FineTune.open(zip, projectFile, iris(null));
        Project p = opened.project();
        assertEquals("pretrained.zip", p.network().weightsFrom());
        assertEquals(List.of("input", "h1", "h2", "output"), p.network().layers().stream().map(LayerSpec::id).toList());
        assertEquals(List.of(INPUT, DENSE, DENSE, OUTPUT), p.network().layers().stream().map(LayerSpec::type).toList());
        LayerSpec h1 = p.network().layer("h1").orElseThrow();
        assertEquals(8, h1.intValue("units"));
        assertEquals("tanh", h1.stringValue("activation"));
        assertEquals("mcxent", p.network().layer("output").orElseThrow().stringValue("loss"));
        assertEquals(4, p.network().layer("input").orElseThrow().intValue("size"));
        assertEquals(OptimizerSpec.Type.ADAM, p.training().optimizer().type());
        assertEquals(0.05, p.training().optimizer().learningRate(), 1e-12);
        assertTrue(opened.notes().isEmpty(), opened.notes().toString());

        // Saved, it stays small (a reference, no numbers) and reads back to the same bytes.
        ProjectFiles.write(p, projectFile);
        String text = Files.readString(projectFile);
        assertTrue(text.contains("\"weightsFrom\": \"pretrained.zip\""), text);
        assertTrue(text.length() < 2000, "no weights copied into the project: " + text.length() + " characters");
        assertEquals(p, ProjectFiles.read(projectFile));
        assertEquals(text, ProjectFiles.toJson(ProjectFiles.read(projectFile)));

        // Compiled with its folder, every layer starts from the model's weights: same outputs.
        CompiledNetwork c = NetworkCompiler.compile(p, tmp);
        assertEquals(Map.of("h1", WeightSource.PRETRAINED, "h2", WeightSource.PRETRAINED, "output", WeightSource.PRETRAINED),
                c.weightSources());
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 4);
        assertEquals(ModelSerializer.restoreMultiLayerNetwork(zip.toFile()).output(x), c.output(x));
    }

    @Test
    void freezeReplaceTheHeadAndTrainLeavesFrozenParametersBitIdentical() throws Exception {
        Path zip = pretrained();
        Project p = FineTune.open(zip, tmp.resolve("ft.bpw.json"), iris(List.of(1, 2))).project();
        p = FineTune.replaceHead(FineTune.freezeAllButHead(p), 2);
        ProjectFiles.write(p, tmp.resolve("ft.bpw.json"));
        p = ProjectFiles.read(tmp.resolve("ft.bpw.json"));
        assertTrue(p.network().layer("h1").orElseThrow().frozen());
        assertTrue(p.network().layer("h2").orElseThrow().frozen());
        assertFalse(p.network().layer("output").orElseThrow().frozen());

        PreparedData data = ProjectData.load(p, tmp);
        assertEquals(List.of("versicolor", "virginica"), data.classNames(), "classes 1 and 2 relabelled 0 and 1");
        assertEquals(2, data.targetCount());
        var before = ModelSerializer.restoreMultiLayerNetwork(zip.toFile());
        try (TrainingSession s = new TrainingSession(p, data, tmp)) {
            CompiledNetwork c = s.network();
            assertEquals(Map.of("h1", WeightSource.PRETRAINED, "h2", WeightSource.PRETRAINED, "output", WeightSource.REINITIALISED),
                    c.weightSources(), "the new head (6x2) starts fresh: the model's head was 6x3, and it is marked reinit");
            assertEquals(java.util.Set.of("h1", "h2"), c.frozenLayers());
            assertEquals(6 * 2 + 2, c.trainableParameterCount());
            assertInstanceOf(FrozenLayerWithBackprop.class, c.multiLayer().getLayerWiseConfigurations().getConf(0).getLayer());
            assertInstanceOf(org.deeplearning4j.nn.layers.FrozenLayerWithBackprop.class, c.multiLayer().getLayer(1));
            INDArray headBefore = c.multiLayer().getLayer(2).params().dup();
            s.setPlan(TrainingPlan.iterations(40));
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(TrainingSession.State.FINISHED, s.state(), () -> String.valueOf(s.failure()));
            for (int i = 0; i < 2; i++) {
                assertEquals(before.getLayer(i).params(), c.multiLayer().getLayer(i).params(),
                        "frozen layer " + i + " is bit for bit the pretrained one");
                assertArrayEquals(before.getLayer(i).params().toFloatVector(), c.multiLayer().getLayer(i).params().toFloatVector());
            }
            assertNotEquals(headBefore, c.multiLayer().getLayer(2).params(), "the head learns");
            double first = s.metrics().get(0).loss();
            double last = s.metrics().last().loss();
            assertTrue(last < first, "loss " + first + " -> " + last);
        }
    }

    /**
     * What telemetry sees of a frozen layer: DL4J reports no per-variable gradient for it ("0_W" is
     * absent) and zeros in its part of the flattened gradient, so its update is exactly zero.
     */
    @Test
    void aFrozenLayerHasNoGradientToShow() throws Exception {
        Project p = FineTune.freeze(FineTune.open(pretrained(), tmp.resolve("g.bpw.json"), iris(null)).project(), List.of("h1"));
        CompiledNetwork c = NetworkCompiler.compile(p, tmp);
        var net = c.multiLayer();
        var d = ProjectData.load(p, tmp).train();
        net.setInput(d.getFeatures());
        net.setLabels(d.getLabels());
        net.computeGradientAndScore();
        var byVariable = net.gradient().gradientForVariable();
        assertFalse(byVariable.containsKey("0_W") || byVariable.containsKey("0_b"), byVariable.keySet().toString());
        assertTrue(byVariable.get("1_W").norm2Number().doubleValue() > 0);
        long h1 = c.layers().get("h1").parameterCount();
        INDArray flat = net.gradient().gradient();
        assertEquals(0.0, flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, h1)).norm2Number().doubleValue());
    }

    @Test
    void aFrozenMiddleLayerPassesGradientsToTheLayersBeforeIt() throws Exception {
        Path zip = pretrained();
        Project p = FineTune.freeze(FineTune.open(zip, tmp.resolve("m.bpw.json"), iris(null)).project(), List.of("h2"));
        try (TrainingSession s = new TrainingSession(p, ProjectData.load(p, tmp), tmp)) {
            var c = s.network().multiLayer();
            INDArray h1 = c.getLayer(0).params().dup();
            INDArray h2 = c.getLayer(1).params().dup();
            s.setPlan(TrainingPlan.iterations(10));
            s.start();
            assertTrue(s.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(h2, c.getLayer(1).params(), "h2 is frozen");
            assertNotEquals(h1, c.getLayer(0).params(), "h1, before the frozen h2, still learns");
        }
    }

    @Test
    void reinitialisedAndPerLayerLearningRatesReachDl4j() throws Exception {
        Path zip = pretrained();
        Project p = FineTune.open(zip, tmp.resolve("r.bpw.json"), iris(null)).project();
        p = FineTune.reinitialise(p, List.of("h2"));
        p = FineTune.layerLearningRate(FineTune.learningRate(p, 0.001), "h1", 1e-5);
        CompiledNetwork c = NetworkCompiler.compile(p, tmp);
        assertEquals(WeightSource.PRETRAINED, c.weightSources().get("h1"));
        assertEquals(WeightSource.REINITIALISED, c.weightSources().get("h2"));
        var pre = ModelSerializer.restoreMultiLayerNetwork(zip.toFile());
        assertNotEquals(pre.getLayer(1).params(), c.multiLayer().getLayer(1).params());
        assertEquals(1e-5, ((BaseLayer) c.multiLayer().getLayer(0).conf().getLayer()).getIUpdater().getLearningRate(0, 0), 1e-15);
        assertEquals(0.001, ((BaseLayer) c.multiLayer().getLayer(1).conf().getLayer()).getIUpdater().getLearningRate(0, 0), 1e-15);
        assertEquals(0.001, ((BaseLayer) c.multiLayer().getLayer(2).conf().getLayer()).getIUpdater().getLearningRate(0, 0), 1e-15);
        // Back to the project's rate: the property disappears rather than reading 0.
        assertFalse(FineTune.layerLearningRate(p, "h1", 0).network().layer("h1").orElseThrow().properties().containsKey("learningRate"));
    }

    @Test
    void aNewHeadOnTopKeepsTheOldOneAsAHiddenLayer() throws Exception {
        Path zip = pretrained();
        Project p = FineTune.addHead(FineTune.open(zip, tmp.resolve("a.bpw.json"), iris(List.of(0, 2))).project(), "head", 2, "relu");
        assertEquals(List.of("input", "h1", "h2", "output", "head"), p.network().layers().stream().map(LayerSpec::id).toList());
        CompiledNetwork c = NetworkCompiler.compile(p, tmp);
        assertEquals(WeightSource.PRETRAINED, c.weightSources().get("output"), "the old head, now hidden, keeps its weights");
        assertEquals(WeightSource.FRESH, c.weightSources().get("head"));
        assertEquals("relu", p.network().layer("output").orElseThrow().stringValue("activation"));
    }

    @Test
    void aBranchingNetworkRoundTripsThroughAZipAsAComputationGraph() throws Exception {
        var net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 4),
                LayerSpec.of("a", DENSE, "units", 3, "activation", "tanh"),
                LayerSpec.of("b", DENSE, "units", 2, "activation", "relu"),
                LayerSpec.of("out", OUTPUT, "units", 3, "activation", "softmax", "loss", "mcxent")),
                List.of(EdgeSpec.forward("in", "a"), EdgeSpec.forward("in", "b"),
                        EdgeSpec.forward("a", "out"), EdgeSpec.forward("b", "out")));
        Project original = Projects.of(net, TrainingSettings.defaults()).withData(iris(null));
        CompiledNetwork trained = NetworkCompiler.compile(original);
        Path zip = tmp.resolve("graph.zip");
        ModelZip.write(trained, zip);
        Project opened = FineTune.open(zip, tmp.resolve("g.bpw.json"), iris(null)).project();
        assertEquals(net.layers(), opened.network().layers());
        assertEquals(net.edges(), opened.network().edges(), "the merge becomes two edges into 'out', in the same order");
        CompiledNetwork c = NetworkCompiler.compile(opened, tmp);
        assertTrue(c.isGraph());
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 4);
        assertEquals(trained.output(x), c.output(x));
    }

    @Test
    void fromScratchIsTheSameNetworkWithoutTheModel() throws Exception {
        Path zip = pretrained();
        Project ft = FineTune.replaceHead(FineTune.freezeAllButHead(FineTune.open(zip, tmp.resolve("s.bpw.json"), iris(null)).project()), 3);
        Project scratch = FineTune.fromScratch(ft);
        assertNull(scratch.network().weightsFrom());
        assertTrue(scratch.network().layers().stream().noneMatch(LayerSpec::frozen));
        CompiledNetwork c = NetworkCompiler.compile(scratch);
        assertTrue(c.weightSources().values().stream().allMatch(w -> w == WeightSource.FRESH));
    }
}
