package org.backprop.app.editor;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.PropertySpec;
import org.backprop.visual.editor.Selection;
import org.backprop.visual.i18n.VisualText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.function.Function;

/**
 * The property sheet: the selected layer's properties (built from its type's
 * {@link PropertySpec}s), the training settings and the project's name and description. A value
 * is checked as it is typed and the reason it is refused is shown right under it; it reaches the
 * project (as one undoable command) only when it passes, on Enter or when the field is left.
 * Escape puts the project's value back. Problems an edit causes elsewhere in the layer (a softmax
 * output with the mse loss) are shown under the field that caused them.
 */
final class PropertySheetView {
    private final EditorViewModel editor;
    private final VBox content = new VBox();
    private final ScrollPane root = new ScrollPane(content);
    private final TitledPane layerPane = new TitledPane();
    private final GridPane layerGrid = grid();
    private final VBox layerNotes = new VBox();
    private final Label layerHint = new Label();
    private final GridPane trainingGrid = grid();
    private final GridPane projectGrid = grid();
    private final Map<String, Field> layerFields = new LinkedHashMap<>();
    private final Map<String, Field> trainingFields = new LinkedHashMap<>();
    private final List<Field> projectFields = new ArrayList<>();
    private String shownLayer;
    private LayerType shownType;
    /** The field last committed in the layer section, and the layer's problems just before. */
    private String lastField;
    private List<String> problemsBefore = List.of();
    private boolean updating;

    PropertySheetView(EditorViewModel editor) {
        this.editor = editor;
        root.setId("property-sheet");
        root.getStyleClass().add("property-sheet");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        content.getStyleClass().add("property-sheet-content");

        layerHint.getStyleClass().add("sheet-hint");
        layerHint.setWrapText(true);
        layerNotes.getStyleClass().add("sheet-notes");
        layerPane.setContent(new VBox(layerHint, layerGrid, layerNotes));
        layerPane.setId("sheet-layer");
        TitledPane trainingPane = new TitledPane(Messages.get("sheet.training"), trainingGrid);
        trainingPane.setId("sheet-training");
        TitledPane projectPane = new TitledPane(Messages.get("sheet.project"), projectGrid);
        projectPane.setId("sheet-project");
        content.getChildren().addAll(layerPane, trainingPane, projectPane);

        buildTraining();
        buildProject();
        editor.revisionProperty().addListener((o, a, b) -> refresh());
        editor.problems().addListener((javafx.collections.ListChangeListener<String>) c -> showLayerNotes());
        refresh();
    }

    Node root() {
        return root;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.getStyleClass().add("sheet-grid");
        ColumnConstraints label = new ColumnConstraints();
        label.setHalignment(HPos.LEFT);
        label.setMinWidth(96);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        value.setFillWidth(true);
        g.getColumnConstraints().addAll(label, value);
        return g;
    }

    // ---- sections --------------------------------------------------------------------------

    private void refresh() {
        updating = true;
        try {
            refreshLayer();
            Project p = editor.project();
            for (TrainingFields.Field tf : TrainingFields.ALL) {
                Field f = trainingFields.get(tf.name());
                boolean shown = p != null && tf.shown().test(p.training());
                f.setShown(shown);
                if (p != null) f.show(tf.get().apply(p.training()));
            }
            if (p != null) {
                projectFields.get(0).show(p.name());
                projectFields.get(1).show(p.description());
            }
            content.setDisable(p == null);
        } finally {
            updating = false;
        }
        showLayerNotes();
    }

    private void refreshLayer() {
        Project p = editor.project();
        Selection s = editor.selectionProperty().get();
        String id = s.single();
        LayerSpec layer = p == null || id == null ? null : p.network().layer(id).orElse(null);
        if (layer == null) {
            shownLayer = null;
            shownType = null;
            layerFields.clear();
            layerGrid.getChildren().clear();
            lastField = null;
            layerPane.setText(Messages.get("sheet.layer"));
            layerHint.setText(hint(p, s));
            layerHint.setVisible(true);
            layerHint.setManaged(true);
            return;
        }
        layerHint.setVisible(false);
        layerHint.setManaged(false);
        layerPane.setText(Messages.format("sheet.layer.named", layer.id(), VisualText.layerType(layer.type())));
        if (!layer.id().equals(shownLayer) || layer.type() != shownType) buildLayer(layer);
        layerFields.get("id").show(layer.id());
        for (PropertySpec spec : layer.type().properties()) layerFields.get(spec.name()).show(layer.get(spec.name()));
    }

    private static String hint(Project p, Selection s) {
        if (p == null) return "";
        if (s.edge() >= 0 && s.edge() < p.network().edges().size()) {
            EdgeSpec e = p.network().edges().get(s.edge());
            return Messages.format(e.feedback() ? "sheet.edge.feedback" : "sheet.edge", e.from(), e.to());
        }
        if (s.layers().size() > 1) return Messages.format("sheet.layers.many", s.layers().size());
        return Messages.get("sheet.layer.none");
    }

