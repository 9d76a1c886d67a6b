package org.backprop.app.dataset;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.NumberText;

import java.util.function.Function;

/**
 * The data-set panel: source, counts, features, classes or outputs, the split, noise, and a
 * scatter preview of two-feature sets. Source, noise and split are edited here (undoably, through
 * the editor); a data set that does not load shows the data layer's message. Binds to a
 * {@link DataSetViewModel}.
 */
public final class DataSetView {
    private final DataSetViewModel vm;
    private final VBox panel;
    private final ComboBox<String> source = new ComboBox<>();
    private final TextField noise = new TextField();
    private final TextField testFraction = new TextField();
    private final Label fieldError = new Label();
    private boolean syncing;

    public DataSetView(DataSetViewModel vm) {
        this.vm = vm;
        source.setId("data-source");
        noise.setId("data-noise");
        testFraction.setId("data-test-fraction");
        source.setMaxWidth(Double.MAX_VALUE);
        source.setOnAction(e -> {
            if (!syncing && source.getValue() != null) vm.setSource(source.getValue());
        });
        commitOn(noise, vm::setNoise);
        commitOn(testFraction, vm::setTestFraction);
        fieldError.setId("data-field-error");
        fieldError.getStyleClass().add("sheet-error");
        fieldError.setWrapText(true);
        fieldError.managedProperty().bind(fieldError.textProperty().isNotEmpty());

        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("sheet-grid", "data-grid");
        int row = 0;
        grid.addRow(row++, label("data.source"), source);
        grid.addRow(row++, label("data.examples"), value("data-examples", s -> String.valueOf(s.examples())));
        grid.addRow(row++, label("data.features"), value("data-features", s -> String.valueOf(s.features())));
        grid.addRow(row++, label("data.outputs"), value("data-outputs", s -> String.valueOf(s.outputs())));
        grid.addRow(row++, label("data.classes"), value("data-classes", s -> s.classes().isEmpty()
                ? Messages.get("data.classes.regression") : s.classes().size() + ": " + String.join(", ", s.classes())));
        grid.addRow(row++, label("data.split"), value("data-split", s -> Messages.format("data.split.value", s.train(), s.test())));
        grid.addRow(row++, label("data.noise"), noise);
        grid.addRow(row, label("data.testFraction"), testFraction);
        GridPane.setHgrow(source, Priority.ALWAYS);

        Label error = new Label();
        error.setId("data-error");
        error.getStyleClass().add("sheet-warning");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label loading = new Label(Messages.get("data.loading"));
        loading.getStyleClass().add("sheet-hint");
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());

        ScatterPreview preview = new ScatterPreview();
        preview.setId("data-preview");
        Label previewTitle = new Label();
        previewTitle.getStyleClass().add("sheet-hint");
        previewTitle.setWrapText(true);
        previewTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            DataSummary s = vm.summaryProperty().get();
            if (s == null) return "";
            return Messages.get(s.points() == null ? "data.preview.none" : "data.preview");
        }, vm.summaryProperty()));
        preview.summaryProperty().bind(vm.summaryProperty());
        preview.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.summaryProperty().get() != null && vm.summaryProperty().get().points() != null, vm.summaryProperty()));
        preview.managedProperty().bind(preview.visibleProperty());

        VBox content = new VBox(8, grid, fieldError, loading, error, previewTitle, preview);
        content.getStyleClass().add("data-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("property-sheet");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label title = new Label(Messages.get("tab.data"));
        title.getStyleClass().add("panel-title");
        panel = new VBox(title, scroll);
        panel.getStyleClass().addAll("panel", "data-panel");
        panel.setId("data-panel");

        vm.specProperty().addListener((o, was, d) -> show(d));
        show(vm.specProperty().get());
    }

    public Node root() {
        return panel;
    }

    private void show(DataSpec d) {
        syncing = true;
        try {
            source.getItems().setAll(vm.sources());
            source.setValue(d == null ? null : d.source());
            noise.setText(d == null || d.noise() == null ? "" : NumberText.format(d.noise()));
            testFraction.setText(d == null || d.testFraction() == null ? "" : NumberText.format(d.testFraction()));
            noise.setDisable(!vm.hasNoise());
            source.setDisable(d == null);
            testFraction.setDisable(d == null);
            noise.getStyleClass().remove("invalid");
            testFraction.getStyleClass().remove("invalid");
            fieldError.setText("");
        } finally {
            syncing = false;
        }
    }

    /** Enter or leaving the field takes the text; a refused one stays, marked, with the reason below. */
    private void commitOn(TextField field, Function<String, String> set) {
        Runnable commit = () -> {
            if (syncing) return;
            String problem = set.apply(field.getText());
            field.getStyleClass().remove("invalid");
            if (problem != null) field.getStyleClass().add("invalid");
            fieldError.setText(problem == null ? "" : problem);
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) commit.run();
        });
    }

    private static Label label(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("sheet-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private Label value(String id, Function<DataSummary, String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("data-value");
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            DataSummary s = vm.summaryProperty().get();
            return s == null ? "\u2014" : text.apply(s);
        }, vm.summaryProperty()));
        return l;
    }
}
