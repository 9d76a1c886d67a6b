package org.backprop.app.stepthrough;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.backprop.app.i18n.Messages;
import org.backprop.app.stepthrough.StepThroughViewModel.Status;
import org.backprop.engine.stepthrough.ParameterChange;
import org.backprop.engine.stepthrough.ParameterRef;
import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.Tex;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.visual.diagram.NetworkDiagram;
import org.backprop.visual.stepthrough.FormulaView;
import org.backprop.visual.stepthrough.LatexImages;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The step mode: the network with the current step marked, the step's formula large enough to
 * read from the back of a classroom (symbols above, numbers beneath), the loss before and after
 * the update, and beside them the iteration's steps, a picked weight's chain from the loss, or
 * the new weights once the update is applied. Driven from the keyboard: arrows, Space, Home,
 * End, Enter (J opens the parameter list, Esc closes a chain). Binds to the view model only.
 */
public final class StepThroughView {
    /** How near a click must come to a connection to pick its weight, in pixels. */
    private static final double PICK_TOLERANCE = 6;
    private static final List<Double> SPEEDS = List.of(0.5, 1.0, 2.0, 4.0, 8.0);
    private static final Color NUMBERS_COLOR = Color.web("#1e3a8a");

    private final StepThroughViewModel vm;
    private final BorderPane root = new BorderPane();
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final FormulaView formula = new FormulaView();
    private final FormulaView numbers = new FormulaView();
    private final ComboBox<ParameterRef> jump = new ComboBox<>();
    private final Timeline player = new Timeline();
    /** Set while the jump list follows the view model, whose setValue would otherwise fire a jump. */
    private boolean showingChain;

    public StepThroughView(StepThroughViewModel vm) {
        this.vm = vm;
        // JLaTeXMath's start-up second overlaps the engine's work on the first transcript.
        vm.activeProperty().addListener((o, was, on) -> {
            if (on) LatexImages.warmUp();
        });
        root.getStyleClass().add("step-through");
        root.getStylesheets().add(Objects.requireNonNull(StepThroughView.class.getResource("step-through.css")).toExternalForm());
        root.setId("step-view");
        root.setFocusTraversable(true);
        root.setTop(toolbar());
        Node content = content();
        Node message = messagePane();
        StackPane centre = new StackPane(content, message);
        content.visibleProperty().bind(vm.statusProperty().isEqualTo(Status.READY));
        message.visibleProperty().bind(content.visibleProperty().not());
        root.setCenter(centre);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        root.setOnMousePressed(e -> root.requestFocus());
        player.setCycleCount(Timeline.INDEFINITE);
        vm.playingProperty().addListener((o, was, on) -> playing(on));
        vm.speedProperty().addListener((o, was, v) -> {
            if (vm.playingProperty().get()) playing(true);
        });
    }

    public Parent root() {
        return root;
    }

    /** Takes the keyboard, so the arrows step at once. */
    public void focus() {
        root.requestFocus();
    }

    public NetworkDiagram diagram() {
        return diagram;
    }

    // ---- keyboard ---------------------------------------------------------------------------

