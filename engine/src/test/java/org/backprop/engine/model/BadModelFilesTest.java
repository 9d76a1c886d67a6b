package org.backprop.engine.model;

import org.backprop.engine.Projects;
import org.backprop.engine.compile.CompileException;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.DataException;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.finetune.FineTune;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.ModelZip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.backprop.engine.project.LayerType.*;
import static org.junit.jupiter.api.Assertions.*;

/** Files that are not what they claim: each gives one sentence naming the file and the fault, never a crash. */
class BadModelFilesTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    static final DataSpec IRIS = DataSpec.builder("iris").seed(1L).testFraction(0.2).build();

    /** A 784-16-10 model, like an MNIST one: what the wrong data meets. */
    Path mnistLikeModel() throws Exception {
        Project p = Projects.chain(TrainingSettings.defaults(),
                LayerSpec.of("input", INPUT, "size", 784),
                LayerSpec.of("hidden", DENSE, "units", 16),
                LayerSpec.of("output", OUTPUT, "units", 10));
        Path zip = tmp.resolve("digits.zip");
        ModelZip.write(NetworkCompiler.compile(p), zip);
        return zip;
    }

    @Test
    void aTruncatedZipIsCalledDamagedOrTruncated() throws Exception {
        byte[] whole = Files.readAllBytes(mnistLikeModel());
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.read(cut));
        assertTrue(e.getMessage().startsWith("cut.zip is damaged or truncated ("), e.getMessage());
        assertTrue(e.getMessage().contains("it starts like a zip file but its table of contents cannot be read"), e.getMessage());
    }

    @Test
    void aZipOfSomethingElseSaysWhatItHolds() throws Exception {
        Path other = tmp.resolve("photos.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(other))) {
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.write("not a model".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("cat.png"));
            z.write(new byte[]{1, 2, 3});
            z.closeEntry();
        }
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.read(other));
        assertEquals("photos.zip is a zip file but not a DL4J model: it has no configuration.json (it holds notes.txt, cat.png)", e.getMessage());
    }

    @Test
    void aZipWithAForeignConfigurationOrNoWeightsIsNamedAsSuch() throws Exception {
        Path fake = tmp.resolve("fake.zip");
        zip(fake, "configuration.json", "{\"model\": \"something else\"}", "coefficients.bin", "xx");
        var e = assertThrows(ModelFileException.class, () -> ModelFiles.read(fake));
        assertTrue(e.getMessage().startsWith("fake.zip: configuration.json is not a DL4J network configuration"), e.getMessage());

        Path noWeights = tmp.resolve("noweights.zip");
        zip(noWeights, "configuration.json", "{}");
        e = assertThrows(ModelFileException.class, () -> ModelFiles.read(noWeights));
        assertEquals("noweights.zip has a DL4J configuration but no weights (coefficients.bin)", e.getMessage());
    }

    @Test
    void filesOfOtherKindsAreTold() throws Exception {
        Path text = Files.writeString(tmp.resolve("model.zip"), "hello");
        assertEquals("model.zip is not a zip file, so not a DL4J model (DL4J's ModelSerializer writes zips)",
                assertThrows(ModelFileException.class, () -> ModelFiles.read(text)).getMessage());
        Path empty = Files.write(tmp.resolve("empty.zip"), new byte[0]);
        assertEquals("empty.zip is empty, not a DL4J model zip", assertThrows(ModelFileException.class, () -> ModelFiles.read(empty)).getMessage());
        Path h5 = KerasImportTest.fixture("mlp-sequential.h5");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.read(h5)).getMessage()
                .startsWith("mlp-sequential.h5 is an HDF5 file (a Keras model?), not a DL4J model zip"));
        var notH5 = assertThrows(ModelFileException.class, () -> KerasImport.read(mnistLikeModel()));
        assertTrue(notH5.getMessage().contains("digits.zip is not an HDF5 file") && notH5.getMessage().contains("it is a zip file (a DL4J model?)"),
                notH5.getMessage());
        assertEquals(tmp.resolve("gone.zip") + ": no such file",
                assertThrows(ModelFileException.class, () -> ModelFiles.read(tmp.resolve("gone.zip"))).getMessage());
    }

    @Test
    void aKerasFileWithAnUnsupportedLayerNamesTheLayerAndItsKerasClass() {
        var e = assertThrows(ModelFileException.class, () -> KerasImport.read(KerasImportTest.fixture("unsupported-gru.h5")));
        assertTrue(e.getMessage().startsWith("unsupported-gru.h5: Keras layer 'gru' (GRU) cannot be imported:"
                + " DL4J 1.0.0-M2.1's Keras import has no GRU layer."), e.getMessage());
    }

    @Test
    void aModelWhoseInputDoesNotFitTheDataSaysBothSizes() throws Exception {
        Path model = mnistLikeModel();
        // Opened as it is: its input layer takes 784 values, iris has 4.
        Project opened = FineTune.open(model, tmp.resolve("p.bpw.json"), IRIS.withClasses(null)).project();
        var e = assertThrows(DataException.class, () -> ProjectData.load(FineTune.replaceHead(opened, 3), tmp));
        assertTrue(e.getMessage().contains("layer 'input' (input) takes 784 values per example, but the data (iris"), e.getMessage());
        assertTrue(e.getMessage().endsWith("has 4 features"), e.getMessage());

        // The input layer edited to fit the data: now the model's first layer does not fit.
        Project edited = opened.withNetwork(opened.network().withLayer(opened.network().layer("input").orElseThrow().with("size", 4)));
        var c = assertThrows(CompileException.class, () -> NetworkCompiler.compile(edited, tmp));
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).startsWith("layer 'hidden' (dense): its W is [4, 16] here but [784, 16] in digits.zip"), c.getMessage());
        assertTrue(c.problems().get(0).endsWith("The model's input does not fit: it takes 784 values per example, this network's input gives 4"),
                c.getMessage());
    }

    @Test
    void aWeightsFromThatIsMissingOrBrokenIsACompileProblemNamingTheField() throws Exception {
        Project p = FineTune.open(mnistLikeModel(), tmp.resolve("p.bpw.json"), IRIS).project();
        Project missing = p.withNetwork(p.network().withWeightsFrom("nowhere.zip"));
        var e = assertThrows(CompileException.class, () -> NetworkCompiler.compile(missing, tmp));
        assertEquals("network.weightsFrom: " + tmp.resolve("nowhere.zip") + ": no such file", e.getMessage());
        var relative = assertThrows(CompileException.class, () -> NetworkCompiler.compile(p));
        assertTrue(relative.getMessage().contains("is relative to the project file's folder, which is not known here"), relative.getMessage());
    }

    private static void zip(Path file, String... nameThenText) throws Exception {
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(o)) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameThenText[i]));
                z.write(nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }
}
