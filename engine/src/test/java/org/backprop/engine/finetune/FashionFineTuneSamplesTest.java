package org.backprop.engine.finetune;

import org.backprop.engine.Samples;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.WeightSource;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.model.LoadedModel;
import org.backprop.engine.model.ModelFiles;
import org.backprop.engine.model.ModelProjects;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The fine-tuning lesson's samples: as rebuild.sh writes them, and the fine-tune sample really fine-tunes. */
class FashionFineTuneSamplesTest {

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.configure();
    }

    @Test
    void theCommittedProjectsAreWhatTheGeneratorWrites() throws Exception {
        for (Project p : List.of(FashionFineTuneSamples.pretrain(), FashionFineTuneSamples.fineTune(), FashionFineTuneSamples.scratch())) {
            Path file = Samples.file(p.name());
            assertEquals(ProjectFiles.toJson(p), Files.readString(file), file + ": run samples/fashion-finetune/rebuild.sh");
        }
    }

    @Test
    void thePretrainedModelIsSmallAndIsTheNetworkOfThePretrainProject() throws Exception {
        Path fineTune = Samples.file(FashionFineTuneSamples.FINETUNE);
        Path zip = fineTune.getParent().resolve(FashionFineTuneSamples.PRETRAINED_ZIP).normalize();
        assertTrue(Files.size(zip) < 2_000_000, zip + " is " + Files.size(zip) + " bytes");
        LoadedModel model = ModelFiles.read(zip);
        ModelProjects.Opened opened = ModelProjects.open(model, "model.zip", "x", null);
        Project pretrain = Samples.load(FashionFineTuneSamples.PRETRAIN);
        List<LayerSpec> want = pretrain.network().layers();
        List<LayerSpec> got = opened.project().network().layers();
        assertEquals(want.subList(1, want.size()), got.subList(1, got.size()));
        assertEquals(784, got.get(0).intValue("size"), "a dense first layer does not record the image's height and width, only 784 values");
    }

    @Test
    void theFineTuneSampleTrainsItsNewHeadAndLeavesTheFrozenLayersBitIdentical() throws Exception {
        Path file = Samples.file(FashionFineTuneSamples.FINETUNE);
        Project p = ProjectFiles.read(file);
        PreparedData data = ProjectData.load(p, file.getParent());
        assertEquals(List.of("Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"), data.classNames());
        assertEquals(298, data.train().numExamples());
        assertEquals(225, data.test().numExamples());
        LoadedModel pretrained = ModelFiles.read(file.getParent().resolve(p.network().weightsFrom()));
        try (TrainingSession s = new TrainingSession(p, data, file.getParent())) {
            CompiledNetwork c = s.network();
            assertEquals(Map.of("hidden1", WeightSource.PRETRAINED, "hidden2", WeightSource.PRETRAINED, "output", WeightSource.REINITIALISED),
                    c.weightSources());
            s.setPlan(TrainingPlan.iterations(30));
            s.start();
            assertTrue(s.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(TrainingSession.State.FINISHED, s.state(), () -> String.valueOf(s.failure()));
            for (String id : List.of("hidden1", "hidden2")) {
                for (var e : pretrained.parameters(id).entrySet()) {
                    assertArrayEquals(Nd4j.toFlattened('c', e.getValue()).toFloatVector(),
                            Nd4j.toFlattened('c', c.layer(id).getParam(e.getKey())).toFloatVector(),
                            id + " " + e.getKey() + " is bit for bit the pretrained one after training");
                }
            }
            assertNotEquals(pretrained.parameters("output").get("W"), c.layer("output").getParam("W"));
            assertTrue(s.metrics().lastEvaluation().testAccuracy() > 0.5, "the head learns in 30 iterations: "
                    + s.metrics().lastEvaluation().testAccuracy());
        }
    }

    @Test
    void theScratchSampleIsTheSameNetworkAndDataFromRandomWeights() {
        Project ft = Samples.load(FashionFineTuneSamples.FINETUNE);
        Project scratch = Samples.load(FashionFineTuneSamples.SCRATCH);
        assertEquals(FineTune.fromScratch(ft).network(), scratch.network());
        assertEquals(ft.data(), scratch.data());
        assertEquals(ft.training().epochs(), scratch.training().epochs());
    }
}
