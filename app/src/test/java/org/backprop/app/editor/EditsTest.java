package org.backprop.app.editor;

import org.backprop.app.i18n.Messages;
import org.backprop.engine.compile.NetworkValidator;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.visual.editor.AutoLayout;
import org.backprop.visual.editor.Selection;
import org.backprop.visual.i18n.VisualText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Every edit and its undo, on plain projects: no toolkit, no ND4J. */
class EditsTest {
    private final CommandStack stack = new CommandStack();
    private Selection selection = Selection.NONE;

    private static Project xor() {
        return new Project(Project.FORMAT, 1, "XOR", "", new NetworkSpec(
                List.of(LayerSpec.of("input", LayerType.INPUT, "size", 2),
                        LayerSpec.of("hidden", LayerType.DENSE, "units", 3, "activation", "tanh"),
                        LayerSpec.of("output", LayerType.OUTPUT, "units", 1, "activation", "sigmoid", "loss", "mse")),
                List.of(EdgeSpec.forward("input", "hidden"), EdgeSpec.forward("hidden", "output"))),
                TrainingSettings.defaults(), EditorViewModel.blank().data());
    }

    /** Executes like the editor does: through the stack, taking the edit's selection. */
    private Project run(Edit e) {
        assertNotNull(e, "an edit");
        stack.execute(e);
        if (e.selectionAfter() != null) selection = e.selectionAfter();
        return stack.project();
    }

    private List<String> ids() {
        return Edits.ids(stack.project().network());
    }

    private List<String> edges() {
        return stack.project().network().edges().stream()
                .map(e -> e.from() + (e.feedback() ? "~>" : "->") + e.to()).toList();
    }

    @Test
    void paletteClicksBuildAChainFromNothing() {
        stack.reset(EditorViewModel.blank());
        run(Edits.addAfterSelection(stack.project(), LayerType.INPUT, selection));
        run(Edits.addAfterSelection(stack.project(), LayerType.DENSE, selection));
        run(Edits.addAfterSelection(stack.project(), LayerType.OUTPUT, selection));
        assertEquals(List.of("input", "dense1", "output"), ids());
        assertEquals(List.of("input->dense1", "dense1->output"), edges());
        assertEquals(Selection.layer("output"), selection);
        assertTrue(stack.project().network().layers().stream().allMatch(l -> l.position() == null),
                "an unplaced network stays laid out automatically");
        assertEquals(Messages.format("command.addLayer", "output", VisualText.layerType(LayerType.OUTPUT)),
                stack.undoDescriptionProperty().get());
        assertEquals(2, stack.project().network().layer("output").orElseThrow().intValue("units"), "a two-class classifier");
        assertTrue(NetworkValidator.problems(stack.project().network()).isEmpty(), NetworkValidator.problems(stack.project().network()).toString());
    }

    @Test
    void aLayerAddedAfterTheSelectionIsSplicedIn() {
        stack.reset(xor());
        run(Edits.addAfterSelection(stack.project(), LayerType.DROPOUT, Selection.layer("hidden")));
        assertEquals(List.of("input", "hidden", "dropout1", "output"), ids());
        assertEquals(List.of("input->hidden", "hidden->dropout1", "dropout1->output"), edges());
        assertTrue(NetworkValidator.problems(stack.project().network()).isEmpty());

        // With nothing selected, a hidden layer goes before the output.
        run(Edits.addAfterSelection(stack.project(), LayerType.DENSE, Selection.NONE));
        assertEquals(List.of("input", "hidden", "dropout1", "dense1", "output"), ids());
        assertTrue(NetworkValidator.problems(stack.project().network()).isEmpty());

        // Selecting the output layer puts a new hidden layer in front of it.
        run(Edits.addAfterSelection(stack.project(), LayerType.BATCH_NORM, Selection.layer("output")));
        assertEquals(List.of("input", "hidden", "dropout1", "dense1", "batchnorm1", "output"), ids());
        assertTrue(NetworkValidator.problems(stack.project().network()).isEmpty(), NetworkValidator.problems(stack.project().network()).toString());
    }