    private void key(KeyEvent e) {
        // Plain keys only: Ctrl+T and the other accelerators belong to the menu.
        if (vm.statusProperty().get() != Status.READY || e.isShortcutDown() || e.isControlDown() || e.isAltDown()
                || e.isMetaDown()) {
            return;
        }
        switch (e.getCode()) {
            case RIGHT -> vm.next();
            case LEFT -> vm.previous();
            case SPACE -> vm.togglePlay();
            case HOME -> vm.first();
            case END -> vm.last();
            case ENTER -> vm.applyOrContinue();
            case ESCAPE -> vm.hideChain();
            case J -> jump.show();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void playing(boolean on) {
        player.stop();
        if (!on) return;
        player.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / vm.speedProperty().get()), e -> vm.playTick()));
        player.playFromStart();
    }

    // ---- toolbar ----------------------------------------------------------------------------

    private ToolBar toolbar() {
        Button first = button("first", StepIcons.first(), vm.canFirstProperty(), vm::first);
        Button previous = button("previous", StepIcons.previous(), vm.canPreviousProperty(), vm::previous);
        Button play = button("play", StepIcons.play(), vm.canPlayProperty(), vm::togglePlay);
        Node playIcon = play.getGraphic();
        Node pauseIcon = StepIcons.pause();
        vm.playingProperty().addListener((o, was, on) -> {
            play.setText(Messages.get(on ? "step.toolbar.pause" : "step.toolbar.play"));
            play.setGraphic(on ? pauseIcon : playIcon);
        });
        Button next = button("next", StepIcons.next(), vm.canNextProperty(), vm::next);
        next.setContentDisplay(ContentDisplay.RIGHT);
        Button last = button("last", StepIcons.last(), vm.canLastProperty(), vm::last);
        last.setContentDisplay(ContentDisplay.RIGHT);

        Button apply = button("apply", StepIcons.enter(), vm.canApplyProperty(), vm::applyUpdate);
        apply.getStyleClass().add("primary");
        Button again = button("nextIteration", StepIcons.enter(), vm.canNextIterationProperty(), vm::nextIteration);
        again.getStyleClass().add("primary");
        apply.managedProperty().bind(apply.visibleProperty());
        again.managedProperty().bind(again.visibleProperty());
        again.visibleProperty().bind(vm.appliedProperty());
        apply.visibleProperty().bind(vm.appliedProperty().not());
        Button restart = button("restart", StepIcons.restart(), vm.statusProperty().isNotEqualTo(Status.LOADING), vm::restart);

        Label speedLabel = new Label(Messages.get("step.toolbar.speed"));
        speedLabel.getStyleClass().add("toolbar-label");
        ChoiceBox<Double> speed = new ChoiceBox<>(FXCollections.observableArrayList(SPEEDS));
        speed.setId("step-speed");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : Messages.format("step.speed", v);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setValue(nearestSpeed(vm.speedProperty().get()));
        speed.valueProperty().addListener((o, was, v) -> {
            if (v != null) vm.speedProperty().set(v);
            root.requestFocus();
        });
        speed.setTooltip(new Tooltip(Messages.get("step.toolbar.speed.tooltip")));
        speed.setFocusTraversable(false);

        jump.setId("step-jump");
        jump.setPromptText(Messages.get("step.toolbar.jump"));
        jump.setTooltip(new Tooltip(Messages.get("step.toolbar.jump.tooltip")));
        jump.setFocusTraversable(false);
        jump.setVisibleRowCount(14);
        jump.setCellFactory(l -> new ParameterCell());
        jump.setButtonCell(new ParameterCell());
        jump.disableProperty().bind(vm.statusProperty().isNotEqualTo(Status.READY));
        vm.transcriptProperty().addListener((o, was, t) -> {
            List<ParameterRef> refs = t == null ? List.of() : t.parameters().stream().map(ParameterChange::parameter).toList();
            if (!refs.equals(jump.getItems())) jump.getItems().setAll(refs);
        });
        jump.setOnAction(e -> {
            ParameterRef p = jump.getValue();
            if (p != null && !showingChain) {
                vm.jumpTo(p);
                root.requestFocus();
            }
        });
        // A chain shown by a click on a weight names its weight here too, without jumping to it.
        vm.chainParameterProperty().addListener((o, was, p) -> {
            if (Objects.equals(jump.getValue(), p)) return;
            showingChain = true;
            try {
                jump.setValue(p);
            } finally {
                showingChain = false;
            }
        });

        ToolBar bar = new ToolBar(first, previous, play, next, last, new Separator(Orientation.VERTICAL), apply, again,
                new Separator(Orientation.VERTICAL), speedLabel, speed, jump, restart);
        bar.getStyleClass().add("step-toolbar");
        return bar;
    }

    private static Double nearestSpeed(double v) {
        return SPEEDS.stream().min((a, b) -> Double.compare(Math.abs(a - v), Math.abs(b - v))).orElse(1.0);
    }

    private Button button(String id, Node icon, ObservableBooleanValue enabled, Runnable action) {
        Button b = new Button(Messages.get("step.toolbar." + id), icon);
        b.setId("step-" + id);
        b.setTooltip(new Tooltip(Messages.get("step.toolbar." + id + ".tooltip")));
        b.disableProperty().bind(Bindings.createBooleanBinding(() -> !enabled.get(), enabled));
        b.setOnAction(e -> {
            action.run();
            root.requestFocus();
        });
        // The keyboard belongs to the step view: a focused button would take Space and Enter.
        b.setFocusTraversable(false);
        return b;
    }

    // ---- content ----------------------------------------------------------------------------

    private Node content() {
        diagram.setId("step-diagram");
        diagram.setMaxNeuronRadius(28);
        diagram.modelProperty().bind(vm.diagramProperty());
        diagram.overlayProperty().bind(vm.overlayProperty());
        diagram.setOnMouseMoved(e -> diagram.setCursor(
                vm.weightOf(diagram.synapseAt(e.getX(), e.getY(), PICK_TOLERANCE).orElse(null)) != null ? Cursor.HAND : Cursor.DEFAULT));
        diagram.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            ParameterRef p = vm.weightOf(diagram.synapseAt(e.getX(), e.getY(), PICK_TOLERANCE).orElse(null));
            if (p != null) vm.showChain(p);
            root.requestFocus();
        });
        Label hint = new Label(Messages.get("step.diagram.hint"));
        hint.getStyleClass().add("step-hint");
        Label title = panelTitle("step.panel.network");
        HBox head = new HBox(12, title, hint);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox diagramPanel = new VBox(head, diagram);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        diagramPanel.getStyleClass().addAll("panel", "step-diagram-panel");

        VBox left = new VBox(10, diagramPanel, formulaCard());
        VBox.setVgrow(diagramPanel, Priority.ALWAYS);
        left.getStyleClass().add("step-main");

        Node side = sidePanel();
        SplitPane split = new SplitPane(left, side);
        split.setDividerPositions(0.68);
        split.getStyleClass().add("step-split");
        SplitPane.setResizableWithParent(side, false);
        return split;
    }

    private Node formulaCard() {
        Label phase = new Label();
        phase.setId("step-phase");
        phase.getStyleClass().add("phase-badge");
        phase.setMinWidth(Region.USE_PREF_SIZE);
        Label caption = new Label();
        caption.setId("step-caption");
        caption.getStyleClass().add("step-caption");
        caption.setWrapText(true);
        vm.stepProperty().addListener((o, was, s) -> {
            Transcript t = vm.transcriptProperty().get();
            phase.setText(s == null ? "" : StepText.phase(s.kind().phase()));
            phase.getStyleClass().removeIf(c -> c.startsWith("phase-") && !c.equals("phase-badge"));
            if (s != null) phase.getStyleClass().add("phase-" + s.kind().phase().name().toLowerCase(Locale.ROOT));
            caption.setText(s == null || t == null ? "" : StepText.caption(t, s));
            formula.setLatex(s == null ? "" : StepLines.formula(s));
            numbers.setLatex(s == null ? "" : StepLines.numbers(s));
        });
        Label position = new Label();
        position.setId("step-position");
        position.getStyleClass().add("step-position");
        position.setMinWidth(Region.USE_PREF_SIZE);
        position.textProperty().bind(Bindings.createStringBinding(() -> {
            Transcript t = vm.transcriptProperty().get();
            if (t == null || vm.indexProperty().get() < 0) return "";
            return Messages.format("step.position", vm.indexProperty().get() + 1, t.steps().size(), t.iteration());
        }, vm.transcriptProperty(), vm.indexProperty()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox head = new HBox(14, phase, caption, spring, position);
        head.setAlignment(Pos.CENTER_LEFT);
        formula.setId("step-formula");
        formula.setFontSize(40);
        formula.setMinFontSize(18);
        numbers.setId("step-numbers");
        numbers.setFontSize(40);
        numbers.setMinFontSize(18);
        numbers.setTextFill(NUMBERS_COLOR);
        VBox card = new VBox(10, head, formula, numbers);
        card.getStyleClass().addAll("panel", "formula-card");
        return card;
    }

    private Node sidePanel() {
        VBox loss = lossCard();
        StackPane lists = new StackPane(chainBox(), updateBox(), stepsBox());
        VBox.setVgrow(lists, Priority.ALWAYS);
        VBox side = new VBox(10, loss, lists);
        side.getStyleClass().add("step-side");
        return side;
    }

    private VBox lossCard() {
        Label title = panelTitle("step.panel.loss");
        Label before = new Label();
        before.setId("step-loss-before");
        before.getStyleClass().add("loss-value");
        before.textProperty().bind(Bindings.createStringBinding(() -> {
            Transcript t = vm.transcriptProperty().get();
            return t == null ? "" : Messages.format("step.loss.value", Tex.plain(t.lossBefore()));
        }, vm.transcriptProperty()));
        Label after = new Label();
        after.setId("step-loss-after");
        after.getStyleClass().addAll("loss-value", "loss-after");
        after.textProperty().bind(Bindings.createStringBinding(() -> {
            Transcript t = vm.transcriptProperty().get();
            return t == null || !vm.appliedProperty().get() ? "" : Messages.format("step.loss.value", Tex.plain(t.lossAfter()));
        }, vm.transcriptProperty(), vm.appliedProperty()));
        Label pending = new Label(Messages.get("step.loss.pending"));
        pending.setId("step-loss-pending");
        pending.getStyleClass().add("step-note");
        pending.setWrapText(true);
        pending.visibleProperty().bind(vm.appliedProperty().not());
        pending.managedProperty().bind(pending.visibleProperty());
        after.visibleProperty().bind(vm.appliedProperty());
        after.managedProperty().bind(after.visibleProperty());
        GridPane values = new GridPane();
        values.setHgap(14);
        values.setVgap(2);
        values.addRow(0, lossCaption("step.loss.before"), before);
        values.addRow(1, lossCaption("step.loss.after"), new StackPane(after, pending));
        StackPane.setAlignment(after, Pos.CENTER_LEFT);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setFillWidth(true);
        values.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        Label note = new Label(Messages.get("step.loss.note"));
        note.getStyleClass().add("step-note");
        note.setWrapText(true);
        Label setup = new Label();
        setup.getStyleClass().add("step-note");
        setup.setWrapText(true);
        setup.textProperty().bind(Bindings.createStringBinding(() -> {
            Transcript t = vm.transcriptProperty().get();
            if (t == null) return "";
            return t.isRecurrent() ? Messages.format("step.setup.sequences", StepText.lossName(t.loss()), t.examples().size(), t.timeSteps())
                    : Messages.format("step.setup", StepText.lossName(t.loss()), t.examples().size());
        }, vm.transcriptProperty()));
        VBox card = new VBox(6, title, values, setup, note);
        card.getStyleClass().addAll("panel", "loss-card");
        card.setMinHeight(Region.USE_PREF_SIZE);
        return card;
    }

    private static Label lossCaption(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("loss-caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Node stepsBox() {
        ListView<Step> list = new ListView<>();
        list.setId("step-list");
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new StepCell());
        Runnable follow = () -> {
            int at = vm.indexProperty().get();
            if (at < 0 || at >= list.getItems().size()) return;
            list.getSelectionModel().select(at);
            scrollIntoView(list, at);
        };
        vm.transcriptProperty().addListener((o, was, t) -> {
            list.getItems().setAll(t == null ? List.of() : t.steps());
            follow.run();
        });
        vm.indexProperty().addListener((o, was, i) -> follow.run());
        list.setOnMouseClicked(e -> {
            Step s = list.getSelectionModel().getSelectedItem();
            if (s != null) vm.goTo(s.index());
            root.requestFocus();
        });
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Transcript t = vm.transcriptProperty().get();
            return t == null ? "" : Messages.format("step.steps.title", t.iteration());
        }, vm.transcriptProperty()));
        VBox box = new VBox(6, title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("panel");
        box.visibleProperty().bind(vm.chainParameterProperty().isNull().and(vm.appliedProperty().not()));
        return box;
    }

    private Node chainBox() {
        Label title = new Label();
        title.setId("step-chain-title");
        title.getStyleClass().add("chain-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            ParameterRef p = vm.chainParameterProperty().get();
            return p == null ? "" : Messages.format("step.chain.title", StepText.parameter(p));
        }, vm.chainParameterProperty()));
        Button close = new Button(Messages.get("step.chain.close"));
        close.setId("step-chain-close");
        close.setTooltip(new Tooltip(Messages.get("step.chain.close.tooltip")));
        close.setFocusTraversable(false);
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> {
            vm.hideChain();
            root.requestFocus();
        });
        FormulaView symbol = new FormulaView();
        symbol.setFontSize(22);
        symbol.setMinWidth(Region.USE_PREF_SIZE);
        symbol.latexProperty().bind(Bindings.createStringBinding(() -> {
            ParameterRef p = vm.chainParameterProperty().get();
            Transcript t = vm.transcriptProperty().get();
            return p == null || t == null ? "" : StepText.parameterSymbol(t, p);
        }, vm.chainParameterProperty(), vm.transcriptProperty()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox head = new HBox(8, panelTitle("step.panel.chain"), spring, close);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox named = new HBox(10, symbol, title);
        named.setAlignment(Pos.CENTER_LEFT);
        ListView<Step> list = new ListView<>(vm.chainSteps());
        list.setId("step-chain");
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new ChainCell());
        list.setOnMouseClicked(e -> {
            Step s = list.getSelectionModel().getSelectedItem();
            if (s != null) vm.goTo(s.index());
            root.requestFocus();
        });
        Runnable follow = () -> {
            Step s = vm.stepProperty().get();
            int at = s == null ? -1 : list.getItems().indexOf(s);
            if (at >= 0) {
                list.getSelectionModel().select(at);
                scrollIntoView(list, at);
            } else {
                list.getSelectionModel().clearSelection();
            }
        };
        vm.stepProperty().addListener((o, was, s) -> follow.run());
        vm.chainSteps().addListener((ListChangeListener<Step>) c -> follow.run());
        VBox box = new VBox(6, head, named, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().addAll("panel", "chain-box");
        box.visibleProperty().bind(vm.chainParameterProperty().isNotNull());
        return box;
    }

    private Node updateBox() {
        TableView<ParameterChange> table = new TableView<>();
        table.setId("step-update-table");
        table.setFocusTraversable(false);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(symbolColumn());
        table.getColumns().add(column("step.update.column.before", c -> Tex.plain(c.before()), true, 90));
        // Gradients are the small numbers with the most digits (0.000601917).
        table.getColumns().add(column("step.update.column.gradient", c -> Tex.plain(c.gradient()), true, 112));
        table.getColumns().add(column("step.update.column.after", c -> Tex.plain(c.after()), true, 90));
        vm.transcriptProperty().addListener((o, was, t) -> table.getItems().setAll(t == null ? List.of() : t.parameters()));
        table.setOnMouseClicked(e -> {
            ParameterChange c = table.getSelectionModel().getSelectedItem();
            if (c != null) vm.showChain(c.parameter());
            root.requestFocus();
        });
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Transcript t = vm.transcriptProperty().get();
            return t == null ? "" : Messages.format("step.update.title", t.iteration());
        }, vm.transcriptProperty()));
        Label hint = new Label(Messages.get("step.update.hint"));
        hint.getStyleClass().add("step-note");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, title, table, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("panel");
        box.visibleProperty().bind(vm.chainParameterProperty().isNull().and(vm.appliedProperty()));
        return box;
    }

    /** The parameter as the formulas write it (its DL4J name in the tooltip): short enough for a narrow table. */
    private TableColumn<ParameterChange, ParameterChange> symbolColumn() {
        TableColumn<ParameterChange, ParameterChange> c = new TableColumn<>(Messages.get("step.update.column.parameter"));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setSortable(false);
        c.setPrefWidth(40);
        c.setCellFactory(col -> new TableCell<>() {
            private final FormulaView symbol = new FormulaView();
            private final Tooltip name = new Tooltip();

            {
                symbol.setFontSize(17);
                symbol.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(ParameterChange p, boolean empty) {
                super.updateItem(p, empty);
                Transcript t = vm.transcriptProperty().get();
                if (empty || p == null || t == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                symbol.setLatex(StepText.parameterSymbol(t, p.parameter()));
                name.setText(StepText.parameter(p.parameter()));
                setGraphic(symbol);
                setTooltip(name);
            }
        });
        return c;
    }

    private static TableColumn<ParameterChange, String> column(String key, Function<ParameterChange, String> text,
                                                               boolean numeric, double width) {
        TableColumn<ParameterChange, String> c = new TableColumn<>(Messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setSortable(false);
        if (numeric) c.getStyleClass().add("numeric");
        return c;
    }

    private Node messagePane() {
        Label title = new Label();
        title.setId("step-message-title");
        title.getStyleClass().add("step-message-title");
        Label text = new Label();
        text.setId("step-message");
        text.getStyleClass().add("step-message");
        text.setWrapText(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.visibleProperty().bind(vm.statusProperty().isEqualTo(Status.LOADING));
        progress.managedProperty().bind(progress.visibleProperty());
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.statusProperty().get()) {
            case REFUSED -> Messages.get("step.refused.title");
            case FAILED -> Messages.get("step.failed.title");
            case LOADING -> Messages.get("step.loading");
            case IDLE, READY -> Messages.get("step.idle");
        }, vm.statusProperty()));
        text.textProperty().bind(vm.messageProperty());
        text.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        VBox box = new VBox(14, progress, title, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(760);
        box.getStyleClass().add("step-message-box");
        StackPane pane = new StackPane(box);
        pane.getStyleClass().add("step-message-pane");
        return pane;
    }

    private static Label panelTitle(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("panel-title");
        return l;
    }

    /** Keeps a few rows of context above the selected one. */
    private static void scrollIntoView(ListView<?> list, int at) {
        list.scrollTo(Math.max(0, at - 3));
    }

    // ---- cells ------------------------------------------------------------------------------

    /** A step in the iteration's list: its phase as a coloured mark, then its caption. */
    private final class StepCell extends ListCell<Step> {
        private final Region mark = new Region();

        StepCell() {
            mark.getStyleClass().add("phase-mark");
            getStyleClass().add("step-cell");
            // As wide as the list, never wider: a long caption ends in an ellipsis, not a scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Step s, boolean empty) {
            super.updateItem(s, empty);
            Transcript t = vm.transcriptProperty().get();
            if (empty || s == null || t == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            mark.getStyleClass().removeIf(c -> c.startsWith("phase-") && !c.equals("phase-mark"));
            mark.getStyleClass().add("phase-" + s.kind().phase().name().toLowerCase(Locale.ROOT));
            setText((s.index() + 1) + ". " + StepText.caption(t, s));
            setGraphic(mark);
        }
    }

    /** A step of a chain: its caption over its whole formula. */
    private final class ChainCell extends ListCell<Step> {
        private final Label caption = new Label();
        private final FormulaView line = new FormulaView();
        private final VBox box = new VBox(2, caption, line);

        ChainCell() {
            caption.getStyleClass().add("chain-caption");
            line.setFontSize(17);
            line.setMinFontSize(9);
            line.setMaxWidth(Double.MAX_VALUE);
            getStyleClass().add("chain-cell");
            setPrefWidth(0);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            // The formula shrinks to the cell's width instead of widening the list.
            box.prefWidthProperty().bind(widthProperty().subtract(snappedLeftInset() + snappedRightInset() + 4));
            box.setMaxWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(Step s, boolean empty) {
            super.updateItem(s, empty);
            Transcript t = vm.transcriptProperty().get();
            if (empty || s == null || t == null) {
                setGraphic(null);
                return;
            }
            caption.setText((s.index() + 1) + ". " + StepText.caption(t, s));
            line.setLatex(s.latex());
            setGraphic(box);
        }
    }

    /** A parameter in the jump list: its name as DL4J has it and its symbol in the formulas. */
    private final class ParameterCell extends ListCell<ParameterRef> {
        private final FormulaView symbol = new FormulaView();

        ParameterCell() {
            symbol.setFontSize(15);
        }

        @Override
        protected void updateItem(ParameterRef p, boolean empty) {
            super.updateItem(p, empty);
            Transcript t = vm.transcriptProperty().get();
            if (empty || p == null || t == null) {
                setText(empty ? null : Messages.get("step.toolbar.jump"));
                setGraphic(null);
                return;
            }
            setText(StepText.parameter(p));
            symbol.setLatex(StepText.parameterSymbol(t, p));
            setGraphic(symbol);
        }
    }
}
