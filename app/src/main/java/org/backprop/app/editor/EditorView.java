package org.backprop.app.editor;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.stage.Window;
import javafx.util.Duration;
import org.backprop.app.LayerRow;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.Project;
import org.backprop.visual.editor.LayerPalette;
import org.backprop.visual.editor.NetworkEditorCanvas;
import org.backprop.visual.editor.Selection;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network editor's parts of the window: the layer palette, the editable drawing with its
 * tools, the property sheet with the network's problems, the Edit and View menus and the file
 * actions (with the prompt before unsaved changes are lost), drag-and-drop of project files,
 * and the autosave timer. Binds to an {@link EditorViewModel}; holds no project state.
 */
public final class EditorView {
    /** How often unsaved work is written to the autosave slot. */
    static final Duration AUTOSAVE_EVERY = Duration.seconds(30);
    private static final Pattern NAMES_LAYER = Pattern.compile("layer '([^']+)' \\(");

    private final EditorViewModel editor;
    private final Supplier<Window> window;
    private final NetworkEditorCanvas canvas = new NetworkEditorCanvas();
    private final PropertySheetView sheet;
    private final Timeline autosave = new Timeline();
    private TableView<LayerRow> table;
    private boolean syncingTable;

    public EditorView(EditorViewModel editor, Supplier<Window> window) {
        this.editor = editor;
        this.window = window;
        this.sheet = new PropertySheetView(editor);
        canvas.setId("network-editor");
        canvas.modelProperty().bind(editor.diagramProperty());
        canvas.selectionProperty().bind(editor.selectionProperty());
        canvas.setActions(new NetworkEditorCanvas.Actions() {
            @Override public void select(Selection s) { editor.select(s); }
            @Override public void move(Map<String, double[]> positions) { editor.move(positions); }
            @Override public void connect(String from, String to) { editor.connect(from, to); }
            @Override public void drop(LayerType type, double x, double y) { editor.addLayerAt(type, x, y); }
            @Override public void delete() { editor.deleteSelection(); }
        });
        editor.documentsProperty().addListener((o, a, b) -> canvas.fit());
        canvas.setOnContextMenuRequested(e -> {
            contextMenu().show(canvas, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        autosave.getKeyFrames().add(new KeyFrame(AUTOSAVE_EVERY, e -> editor.autosaveTick()));
        autosave.setCycleCount(Animation.INDEFINITE);
    }

    public NetworkEditorCanvas canvas() {
        return canvas;
    }

    public EditorViewModel viewModel() {
        return editor;
    }

    // ---- panels ----------------------------------------------------------------------------

    /** The layer types, to click or drag onto the drawing. */
    public Node palette() {
        return new LayerPalette(editor::addLayer);
    }

    /** The drawing under a header with undo/redo, zoom, fit and arrange. */
    public Node networkPanel() {
        Label title = panelTitle("panel.network");
        Label zoom = new Label();
        zoom.setId("zoom-level");
        zoom.getStyleClass().add("zoom-level");
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("editor.zoom", canvas.zoomProperty().get()), canvas.zoomProperty()));
        zoom.setMinWidth(Region.USE_PREF_SIZE);
        Button undo = tool("undo", UNDO, editor::undo);
        undo.disableProperty().bind(editor.commands().canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(undoText()),
                editor.commands().undoDescriptionProperty()));
        Button redo = tool("redo", REDO, editor::redo);
        redo.disableProperty().bind(editor.commands().canRedoProperty().not());
        redo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(redoText()),
                editor.commands().redoDescriptionProperty()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(6, title, spring, undo, redo, gap(),
                tool("zoom-out", MINUS, canvas::zoomOut), zoom, tool("zoom-in", PLUS, canvas::zoomIn),
                tool("fit", FIT, canvas::fit), gap(), tool("arrange", ARRANGE, editor::arrange));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");
        VBox panel = new VBox(header, canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        panel.getStyleClass().addAll("panel", "network-panel");
        return panel;
    }

    /** The property sheet over the list of the network's problems. */
    public Node propertiesPanel() {
        Node sheetNode = sheet.root();
        VBox.setVgrow(sheetNode, Priority.ALWAYS);
        VBox panel = new VBox(panelTitle("panel.properties"), sheetNode, problemsBox());
        panel.getStyleClass().addAll("panel", "properties-panel");
        panel.setId("properties-panel");
        return panel;
    }

    private Node problemsBox() {
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> editor.problems().isEmpty()
                ? Messages.get("problems.none") : Messages.format("problems.count", editor.problems().size()), editor.problems()));
        title.setId("problems-title");
        ListView<String> list = new ListView<>(editor.problems());
        list.setId("problems-list");
        list.getStyleClass().add("problems-list");
        list.setPlaceholder(new Label(Messages.get("problems.placeholder")));
        list.setPrefHeight(130);
        list.setMinHeight(60);
        list.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(18));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == null) return;
            Matcher m = NAMES_LAYER.matcher(b);
            if (m.find()) editor.select(Selection.layer(m.group(1)));
        });
        title.getStyleClass().add("problems-title");
        editor.problems().addListener((ListChangeListener<String>) c -> title.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("clean"), editor.problems().isEmpty()));
        title.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("clean"), editor.problems().isEmpty());
        VBox box = new VBox(6, title, list);
        box.getStyleClass().add("problems-box");
        return box;
    }

    /** Keeps the layer table's selection and the editor's in step. */
    public void bindLayerTable(TableView<LayerRow> t) {
        this.table = t;
        t.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Only what the user does in the table selects: replacing its rows after every edit
        // clears its selection too, which must not clear the editor's.
        Runnable pick = () -> {
            if (syncingTable) return;
            List<String> ids = t.getSelectionModel().getSelectedItems().stream()
                    .filter(java.util.Objects::nonNull).map(LayerRow::id).toList();
            editor.select(Selection.layers(ids));
        };
        t.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> pick.run());
        t.addEventHandler(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode().isNavigationKey() || e.getCode() == KeyCode.SPACE) pick.run();
        });
        editor.revisionProperty().addListener((o, a, b) -> syncTable());
        syncTable();
    }

    private void syncTable() {
        if (table == null) return;
        syncingTable = true;
        try {
            var sm = table.getSelectionModel();
            List<String> want = new ArrayList<>(editor.selectionProperty().get().layers());
            List<String> have = sm.getSelectedItems().stream().filter(java.util.Objects::nonNull).map(LayerRow::id).toList();
            if (want.equals(have)) return;
            sm.clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (want.contains(table.getItems().get(i).id())) sm.select(i);
            }
        } finally {
            syncingTable = false;
        }
    }

    private static Label panelTitle(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("panel-title");
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(6);
        return r;
    }

    private static final String UNDO = "M0 5 L5 0.5 V3.5 C9 3.5 12 5.5 12 10.5 C10.5 8 8.5 6.5 5 6.5 V9.5 Z";
    private static final String REDO = "M12 5 L7 0.5 V3.5 C3 3.5 0 5.5 0 10.5 C1.5 8 3.5 6.5 7 6.5 V9.5 Z";
    private static final String PLUS = "M5 0 H7 V5 H12 V7 H7 V12 H5 V7 H0 V5 H5 Z";
    private static final String MINUS = "M0 5 H12 V7 H0 Z";
    private static final String FIT = "M0 0 H4.5 V1.8 H1.8 V4.5 H0 Z M7.5 0 H12 V4.5 H10.2 V1.8 H7.5 Z "
            + "M0 7.5 H1.8 V10.2 H4.5 V12 H0 Z M10.2 7.5 H12 V12 H7.5 V10.2 H10.2 Z";
    private static final String ARRANGE = "M0 4 H3 V8 H0 Z M4.5 0.5 H7.5 V4.5 H4.5 Z M4.5 7.5 H7.5 V11.5 H4.5 Z M9 4 H12 V8 H9 Z";

    private static Button tool(String id, String svg, Runnable action) {
        SVGPath icon = new SVGPath();
        icon.setContent(svg);
        icon.getStyleClass().add("icon");
        Button b = new Button(null, icon);
        b.setId("tool-" + id);
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip(Messages.get("tool." + id)));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private String undoText() {
        String d = editor.commands().undoDescriptionProperty().get();
        return d.isEmpty() ? Messages.get("tool.undo") : Messages.format("tool.undo.named", d);
    }

    private String redoText() {
        String d = editor.commands().redoDescriptionProperty().get();
        return d.isEmpty() ? Messages.get("tool.redo") : Messages.format("tool.redo.named", d);
    }

    // ---- menus -----------------------------------------------------------------------------

    /** File → Open Recent, rebuilt from the recent-file list. */
    public Menu recentMenu() {
        Menu m = new Menu(Messages.get("menu.file.recent"));
        m.setId("menu-recent");
        Runnable rebuild = () -> {
            List<MenuItem> items = new ArrayList<>();
            int n = 1;
            for (Path p : editor.recentFiles()) {
                String label = (n <= 9 ? "_" + n + " " : "") + p.getFileName() + "  \u2014  " + shorten(p.toAbsolutePath().getParent());
                MenuItem it = new MenuItem(label);
                it.setMnemonicParsing(n <= 9);
                it.setOnAction(e -> openFile(p));
                items.add(it);
                n++;
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem(Messages.get("menu.file.recent.none"));
                none.setDisable(true);
                items.add(none);
            } else {
                items.add(new SeparatorMenuItem());
                items.add(item("menu.file.recent.clear", "recent-clear", null, editor::clearRecentFiles));
            }
            m.getItems().setAll(items);
        };
        editor.recentFiles().addListener((ListChangeListener<Path>) c -> rebuild.run());
        rebuild.run();
        return m;
    }

    private static String shorten(Path dir) {
        if (dir == null) return "";
        String home = System.getProperty("user.home");
        String s = dir.toString();
        return home != null && s.startsWith(home) ? "~" + s.substring(home.length()) : s;
    }

    /** Edit: undo/redo (named after the command), clipboard, delete, select all, layer order. */
    public Menu editMenu() {
        MenuItem undo = item("menu.edit.undo", "undo", "Shortcut+Z", () -> textOr(TextInputControl::undo, editor::undo));
        undo.textProperty().bind(Bindings.createStringBinding(() -> {
            String d = editor.commands().undoDescriptionProperty().get();
            return d.isEmpty() ? Messages.get("menu.edit.undo") : Messages.format("menu.edit.undo.named", d);
        }, editor.commands().undoDescriptionProperty()));
        undo.disableProperty().bind(editor.commands().canUndoProperty().not());
        MenuItem redo = item("menu.edit.redo", "redo", "Shortcut+Shift+Z", () -> textOr(TextInputControl::redo, editor::redo));
        redo.textProperty().bind(Bindings.createStringBinding(() -> {
            String d = editor.commands().redoDescriptionProperty().get();
            return d.isEmpty() ? Messages.get("menu.edit.redo") : Messages.format("menu.edit.redo.named", d);
        }, editor.commands().redoDescriptionProperty()));
        redo.disableProperty().bind(editor.commands().canRedoProperty().not());
        MenuItem cut = item("menu.edit.cut", "cut", "Shortcut+X", () -> textOr(TextInputControl::cut, editor::cut));
        MenuItem copy = item("menu.edit.copy", "copy", "Shortcut+C", () -> textOr(TextInputControl::copy, editor::copy));
        MenuItem paste = item("menu.edit.paste", "paste", "Shortcut+V", () -> textOr(TextInputControl::paste, editor::paste));
        MenuItem delete = item("menu.edit.delete", "delete", "Delete", () -> textOr(TextInputControl::deleteNextChar, editor::deleteSelection));
        MenuItem all = item("menu.edit.selectAll", "select-all", "Shortcut+A", () -> textOr(TextInputControl::selectAll, editor::selectAll));
        MenuItem earlier = item("menu.edit.moveEarlier", "move-earlier", "Alt+Up", editor::moveEarlier);
        MenuItem later = item("menu.edit.moveLater", "move-later", "Alt+Down", editor::moveLater);
        var noLayers = Bindings.createBooleanBinding(() -> editor.selectionProperty().get().layers().isEmpty(),
                editor.selectionProperty());
        for (MenuItem m : List.of(cut, copy, earlier, later)) m.disableProperty().bind(noLayers);
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> editor.selectionProperty().get().isEmpty(),
                editor.selectionProperty()));
        Menu m = new Menu(Messages.get("menu.edit"), null, undo, redo, new SeparatorMenuItem(), cut, copy, paste, delete,
                new SeparatorMenuItem(), all, new SeparatorMenuItem(), earlier, later);
        m.setId("menu-edit");
        m.setOnShowing(e -> paste.setDisable(!editor.canPaste() && !(focusOwner() instanceof TextInputControl)));
        return m;
    }

    /** Right-click on the drawing: what the Edit menu does to the selection, and the layout. */
    private javafx.scene.control.ContextMenu contextMenu() {
        Selection s = editor.selectionProperty().get();
        MenuItem cut = item("menu.edit.cut", "context-cut", null, editor::cut);
        MenuItem copy = item("menu.edit.copy", "context-copy", null, editor::copy);
        MenuItem paste = item("menu.edit.paste", "context-paste", null, editor::paste);
        MenuItem delete = item("menu.edit.delete", "context-delete", null, editor::deleteSelection);
        cut.setDisable(s.layers().isEmpty());
        copy.setDisable(s.layers().isEmpty());
        paste.setDisable(!editor.canPaste());
        delete.setDisable(s.isEmpty());
        javafx.scene.control.ContextMenu m = new javafx.scene.control.ContextMenu(cut, copy, paste, delete,
                new SeparatorMenuItem(), item("menu.edit.selectAll", "context-select-all", null, editor::selectAll),
                item("menu.view.arrange", "context-arrange", null, editor::arrange),
                item("menu.view.fit", "context-fit", null, canvas::fit));
        m.setAutoHide(true);
        return m;
    }

    /** View: zoom, fit, automatic layout. */
    public Menu viewMenu() {
        Menu m = new Menu(Messages.get("menu.view"), null,
                item("menu.view.zoomIn", "zoom-in", "Shortcut+Equals", canvas::zoomIn),
                item("menu.view.zoomOut", "zoom-out", "Shortcut+Minus", canvas::zoomOut),
                item("menu.view.actualSize", "actual-size", "Shortcut+0", canvas::actualSize),
                item("menu.view.fit", "fit", "Shortcut+9", canvas::fit),
                new SeparatorMenuItem(),
                item("menu.view.arrange", "arrange", "Shortcut+L", editor::arrange));
        m.setId("menu-view");
        return m;
    }

    private static MenuItem item(String key, String id, String shortcut, Runnable action) {
        MenuItem m = new MenuItem(Messages.get(key));
        m.setId("menu-" + id);
        if (shortcut != null) m.setAccelerator(KeyCombination.keyCombination(shortcut));
        m.setOnAction(e -> action.run());
        return m;
    }

    /**
     * Menu shortcuts reach the window before a focused text field: typing in the property sheet
     * must still undo, copy or delete text, not layers.
     */
    private void textOr(Consumer<TextInputControl> onText, Runnable otherwise) {
        if (focusOwner() instanceof TextInputControl t) onText.accept(t);
        else otherwise.run();
    }

    private Node focusOwner() {
        Window w = window.get();
        return w == null || w.getScene() == null ? null : w.getScene().getFocusOwner();
    }

    // ---- window-wide wiring ----------------------------------------------------------------

    /** Shortcuts that have no menu item, project files dropped on the window, and the autosave timer. */
    public void install(Scene scene) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), () -> textOr(TextInputControl::redo, editor::redo));
        acc.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), canvas::zoomIn);
        acc.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), canvas::zoomIn);
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), canvas::zoomIn);
        acc.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), canvas::zoomOut);
        scene.setOnDragOver(e -> {
            if (droppedProject(e.getDragboard().getFiles()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            Optional<Path> f = droppedProject(e.getDragboard().getFiles());
            f.ifPresent(this::openFile);
            e.setDropCompleted(f.isPresent());
            e.consume();
        });
        autosave.play();
    }

    /** The first file of a drop that looks like a project (a .json file). */
    static Optional<Path> droppedProject(List<File> files) {
        if (files == null) return Optional.empty();
        return files.stream().map(File::toPath)
                .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    public void stopAutosave() {
        autosave.stop();
    }

    // ---- file actions ----------------------------------------------------------------------

    /** Runs {@code proceed} once unsaved changes are saved or given up; not at all when the user cancels. */
    public void whenSafe(Runnable proceed) {
        Project p = editor.project();
        if (p == null || !editor.isDirty()) {
            proceed.run();
            return;
        }
        EditorDialogs.unsavedChanges(window.get(), p.name(), answer -> {
            if (answer == EditorDialogs.SAVE) save(proceed);
            else if (answer == EditorDialogs.DISCARD) proceed.run();
        });
    }

    public void newProject() {
        whenSafe(editor::newProject);
    }

    public void open() {
        whenSafe(() -> EditorDialogs.chooseProjectToOpen(window.get(), editor.fileProperty().get())
                .ifPresent(f -> editor.open(f, () -> {})));
    }

    public void openFile(Path f) {
        whenSafe(() -> editor.open(f, () -> {}));
    }

    public void save() {
        save(() -> {});
    }

    /** Saves to the project's file, asking for one when it has none; {@code then} runs once it is written. */
    public void save(Runnable then) {
        Path f = editor.fileProperty().get();
        if (f == null) saveAs(then);
        else editor.save(f, then);
    }

    public void saveAs() {
        saveAs(() -> {});
    }

    private void saveAs(Runnable then) {
        Project p = editor.project();
        if (p == null) return;
        EditorDialogs.chooseSaveTarget(window.get(), editor.fileProperty().get(), p.name()).ifPresent(f -> editor.save(f, then));
    }

    /** At start: offers what a crashed workbench left behind, else (or when declined) runs {@code otherwise}. */
    public void offerRecovery(Autosave.Recovery r, Runnable otherwise) {
        EditorDialogs.recovery(window.get(), r, answer -> {
            if (answer == EditorDialogs.RECOVER) {
                editor.recover(r);
            } else {
                editor.discard(r);
                otherwise.run();
            }
        });
    }

    /** For tests: a property sheet field by key. */
    public javafx.scene.control.Control sheetField(String key) {
        return sheet.field(key);
    }
}