    @Test
    void inAPlacedNetworkNewLayersGetPositionsAndMakeRoom() {
        stack.reset(xor());
        run(Edits.arrange(stack.project()));
        double[] outputBefore = stack.project().network().layer("output").orElseThrow().position();
        run(Edits.addAfterSelection(stack.project(), LayerType.DENSE, Selection.layer("hidden")));
        double[] added = stack.project().network().layer("dense1").orElseThrow().position();
        double[] output = stack.project().network().layer("output").orElseThrow().position();
        assertEquals(outputBefore[0], added[0], "the new layer takes the next column");
        assertEquals(outputBefore[0] + AutoLayout.COLUMN_GAP, output[0], "what followed moves one column right");
    }

    @Test
    void deletingALayerFromAChainBridgesTheGap() {
        stack.reset(xor());
        run(Edits.deleteSelection(stack.project(), Selection.layer("hidden")));
        assertEquals(List.of("input", "output"), ids());
        assertEquals(List.of("input->output"), edges());
        assertEquals(Messages.format("command.deleteLayer", "hidden"), stack.undoDescriptionProperty().get());
        stack.undo();
        assertEquals(xor(), stack.project());
    }

    @Test
    void deletingAnEdgeLeavesTheLayers() {
        stack.reset(xor());
        run(Edits.deleteSelection(stack.project(), Selection.edge(1)));
        assertEquals(List.of("input->hidden"), edges());
        assertEquals(3, ids().size());
    }

    @Test
    void anEdgeThatClosesALoopIsFeedback() {
        stack.reset(xor());
        run(Edits.connect(stack.project(), "hidden", "hidden"));
        run(Edits.connect(stack.project(), "output", "hidden"));
        assertEquals(List.of("input->hidden", "hidden->output", "hidden~>hidden", "output~>hidden"), edges());
        assertEquals(Messages.format("command.connectFeedback", "output", "hidden"), stack.undoDescriptionProperty().get());
        List<String> problems = NetworkValidator.problems(stack.project().network());
        assertTrue(problems.isEmpty(), "a self-loop and a Jordan edge both compile: " + problems);
        assertNull(Edits.connect(stack.project(), "output", "hidden"), "the edge exists");
    }

    @Test
    void aForwardEdgeToAnEarlierLayerReordersTheLayers() {
        // output and dense were added before the layer that will feed them.
        Project p = new Project(Project.FORMAT, 1, "x", "", new NetworkSpec(List.of(
                LayerSpec.of("input", LayerType.INPUT), LayerSpec.of("output", LayerType.OUTPUT, "units", 2),
                LayerSpec.of("dense1", LayerType.DENSE)), List.of(EdgeSpec.forward("input", "output"))),
                TrainingSettings.defaults(), EditorViewModel.blank().data());
        stack.reset(p);
        run(Edits.deleteSelection(stack.project(), Selection.edge(0)));
        run(Edits.connect(stack.project(), "input", "dense1"));
        run(Edits.connect(stack.project(), "dense1", "output"));
        assertEquals(List.of("input", "dense1", "output"), ids());
        assertEquals(List.of("input->dense1", "dense1->output"), edges());
        assertTrue(NetworkValidator.problems(stack.project().network()).isEmpty(), NetworkValidator.problems(stack.project().network()).toString());
        stack.undo();
        assertEquals(List.of("input", "output", "dense1"), ids(), "undo restores the order");
    }

    @Test
    void renamingCarriesTheEdges() {
        stack.reset(xor());
        run(Edits.rename(stack.project(), "hidden", "h1"));
        assertEquals(List.of("input->h1", "h1->output"), edges());
        assertEquals(Selection.layer("h1"), selection);
        assertTrue(LayerIds.problem(stack.project().network(), "h1", "input").isPresent(), "ids stay unique");
        assertTrue(LayerIds.problem(stack.project().network(), "h1", "a b").isPresent());
        assertTrue(LayerIds.problem(stack.project().network(), "h1", " ").isPresent());
        assertTrue(LayerIds.problem(stack.project().network(), "h1", "h1").isEmpty());
    }

