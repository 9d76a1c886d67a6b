package org.backprop.visual.diagram;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.visual.VisualFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.Map;

import static org.backprop.visual.VisualFx.onFx;
import static org.junit.jupiter.api.Assertions.*;

class NetworkDiagramTest {

    @BeforeAll
    static void toolkit() throws Exception {
        VisualFx.startToolkit();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static NetworkDiagram show(DiagramModel m) throws Exception {
        return onFx(() -> {
            NetworkDiagram d = new NetworkDiagram();
            d.setModel(m);
            Stage s = new Stage();
            s.setScene(new Scene(d, 800, 400));
            s.show();
            d.applyCss();
            d.layout();
            return d;
        });
    }

    @Test
    void drawsXorWithLabelledLayersAndEdges() throws Exception {
        NetworkDiagram d = show(DiagramModel.of(DiagramModelTest.xor(), DiagramModelTest.xorInfos()));
        onFx(() -> {
            assertEquals(6, d.lookupAll(".neuron").size());
            assertEquals(2 * 3 + 3 * 1, d.lookupAll(".synapse").size());
            List<String> tensors = d.lookupAll(".tensor-label").stream().map(n -> ((Label) n).getText()).toList();
            assertEquals(2, tensors.size());
            assertTrue(tensors.get(0).contains("2") && tensors.get(1).contains("3"), tensors.toString());
            assertTrue(d.lookupAll(".layer-caption").stream().anyMatch(n -> ((Label) n).getText().contains("9")),
                    "the hidden layer's 9 parameters are shown");
            // Every neuron lies inside the view.
            for (var n : d.lookupAll(".neuron")) {
                Circle c = (Circle) n;
                assertTrue(c.getCenterX() > 0 && c.getCenterX() < d.getWidth(), "x " + c.getCenterX());
                assertTrue(c.getCenterY() > 0 && c.getCenterY() < d.getHeight(), "y " + c.getCenterY());
                assertTrue(c.getRadius() > 2);
            }
        });
    }

    @Test
    void capsAWideLayerAtTwelveWithAnEllipsis() throws Exception {
        NetworkSpec net = new NetworkSpec(List.of(
                LayerSpec.of("pixels", LayerType.INPUT, "size", 784),
                LayerSpec.of("out", LayerType.OUTPUT, "units", 10)),
                List.of(EdgeSpec.forward("pixels", "out")));
        NetworkDiagram d = show(DiagramModel.of(net, Map.of()));
        onFx(() -> {
            assertEquals(10, d.drawnNeurons("pixels"));
            assertEquals(10, d.drawnNeurons("out"));
            assertEquals(1, d.lookupAll(".neuron-ellipsis").size());
            assertEquals(100, d.lookupAll(".synapse").size());
        });
    }
}
