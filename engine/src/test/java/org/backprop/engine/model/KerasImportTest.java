package org.backprop.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backprop.engine.Samples;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.compile.WeightSource;
import org.backprop.engine.finetune.FineTune;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Keras fixtures in samples/keras (written by make-keras-fixtures.py in Keras 2's HDF5 layout)
 * import through DL4J and predict what the script's numpy forward pass recorded with them.
 */
class KerasImportTest {
    /** Float32 arithmetic against a float64 reference on nets this small: a few ulps of 1. */
    static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static Path fixture(String name) {
        return Samples.root().resolve("keras").resolve(name);
    }

    /** The recorded inputs, in Keras's layout, and the outputs the file must give for them. */
    record Expected(INDArray inputs, double[][] outputs) {}

    static Expected expected(String model) throws Exception {
        JsonNode e = new ObjectMapper().readTree(fixture(model + ".expected.json").toFile());
        int rows = e.get("inputs").size();
        long[] shape = new long[e.get("inputShape").size() + 1];
        shape[0] = rows;
        for (int i = 1; i < shape.length; i++) shape[i] = e.get("inputShape").get(i - 1).asLong();
        int per = e.get("inputs").get(0).size();
        float[] flat = new float[rows * per];
        for (int r = 0; r < rows; r++) for (int c = 0; c < per; c++) flat[r * per + c] = (float) e.get("inputs").get(r).get(c).asDouble();
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = new double[e.get("outputs").get(r).size()];
            for (int c = 0; c < out[r].length; c++) out[r][c] = e.get("outputs").get(r).get(c).asDouble();
        }
        return new Expected(Nd4j.create(flat, shape, 'c'), out);
    }

    static void assertPredicts(Expected want, INDArray got) {
        assertEquals(want.outputs().length, got.size(0));
        for (int r = 0; r < want.outputs().length; r++) {
            for (int c = 0; c < want.outputs()[r].length; c++) {
                assertEquals(want.outputs()[r][c], got.getDouble(r, c), TOLERANCE, "example " + r + ", output " + c);
            }
        }
    }

    @Test
    void aSequentialDenseModelImportsAsAMultiLayerNetworkAndPredictsTheRecordedOutputs() throws Exception {
        LoadedModel m = KerasImport.read(fixture("mlp-sequential.h5"));
        assertFalse(m.isGraph());
        assertEquals("mlp-sequential.h5 (Keras 2.9.0)", m.source());
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, m.parameterCount());
        Expected e = expected("mlp-sequential");
        assertPredicts(e, m.output(e.inputs()));
        DropoutLayer drop = (DropoutLayer) m.multiLayer().getLayer(1).conf().getLayer();
        assertEquals(0.8, ((Dropout) drop.getIDropout()).getP(), 1e-12, "Keras's rate 0.2 reaches DL4J as keeping 0.8");
    }

    @Test
    void aFunctionalConvolutionalModelWithTwoBranchesImportsAsAComputationGraph() throws Exception {
        LoadedModel m = KerasImport.read(fixture("cnn-functional.h5"));
        assertTrue(m.isGraph());
        assertEquals(List.of("conv", "pool", "branch_relu", "branch_tanh", "scores", "scores_loss"), m.layerNames());
        Expected e = expected("cnn-functional");
        assertPredicts(e, m.output(e.inputs()));
    }

    @Test
    void aRecurrentModelWithSimpleRnnAndLstmImportsAndPredictsTheRecordedOutputs() throws Exception {
        LoadedModel m = KerasImport.read(fixture("rnn-sequential.h5"));
        assertFalse(m.isGraph());
        Expected e = expected("rnn-sequential");
        assertPredicts(e, m.output(e.inputs()));
    }

    @Test
    void aKerasMlpBecomesAnEditableProjectThatStartsFromItsWeights() throws Exception {
        Path zip = tmp.resolve("mlp.zip");
        DataSpec iris = DataSpec.builder("iris").seed(1L).testFraction(0.2).build();
        ModelProjects.Opened opened = FineTune.importKeras(fixture("mlp-sequential.h5"), zip, tmp.resolve("mlp.bpw.json"), iris);
        Project p = opened.project();
        assertEquals("mlp.zip", p.network().weightsFrom());
        assertEquals(List.of(LayerType.INPUT, LayerType.DENSE, LayerType.DROPOUT, LayerType.OUTPUT),
                p.network().layers().stream().map(LayerSpec::type).toList());
        assertEquals(0.2, p.network().layer("dropout").orElseThrow().doubleValue("rate"), 1e-9);
        assertEquals("mcxent", p.network().layer("dense_1").orElseThrow().stringValue("loss"),
                "the file's training_config loss (categorical_crossentropy) becomes the output layer's");
        CompiledNetwork c = NetworkCompiler.compile(p, tmp);
        assertEquals(WeightSource.PRETRAINED, c.weightSources().get("dense"));
        assertEquals(WeightSource.PRETRAINED, c.weightSources().get("dense_1"));
        Expected e = expected("mlp-sequential");
        assertPredicts(e, c.output(e.inputs()));
    }

    @Test
    void modelsTheEditorCannotShowSayWhichLayerAndWhy() throws Exception {
        Path cnn = tmp.resolve("cnn.zip");
        var channelsLast = assertThrows(ModelFileException.class,
                () -> FineTune.importKeras(fixture("cnn-functional.h5"), cnn, tmp.resolve("cnn.bpw.json"), null));
        assertTrue(channelsLast.getMessage().contains("layer 'conv' takes images channels-last (NHWC, as Keras does)"), channelsLast.getMessage());
        assertTrue(ModelFiles.read(cnn).isGraph(), "the DL4J zip is written all the same, for use as it is");

        var recurrent = assertThrows(ModelFileException.class,
                () -> FineTune.importKeras(fixture("rnn-sequential.h5"), tmp.resolve("rnn.zip"), tmp.resolve("rnn.bpw.json"), null));
        assertTrue(recurrent.getMessage().contains("layer 'simple_rnn' is a SimpleRnn (org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn),"
                + " which the workbench has no layer type for"), recurrent.getMessage());
    }
}