    @Test
    void pasteGivesFreshIdsAndKeepsInnerEdges() {
        stack.reset(xor());
        Fragment f = Fragment.of(stack.project().network(), List.of("hidden", "output"));
        run(Edits.paste(stack.project(), f, 40, 40));
        assertEquals(List.of("input", "hidden", "output", "hidden2", "output2"), ids());
        assertTrue(edges().contains("hidden2->output2"));
        assertEquals(Selection.layers(List.of("hidden2", "output2")), selection);
        assertEquals(stack.project().network().layer("hidden").orElseThrow().properties(),
                stack.project().network().layer("hidden2").orElseThrow().properties());
        run(Edits.paste(stack.project(), f, 80, 80));
        assertEquals(List.of("input", "hidden", "output", "hidden2", "output2", "hidden3", "output3"), ids());
    }

    @Test
    void reorderMovesOneStep() {
        stack.reset(xor());
        run(Edits.reorder(stack.project(), Selection.layer("output"), -1));
        assertEquals(List.of("input", "output", "hidden"), ids());
        assertFalse(NetworkValidator.problems(stack.project().network()).isEmpty(), "the validator says the edge now goes back");
        run(Edits.reorder(stack.project(), Selection.layer("output"), 1));
        assertEquals(List.of("input", "hidden", "output"), ids());
    }

    @Test
    void movingSavesEveryPositionOnce() {
        stack.reset(xor());
        run(Edits.move(stack.project(), Map.of("hidden", new double[]{500, 90})));
        assertArrayEquals(new double[]{500, 90}, stack.project().network().layer("hidden").orElseThrow().position());
        assertTrue(stack.project().network().layers().stream().allMatch(l -> l.position() != null),
                "the others keep the place they were drawn at");
        assertNull(Edits.move(stack.project(), Map.of("hidden", new double[]{500, 90})), "no change, no edit");
    }

    @Test
    void propertyValuesAreCheckedByTheLayerTypeAndStoredAsTheFileReadsThem() {
        var units = LayerType.DENSE.property("units").orElseThrow();
        assertEquals("units must be at least 1, got 0", PropertyValues.parse(units, "0").problem());
        assertTrue(PropertyValues.parse(units, "abc").problem().startsWith("units must be a whole number"));
        assertTrue(PropertyValues.parse(units, "2.5").problem().startsWith("units must be a whole number"));
        assertEquals(8, PropertyValues.parse(units, " 8 ").value());
        var rate = LayerType.DROPOUT.property("rate").orElseThrow();
        assertEquals(0, PropertyValues.parse(rate, "0.0").value(), "2.0 is written 2 and read back as a whole number");
        assertEquals(0.25, PropertyValues.parse(rate, "0.25").value());
        assertNotNull(PropertyValues.parse(rate, "Infinity").problem());
        assertNotNull(PropertyValues.parse(rate, "1").problem(), "rate at most 0.99");
        var activation = LayerType.DENSE.property("activation").orElseThrow();
        assertEquals("tanh", PropertyValues.parse(activation, "TANH").value());
        assertNotNull(PropertyValues.parse(activation, "wobbly").problem());
        assertThrows(IllegalArgumentException.class, () -> Edits.setProperty(xor(), "hidden", "units", 0),
                "an unchecked value never reaches the model");
    }

    @Test
    void trainingFieldsRefuseWhatAFileWouldRefuse() {
        TrainingSettings t = TrainingSettings.defaults();
        TrainingFields.Field lr = field("learningRate");
        assertTrue(lr.parse(t, "-1").problem().startsWith("learningRate must be above 0"));
        assertTrue(lr.parse(t, "fast").problem().startsWith("learningRate must be a number"));
        assertEquals(0.5, lr.parse(t, "0.5").settings().optimizer().learningRate());
        assertTrue(field("batchSize").parse(t, "0").problem().startsWith("batchSize must be at least 1"));
        assertTrue(field("dropout").parse(t, "1").problem().contains("below 1"));
        assertEquals("nesterovs", field("optimizer").get().apply(field("optimizer").parse(t, "nesterovs").settings()));
        TrainingSettings clip = field("gradientClipping").parse(t, "clipl2perlayer").settings();
        assertEquals("clipl2perlayer", field("gradientClipping").get().apply(clip));
        assertTrue(field("threshold").shown().test(clip));
        assertFalse(field("threshold").shown().test(t));
        assertEquals(12345678901L, field("seed").parse(t, "12345678901").settings().seed());
    }

