package org.backprop.visual.editor;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.backprop.engine.compile.LayerInfo;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.visual.VisualFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.backprop.visual.VisualFx.onFx;
import static org.junit.jupiter.api.Assertions.*;

/** The editor canvas on its own: what it draws, and which action each gesture asks for. */
class NetworkEditorCanvasTest {
    private static final NetworkSpec NET = new NetworkSpec(List.of(
            LayerSpec.of("input", LayerType.INPUT),
            LayerSpec.of("hidden", LayerType.DENSE, "units", 3, "activation", "tanh"),
            LayerSpec.of("output", LayerType.OUTPUT, "units", 1)),
            List.of(EdgeSpec.forward("input", "hidden"), EdgeSpec.forward("hidden", "output"), EdgeSpec.feedback("output", "hidden")));
    private static final Map<String, LayerInfo> INFOS = Map.of(
            "input", new LayerInfo("input", -1, "2", 2, 0),
            "hidden", new LayerInfo("hidden", 0, "3", 3, 9),
            "output", new LayerInfo("output", 1, "1", 1, 4));

    private final FxRobot robot = new FxRobot();
    private final List<String> calls = new ArrayList<>();
    private NetworkEditorCanvas canvas;

    @BeforeAll
    static void toolkit() throws Exception {
        VisualFx.startToolkit();
    }

    @BeforeEach
    void show() throws Exception {
        canvas = onFx(() -> {
            NetworkEditorCanvas c = new NetworkEditorCanvas();
            c.setModel(EditorDiagram.of(NET, INFOS, List.of()));
            c.setActions(new NetworkEditorCanvas.Actions() {
                @Override public void select(Selection s) { calls.add("select " + s.layers() + " " + s.edge()); c.selectionProperty().set(s); }
                @Override public void move(Map<String, double[]> p) {
                    p.forEach((id, xy) -> calls.add("move " + id + " " + (int) xy[0] + "," + (int) xy[1]));
                }
                @Override public void connect(String f, String t) { calls.add("connect " + f + " " + t); }
                @Override public void drop(LayerType type, double x, double y) { calls.add("drop " + type.id()); }
                @Override public void delete() { calls.add("delete"); }
            });
            Stage s = new Stage();
            s.setScene(new Scene(c, 900, 500));
            s.show();
            c.applyCss();
            c.layout();
            c.fit();
            return c;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void drawsCardsWithTheirSizesAndLinksWithTheirTensorsAndFeedbackAsALoop() throws Exception {
        onFx(() -> {
            assertEquals(3, canvas.lookupAll(".layer-card").size());
            List<String> labels = canvas.lookupAll(".link-label").stream().map(n -> ((Label) n).getText()).toList();
            assertEquals(3, labels.size());
            assertTrue(labels.get(0).contains("2") && labels.get(1).contains("3"), labels.toString());
            assertTrue(labels.get(2).startsWith("\u21ba"), "a feedback label reads as a loop: " + labels);
            assertTrue(canvas.lookupAll(".layer-card-sizes").stream().anyMatch(n -> ((Label) n).getText().contains("9")));
            Node loop = canvas.lookupAll(".link-feedback").stream().filter(n -> n instanceof javafx.scene.shape.Path).findFirst().orElseThrow();
            Bounds loopBounds = loop.localToScene(loop.getBoundsInLocal());
            Node hidden = canvas.lookup("#card-hidden");
            Bounds card = hidden.localToScene(hidden.getBoundsInLocal());
            assertTrue(loopBounds.getMinY() < card.getMinY() - 20, "the loop rises above the cards");
            // Fit: every card is inside the view.
            Bounds view = canvas.localToScene(canvas.getLayoutBounds());
            for (Node n : canvas.lookupAll(".layer-card")) {
                Bounds b = n.localToScene(n.getBoundsInLocal());
                assertTrue(view.contains(b), n.getId() + " " + b + " in " + view);
            }
        });
    }

    @Test
    void gesturesBecomeActions() throws Exception {
        robot.clickOn("#card-hidden");
        assertEquals("select [hidden] -1", calls.get(calls.size() - 1));

        robot.drag("#port-out-output", MouseButton.PRIMARY).moveTo("#card-input").release(MouseButton.PRIMARY);
        assertEquals("connect output input", calls.get(calls.size() - 1));

        robot.drag("#port-in-output", MouseButton.PRIMARY).moveTo("#card-input").release(MouseButton.PRIMARY);
        assertEquals("connect input output", calls.get(calls.size() - 1), "from an input port the edge runs the other way");

        double zoom = onFx(() -> canvas.zoomProperty().get());
        robot.drag("#card-input", MouseButton.PRIMARY).moveBy(40 * zoom, 0).release(MouseButton.PRIMARY);
        String move = calls.get(calls.size() - 1);
        assertTrue(move.startsWith("move input "), move);
        double[] before = AutoLayout.positions(NET).get("input");
        int x = Integer.parseInt(move.replaceAll(".* (-?\\d+),.*", "$1"));
        assertEquals(before[0] + 40, x, 2, "moved by 40 canvas units: " + move);

        robot.clickOn("#link-input-hidden");
        assertEquals("select [] 0", calls.get(calls.size() - 1));
        robot.type(KeyCode.DELETE);
        assertEquals("delete", calls.get(calls.size() - 1));
    }

    @Test
    void zoomsWithinItsLimits() throws Exception {
        onFx(() -> {
            canvas.actualSize();
            assertEquals(1, canvas.zoomProperty().get(), 1e-9);
            canvas.zoomIn();
            assertEquals(1.25, canvas.zoomProperty().get(), 1e-9);
            for (int i = 0; i < 20; i++) canvas.zoomIn();
            assertEquals(NetworkEditorCanvas.MAX_ZOOM, canvas.zoomProperty().get(), 1e-9);
            for (int i = 0; i < 40; i++) canvas.zoomOut();
            assertEquals(NetworkEditorCanvas.MIN_ZOOM, canvas.zoomProperty().get(), 1e-9);
            // Zooming about a point keeps that point where it is.
            var before = canvas.toWorld(200, 100);
            canvas.zoomAround(1.7, 200, 100);
            var after = canvas.toWorld(200, 100);
            assertEquals(before.getX(), after.getX(), 1e-9);
            assertEquals(before.getY(), after.getY(), 1e-9);
        });
    }
}
