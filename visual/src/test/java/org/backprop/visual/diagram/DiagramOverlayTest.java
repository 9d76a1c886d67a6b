package org.backprop.visual.diagram;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.visual.VisualFx;
import org.backprop.visual.diagram.DiagramOverlay.Emphasis;
import org.backprop.visual.diagram.DiagramOverlay.Neuron;
import org.backprop.visual.diagram.DiagramOverlay.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.backprop.visual.VisualFx.onFx;
import static org.junit.jupiter.api.Assertions.*;

/** The diagram draws an overlay's emphasis and numbers, and finds the connection under a click. */
class DiagramOverlayTest {

    @BeforeAll
    static void toolkit() throws Exception {
        VisualFx.startToolkit();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static NetworkDiagram xor() throws Exception {
        return onFx(() -> {
            NetworkDiagram d = new NetworkDiagram();
            d.setModel(DiagramModel.of(DiagramModelTest.xor(), DiagramModelTest.xorInfos()));
            Stage s = new Stage();
            s.setScene(new Scene(d, 800, 400));
            s.show();
            d.applyCss();
            d.layout();
            return d;
        });
    }

    @Test
    void emphasisedShapesGetTheirStyleClassAndTheRestIsDimmed() throws Exception {
        NetworkDiagram d = xor();
        Synapse into = new Synapse("input", 1, "hidden", 2);
        DiagramOverlay o = DiagramOverlay.builder()
                .neuron(new Neuron("hidden", 2), Emphasis.INVOLVED)
                .neuron(new Neuron("hidden", 2), Emphasis.FOCUS) // the stronger wins, whatever the order
                .neuron(new Neuron("input", 1), Emphasis.CHAIN)
                .synapse(into, Emphasis.SELECTED)
                .value(new Neuron("hidden", 2), "0.5")
                .gradient(new Neuron("hidden", 2), "\u03b4 -0.25")
                .weight(into, "1.5")
                .build();
        onFx(() -> {
            d.setOverlay(o);
            d.layout();
            assertEquals(Optional.of(Emphasis.FOCUS), d.drawnEmphasis(new Neuron("hidden", 2)));
            assertEquals(Optional.of(Emphasis.CHAIN), d.drawnEmphasis(new Neuron("input", 1)));
            assertEquals(Optional.empty(), d.drawnEmphasis(new Neuron("output", 0)));
            assertEquals(1, d.lookupAll(".synapse.selected").size());
            assertEquals(2 * 3 + 3 - 1, d.lookupAll(".synapse.dimmed").size());
            assertEquals(6 - 2, d.lookupAll(".neuron.dimmed").size());
            assertEquals(List.of("0.5"), texts(d, ".value-label"));
            assertEquals(List.of("\u03b4 -0.25"), texts(d, ".gradient-label"));
            assertEquals(List.of("1.5"), texts(d, ".weight-label"));
            Label weight = (Label) d.lookup(".weight-label");
            double[] l = d.synapseLine(into).orElseThrow();
            double midX = weight.getLayoutX() + weight.getWidth() / 2;
            assertTrue(midX > Math.min(l[0], l[2]) && midX < Math.max(l[0], l[2]), "the weight sits on its connection");
        });
        onFx(() -> {
            d.setOverlay(DiagramOverlay.NONE);
            assertTrue(d.lookupAll(".dimmed").isEmpty());
            assertTrue(d.lookupAll(".weight-label").isEmpty());
            assertEquals(Optional.empty(), d.drawnEmphasis(new Neuron("hidden", 2)));
        });
    }

    @Test
    void aClickNearAConnectionPicksItAndAClickInTheOpenPicksNothing() throws Exception {
        NetworkDiagram d = xor();
        onFx(() -> {
            Synapse s = new Synapse("hidden", 1, "output", 0);
            double[] l = d.synapseLine(s).orElseThrow();
            double x = l[0] + 0.5 * (l[2] - l[0]);
            double y = l[1] + 0.5 * (l[3] - l[1]);
            assertEquals(Optional.of(s), d.synapseAt(x, y + 3, 6));
            assertEquals(Optional.empty(), d.synapseAt(x, y + 40, 6));
            assertEquals(Optional.empty(), d.synapseAt(2, 2, 6));
        });
    }

    @Test
    void aClickOnASelfLoopPicksTheRecurrentWeight() throws Exception {
        NetworkSpec net = new NetworkSpec(List.of(
                LayerSpec.of("input", LayerType.INPUT, "size", 1),
                LayerSpec.of("hidden", LayerType.DENSE, "units", 2),
                LayerSpec.of("output", LayerType.OUTPUT, "units", 1)),
                List.of(EdgeSpec.forward("input", "hidden"), EdgeSpec.forward("hidden", "output"),
                        EdgeSpec.feedback("hidden", "hidden")));
        NetworkDiagram d = onFx(() -> {
            NetworkDiagram n = new NetworkDiagram();
            n.setModel(DiagramModel.of(net, Map.of()));
            Stage s = new Stage();
            s.setScene(new Scene(n, 800, 400));
            s.show();
            n.applyCss();
            n.layout();
            return n;
        });
        onFx(() -> {
            for (Synapse loop : List.of(new Synapse("hidden", 1, "hidden", 0), new Synapse("hidden", 0, "hidden", 0))) {
                javafx.geometry.Point2D at = d.loopCurvePoint(loop).orElseThrow();
                assertEquals(Optional.of(loop), d.synapseAt(at.getX() + 2, at.getY(), 6), "the loop under the click");
            }
            Synapse straight = new Synapse("hidden", 1, "output", 0);
            double[] l = d.synapseLine(straight).orElseThrow();
            assertEquals(Optional.of(straight), d.synapseAt((l[0] + l[2]) / 2, (l[1] + l[3]) / 2, 6), "straight ones still");
        });
    }

    @Test
    void anElidedLayerMapsItsLastCirclesToItsLastUnits() throws Exception {
        NetworkSpec net = new NetworkSpec(List.of(
                LayerSpec.of("pixels", LayerType.INPUT, "size", 20),
                LayerSpec.of("out", LayerType.OUTPUT, "units", 2)),
                List.of(EdgeSpec.forward("pixels", "out")));
        NetworkDiagram d = onFx(() -> {
            NetworkDiagram n = new NetworkDiagram();
            n.setModel(DiagramModel.of(net, Map.of()));
            Stage s = new Stage();
            s.setScene(new Scene(n, 800, 400));
            s.show();
            n.layout();
            return n;
        });
        onFx(() -> {
            d.setOverlay(DiagramOverlay.builder().neuron(new Neuron("pixels", 19), Emphasis.FOCUS)
                    .neuron(new Neuron("pixels", 10), Emphasis.FOCUS).build());
            assertEquals(Optional.of(Emphasis.FOCUS), d.drawnEmphasis(new Neuron("pixels", 19)));
            assertEquals(Optional.empty(), d.drawnEmphasis(new Neuron("pixels", 10)), "unit 11 of 20 is not drawn");
            assertEquals(1, d.lookupAll(".neuron.focus").size());
            assertTrue(d.synapseLine(new Synapse("pixels", 19, "out", 1)).isPresent());
            assertTrue(d.synapseLine(new Synapse("pixels", 10, "out", 1)).isEmpty());
        });
    }

    private static List<String> texts(NetworkDiagram d, String selector) {
        return d.lookupAll(selector).stream().map(n -> ((Label) n).getText()).toList();
    }
}
