package org.backprop.engine.cli;

import org.backprop.engine.Samples;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.backprop.engine.cli.WorkbenchCliTest.run;
import static org.junit.jupiter.api.Assertions.*;

/** import, export, and training from a model file, as a script uses them. */
class FineTuneCliTest {

    @TempDir
    Path tmp;

    Path keras(String name) {
        return Samples.root().resolve("keras").resolve(name);
    }

    @Test
    void aKerasModelImportsAsAFineTuningProjectThatTrainsAndExports() throws Exception {
        Path project = tmp.resolve("ft").resolve("mlp.bpw.json");
        var r = run("import", keras("mlp-sequential.h5").toString(), "--out", project.toString(),
                "--data-from", Samples.file("iris").toString(), "--freeze-all-but-head", "--new-head", "3", "--learning-rate", "0.01");
        assertEquals(WorkbenchCli.OK, r.exit(), r.err());
        assertTrue(Files.exists(tmp.resolve("ft").resolve("mlp-sequential.zip")), "the Keras model as a DL4J zip beside the project");
        assertTrue(r.out().contains("dense dense 8 relu (frozen)"), r.out());
        assertTrue(r.out().contains("weights from mlp-sequential.zip (dense pretrained, dense_1 reinitialised)"), r.out());
        Project p = ProjectFiles.read(project);
        assertEquals("iris", p.data().source());

        Path out = tmp.resolve("run");
        r = run("train", project.toString(), "--out", out.toString(), "--iterations", "5");
        assertEquals(WorkbenchCli.OK, r.exit(), r.err());
        assertTrue(r.out().contains("27 of them trained"), r.out());

        Path java = tmp.resolve("snippet").resolve("IrisHead.java");
        r = run("export", project.toString(), "--model", out.resolve("model.zip").toString(), "--java", java.toString());
        assertEquals(WorkbenchCli.OK, r.exit(), r.err());
        String code = Files.readString(java);
        assertTrue(code.contains("public final class IrisHead"), code);
        assertTrue(code.contains("ModelSerializer.restoreMultiLayerNetwork(modelZip, false)"), code);
    }

    @Test
    void idxDataPathsAreRebasedToTheNewProjectsFolder() throws Exception {
        Path zip = tmp.resolve("mlp.zip");
        assertEquals(WorkbenchCli.OK, run("import", keras("mlp-sequential.h5").toString(), "--zip", zip.toString()).exit());
        Path project = tmp.resolve("deep").resolve("er").resolve("p.bpw.json");
        var r = run("import", zip.toString(), "--out", project.toString(), "--data-from", Samples.file("fashion-mlp").toString(),
                "--new-head", "10");
        assertEquals(WorkbenchCli.INVALID_INPUT, r.exit(), "a 4-input model on 784 pixels");
        assertTrue(r.err().contains("mlp.zip does not fit the data of fashion-mlp.bpw.json: layer 'input' (input) takes 4 values per example,"
                + " but the data"), r.err());
        assertTrue(r.err().contains("has 784 features"), r.err());
        assertFalse(Files.exists(project), "nothing is written for a model that cannot train on the data");
        assertEquals(ImportCommand.data(Samples.file("fashion-mlp"), project).path(),
                Path.of(project.getParent().relativize(Samples.root().resolve("data/fashion-mnist-subset/train-images-idx3-ubyte.gz")).toString())
                        .toString().replace('\\', '/'));
    }

    @Test
    void badModelFilesGiveOneMessageAndExitOne() throws Exception {
        Path cut = tmp.resolve("cut.zip");
        assertEquals(WorkbenchCli.OK, run("import", keras("mlp-sequential.h5").toString(), "--zip", tmp.resolve("whole.zip").toString()).exit());
        byte[] whole = Files.readAllBytes(tmp.resolve("whole.zip"));
        Files.write(cut, Arrays.copyOf(whole, whole.length - 100));
        Path other = Files.writeString(tmp.resolve("other.zip"), "PK\u0003\u0004 no more");
        for (List<String> args : List.of(
                List.of("import", cut.toString(), "--out", tmp.resolve("a.bpw.json").toString(), "--data-from", Samples.file("iris").toString()),
                List.of("import", other.toString(), "--out", tmp.resolve("b.bpw.json").toString(), "--data-from", Samples.file("iris").toString()),
                List.of("import", keras("unsupported-gru.h5").toString(), "--zip", tmp.resolve("gru.zip").toString()))) {
            var r = run(args.toArray(String[]::new));
            assertEquals(WorkbenchCli.INVALID_INPUT, r.exit(), args + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        }
    }

    @Test
    void trainingAProjectWhoseWeightsFromIsBrokenNamesTheField() throws Exception {
        Path project = tmp.resolve("p.bpw.json");
        String xor = Files.readString(Samples.file("xor"));
        Files.writeString(project, xor.replace("\"network\": {", "\"network\": {\n    \"weightsFrom\": \"broken.zip\","));
        Files.writeString(tmp.resolve("broken.zip"), "PK\u0003\u0004");
        for (String cmd : List.of("validate", "train")) {
            var r = cmd.equals("train") ? run(cmd, project.toString(), "--out", tmp.resolve("o").toString()) : run(cmd, project.toString());
            assertEquals(WorkbenchCli.INVALID_INPUT, r.exit(), r.err());
            assertTrue(r.err().contains("network.weightsFrom: broken.zip is damaged or truncated"), r.err());
        }
    }
}