    private static TrainingFields.Field field(String name) {
        return TrainingFields.ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSequenceOfEditsUndoesBackToTheStartAndRedoesToTheEnd() {
        Project start = xor();
        stack.reset(start);
        List<UnaryOperator<Project>> edits = List.of(
                p -> run(Edits.addAfterSelection(p, LayerType.DENSE, Selection.layer("hidden"))),
                p -> run(Edits.setProperty(p, "dense1", "units", 8)),
                p -> run(Edits.connect(p, "dense1", "dense1")),
                p -> run(Edits.connect(p, "output", "hidden")),
                p -> run(Edits.move(p, Map.of("output", new double[]{900, 300}))),
                p -> run(Edits.rename(p, "hidden", "first")),
                p -> run(Edits.paste(p, Fragment.of(p.network(), List.of("first", "dense1")), 40, 40)),
                p -> run(Edits.deleteSelection(p, Selection.layer("dense1"))),
                p -> run(Edits.deleteSelection(p, Selection.edge(0))),
                p -> run(Edits.reorder(p, Selection.layer("output"), -1)),
                p -> run(Edits.arrange(p)),
                p -> run(Edits.setTraining(p, p.training().withEpochs(99), "epochs")),
                p -> run(Edits.setInfo(p, "Renamed", "A description")),
                p -> run(Edits.addAt(p, LayerType.CONV2D, 10, 20)));
        List<Project> states = new ArrayList<>(List.of(start));
        for (UnaryOperator<Project> e : edits) states.add(e.apply(stack.project()));
        assertNotEquals(start, stack.project());

        for (int i = states.size() - 2; i >= 0; i--) {
            assertNotNull(stack.undo());
            assertEquals(states.get(i), stack.project(), "after undoing edit " + (i + 1));
        }
        assertNull(stack.undo(), "nothing left to undo");
        assertEquals(start, stack.project());
        assertFalse(stack.canUndoProperty().get());

        for (int i = 1; i < states.size(); i++) {
            stack.redo();
            assertEquals(states.get(i), stack.project(), "after redoing edit " + i);
        }
        assertFalse(stack.canRedoProperty().get());
    }

    @Test
    void aNewEditForgetsWhatCouldBeRedone() {
        stack.reset(xor());
        run(Edits.setProperty(stack.project(), "hidden", "units", 5));
        stack.undo();
        assertTrue(stack.canRedoProperty().get());
        assertEquals(Messages.format("command.setProperty", "units", "hidden", Messages.get("property.units")),
                stack.redoDescriptionProperty().get());
        run(Edits.setProperty(stack.project(), "hidden", "units", 6));
        assertFalse(stack.canRedoProperty().get());
        assertEquals("", stack.redoDescriptionProperty().get());
    }

    @Test
    void aChangeAppliedToTheWrongProjectFailsLoudly() {
        Edit e = Edits.setProperty(xor(), "hidden", "units", 5);
        Project other = Edits.setProperty(xor(), "hidden", "units", 7).execute(xor());
        assertThrows(IllegalStateException.class, () -> e.execute(other));
    }

    @Test
    void anEditedProjectSurvivesSavingAndReading() throws Exception {
        stack.reset(EditorViewModel.blank());
        run(Edits.addAfterSelection(stack.project(), LayerType.INPUT, selection));
        run(Edits.addAfterSelection(stack.project(), LayerType.DROPOUT, selection));
        run(Edits.setProperty(stack.project(), "dropout1", "rate", PropertyValues.parse(
                LayerType.DROPOUT.property("rate").orElseThrow(), "0.0").value()));
        run(Edits.addAfterSelection(stack.project(), LayerType.OUTPUT, selection));
        run(Edits.move(stack.project(), Map.of("output", new double[]{812.5, -40})));
        Project p = stack.project();
        assertEquals(p, ProjectFiles.parse(ProjectFiles.toJson(p), "edited"));
    }
}
