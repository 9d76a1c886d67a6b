package org.backprop.engine.finetune;

import org.backprop.engine.Projects;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.ModelZip;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** The exported snippet is real Java: it compiles against DL4J, rebuilds the network and loads the zip. */
class JavaSnippetTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    @Test
    void theSnippetOfAFineTunedChainRebuildsItAndLoadsTheTrainedWeights() throws Exception {
        TrainingSettings t = new TrainingSettings(OptimizerSpec.adam(0.01), 8, 1, 5, 0, 1e-4, 0.1, null, null, "relu");
        Project p = Projects.chain(t,
                LayerSpec.of("in", INPUT, "size", 16, "height", 4, "width", 4, "channels", 1),
                LayerSpec.of("conv", CONV2D, "filters", 3, "kernel", 3, "frozen", true),
                LayerSpec.of("pool", POOL2D, "kernel", 2, "stride", 2),
                LayerSpec.of("h", DENSE, "units", 5, "activation", "tanh", "learningRate", 0.001),
                LayerSpec.of("drop", DROPOUT, "rate", 0.25),
                LayerSpec.of("out", OUTPUT, "units", 3, "reinit", true));
        CompiledNetwork c = NetworkCompiler.compile(p);
        Path zip = tmp.resolve("model.zip");
        ModelZip.write(c, zip);
        String java = JavaSnippet.generate(p, c, "model.zip", "Rebuilt");
        assertTrue(java.contains(".layer(frozen(new ConvolutionLayer.Builder(3, 3).name(\"conv\")"), java);
        assertTrue(java.contains(".updater(new Adam(0.001, 0.9, 0.999, 1.0E-8))"), "h has its own learning rate:\n" + java);
        assertTrue(java.contains(".dropOut(new Dropout(0.9))"), "the project-wide dropout on layers after a hidden one:\n" + java);
        assertTrue(java.contains(".setInputType(InputType.convolutionalFlat(4, 4, 1))"), java);

        Model rebuilt = run(java, "Rebuilt", zip);
        MultiLayerNetwork n = (MultiLayerNetwork) rebuilt;
        assertEquals(c.multiLayer().getLayerWiseConfigurations(), n.getLayerWiseConfigurations(),
                "the snippet builds the very configuration the workbench compiled");
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 16);
        assertEquals(c.output(x), n.output(x));
    }

    @Test
    void theSnippetOfABranchingNetworkBuildsAComputationGraph() throws Exception {
        var net = new NetworkSpec(List.of(
                LayerSpec.of("in", INPUT, "size", 3),
                LayerSpec.of("a", DENSE, "units", 4, "activation", "tanh", "frozen", true),
                LayerSpec.of("b", DENSE, "units", 2),
                LayerSpec.of("out", OUTPUT, "units", 2)),
                List.of(EdgeSpec.forward("in", "a"), EdgeSpec.forward("in", "b"),
                        EdgeSpec.forward("a", "out"), EdgeSpec.forward("b", "out")));
        Project p = Projects.of(net, TrainingSettings.defaults());
        CompiledNetwork c = NetworkCompiler.compile(p);
        Path zip = tmp.resolve("graph.zip");
        ModelZip.write(c, zip);
        String java = JavaSnippet.generate(p, c, "graph.zip", "Branches");
        assertTrue(java.contains(".addVertex(\"out/merge\", new MergeVertex(), \"a\", \"b\")"), java);
        ComputationGraph g = (ComputationGraph) run(java, "Branches", zip);
        assertEquals(c.graph().getConfiguration().toJson(), g.getConfiguration().toJson());
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3);
        assertEquals(c.output(x), g.outputSingle(x));
    }

    @Test
    void classNamesComeFromFileNames() {
        assertEquals("FashionFinetune", JavaSnippet.className("fashion-finetune.bpw.json"));
        assertEquals("Model3d", JavaSnippet.className("3d.java"));
    }

    /** Compiles the snippet with the JDK's compiler against the test class path and calls its load(File). */
    private Model run(String java, String className, Path zip) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src")).resolve(className + ".java");
        Files.writeString(src, java);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, messages, messages,
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none", src.toString());
        assertEquals(0, rc, () -> messages + "\n" + java);
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            return (Model) loader.loadClass(className).getMethod("load", File.class).invoke(null, zip.toFile());
        }
    }
}