    private void buildLayer(LayerSpec layer) {
        shownLayer = layer.id();
        shownType = layer.type();
        lastField = null;
        layerFields.clear();
        layerGrid.getChildren().clear();
        String id = layer.id();
        Field idField = Field.text("id", Messages.get("sheet.field.id"), Messages.get("sheet.field.id.tooltip"),
                text -> LayerIds.problem(editor.project().network(), shownLayer, text).orElse(null),
                text -> editor.renameLayer(shownLayer, text));
        add(layerGrid, layerFields, idField);
        for (PropertySpec spec : layer.type().properties()) {
            String name = spec.name();
            Function<String, String> commit = text -> {
                lastField = name;
                problemsBefore = editor.problemsOf(id);
                return editor.setLayerProperty(id, name, text);
            };
            Field f = spec.kind() == PropertySpec.Kind.CHOICE
                    ? Field.choice(name, Messages.get("property." + name), spec.choices(), name, commit)
                    : spec.kind() == PropertySpec.Kind.BOOLEAN
                    ? Field.flag(name, Messages.get("property." + name), commit)
                    : Field.text(name, Messages.get("property." + name), Messages.format("sheet.field.tooltip", name, range(spec)),
                    text -> PropertyValues.parse(spec, text).problem(), commit);
            add(layerGrid, layerFields, f);
        }
    }

    /** "1 to 1024", "at least 1", for a tooltip. */
    private static String range(PropertySpec spec) {
        String lo = PropertyValues.text(PropertyValues.canonical(spec.min()));
        if (spec.max() >= Integer.MAX_VALUE) return Messages.format("sheet.range.atLeast", lo);
        return Messages.format("sheet.range.between", lo, PropertyValues.text(PropertyValues.canonical(spec.max())));
    }

    /** The selected layer's problems: those the last edit caused under its field, the rest below the sheet. */
    private void showLayerNotes() {
        layerFields.values().forEach(f -> f.setWarnings(List.of()));
        layerNotes.getChildren().clear();
        if (shownLayer == null) return;
        List<String> now = editor.problemsOf(shownLayer);
        List<String> caused = lastField == null ? List.of() : now.stream().filter(p -> !problemsBefore.contains(p)).toList();
        if (!caused.isEmpty() && layerFields.containsKey(lastField)) layerFields.get(lastField).setWarnings(caused);
        for (String p : now) {
            if (caused.contains(p)) continue;
            Label l = new Label(p);
            l.getStyleClass().add("sheet-warning");
            l.setWrapText(true);
            layerNotes.getChildren().add(l);
        }
    }

    private void buildTraining() {
        for (TrainingFields.Field tf : TrainingFields.ALL) {
            PropertySpec spec = tf.spec();
            Field f = spec.kind() == PropertySpec.Kind.CHOICE
                    ? Field.choice("training-" + tf.name(), tf.label(), spec.choices(), tf.name(), text -> editor.setTraining(tf, text))
                    : Field.text("training-" + tf.name(), tf.label(), tf.name(),
                    text -> editor.project() == null ? null : tf.parse(editor.project().training(), text).problem(),
                    text -> editor.setTraining(tf, text));
            add(trainingGrid, trainingFields, f, tf.name());
        }
    }

    private void buildProject() {
        Field name = Field.text("project-name", Messages.get("sheet.field.name"), null,
                text -> text.isBlank() ? Messages.get("editor.name.blank") : null, editor::setName);
        Field description = Field.area("project-description-field", Messages.get("sheet.field.description"),
                text -> { editor.setDescription(text); return null; });
        projectFields.add(name);
        projectFields.add(description);
        int row = 0;
        for (Field f : projectFields) {
            f.sheet = this;
            row = f.addTo(projectGrid, row);
        }
    }

    private void add(GridPane g, Map<String, Field> into, Field f) {
        add(g, into, f, f.key);
    }

    private void add(GridPane g, Map<String, Field> into, Field f, String key) {
        into.put(key, f);
        f.sheet = this;
        int row = g.getChildren().isEmpty() ? 0 : g.getRowCount();
        f.addTo(g, row);
    }

    // ---- one field -------------------------------------------------------------------------

    /** A label, an editor and the messages under it. */
    private static final class Field {
        final String key;
        final Label label;
        final Control control;
        final Label message = new Label();
        final VBox warnings = new VBox();
        final Function<String, String> check;
        final Function<String, String> commit;
        PropertySheetView sheet;
        String modelText = "";

        private Field(String key, String label, Control control, Function<String, String> check, Function<String, String> commit) {
            this.key = key;
            this.label = new Label(label);
            this.control = control;
            this.check = check;
            this.commit = commit;
            this.label.getStyleClass().add("sheet-label");
            this.label.setLabelFor(control);
            this.label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            control.setId("field-" + key);
            control.setMaxWidth(Double.MAX_VALUE);
            message.setId("message-" + key);
            message.getStyleClass().add("sheet-error");
            message.setWrapText(true);
            warnings.getStyleClass().add("sheet-field-warnings");
            setProblem(null);
        }

        static Field text(String key, String label, String tooltip, Function<String, String> check,
                          Function<String, String> commit) {
            TextField t = new TextField();
            Field f = new Field(key, label, t, check, commit);
            if (tooltip != null) t.setTooltip(new Tooltip(tooltip));
            t.textProperty().addListener((o, a, b) -> {
                if (f.updating()) return;
                f.setProblem(b.equals(f.modelText) ? null : check.apply(b));
            });
            t.setOnAction(e -> f.commitText(t.getText()));
            t.focusedProperty().addListener((o, was, is) -> {
                if (!is && !f.updating() && !t.getText().equals(f.modelText)) f.commitText(t.getText());
            });
            t.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    f.revert();
                    e.consume();
                }
            });
            return f;
        }

        static Field area(String key, String label, Function<String, String> commit) {
            TextArea t = new TextArea();
            t.setWrapText(true);
            t.setPrefRowCount(3);
            Field f = new Field(key, label, t, text -> null, commit);
            t.focusedProperty().addListener((o, was, is) -> {
                if (!is && !f.updating() && !t.getText().equals(f.modelText)) f.commitText(t.getText());
            });
            return f;
        }

        static Field choice(String key, String label, List<String> choices, String vocabulary, Function<String, String> commit) {
            ComboBox<String> c = new ComboBox<>();
            c.getItems().setAll(choices);
            c.setConverter(new StringConverter<>() {
                @Override
                public String toString(String v) {
                    return v == null ? "" : display(vocabulary, v);
                }

                @Override
                public String fromString(String s) {
                    return s;
                }
            });
            Field f = new Field(key, label, c, v -> null, commit);
            c.valueProperty().addListener((o, a, b) -> {
                if (f.updating() || b == null || b.equals(f.modelText)) return;
                f.commitText(b);
            });
            return f;
        }

        static Field flag(String key, String label, Function<String, String> commit) {
            CheckBox c = new CheckBox();
            Field f = new Field(key, label, c, v -> null, commit);
            c.selectedProperty().addListener((o, a, b) -> {
                if (!f.updating()) f.commitText(String.valueOf(b));
            });
            return f;
        }

        /** "Clip L2 norm per layer" where the bundle names a choice, else the file's word. */
        private static String display(String vocabulary, String value) {
            try {
                return Messages.get("choice." + vocabulary + "." + value);
            } catch (MissingResourceException e) {
                return value;
            }
        }

        boolean updating() {
            return sheet != null && sheet.updating;
        }

        int addTo(GridPane g, int row) {
            g.add(label, 0, row);
            g.add(control, 1, row);
            g.add(message, 1, row + 1);
            g.add(warnings, 1, row + 2);
            GridPane.setHgrow(control, Priority.ALWAYS);
            GridPane.setMargin(control, new javafx.geometry.Insets(3, 0, 3, 0));
            return row + 3;
        }

        void commitText(String text) {
            String problem = commit.apply(text);
            if (problem != null) {
                setProblem(problem);
            } else {
                // Taken (or unchanged): the field shows the project's value from now on.
                setProblem(null);
                if (control instanceof TextInputControl t && !t.getText().equals(modelText)) t.setText(modelText);
            }
        }

        void revert() {
            show(modelText);
            setProblem(null);
        }

        /** Shows the project's value. */
        void show(Object value) {
            modelText = value == null ? "" : PropertyValues.text(value);
            if (control instanceof TextInputControl t) {
                if (!t.getText().equals(modelText)) t.setText(modelText);
            } else if (control instanceof ComboBox<?> c) {
                @SuppressWarnings("unchecked") ComboBox<String> cs = (ComboBox<String>) c;
                if (!modelText.equals(cs.getValue())) cs.setValue(modelText);
            } else if (control instanceof CheckBox c) {
                c.setSelected(Boolean.parseBoolean(modelText));
            }
            setProblem(null);
        }

        void setProblem(String problem) {
            boolean bad = problem != null;
            message.setText(bad ? problem : "");
            message.setVisible(bad);
            message.setManaged(bad);
            if (bad) {
                if (!control.getStyleClass().contains("invalid")) control.getStyleClass().add("invalid");
            } else {
                control.getStyleClass().remove("invalid");
            }
        }

        void setWarnings(List<String> problems) {
            warnings.getChildren().setAll(problems.stream().map(p -> {
                Label l = new Label(p);
                l.getStyleClass().add("sheet-warning");
                l.setWrapText(true);
                return (Node) l;
            }).toList());
            warnings.setVisible(!problems.isEmpty());
            warnings.setManaged(!problems.isEmpty());
        }

        void setShown(boolean shown) {
            for (Node n : List.of(label, control)) {
                n.setVisible(shown);
                n.setManaged(shown);
            }
            if (!shown) {
                message.setManaged(false);
                message.setVisible(false);
            }
        }
    }

    /** For tests: the editor of a field by its key ("units", "id", "training-learningRate", "project-name"). */
    Control field(String key) {
        List<Field> all = new ArrayList<>(layerFields.values());
        all.addAll(trainingFields.values());
        all.addAll(projectFields);
        return all.stream().filter(f -> f.key.equals(key)).map(f -> f.control).findFirst().orElse(null);
    }
}
