package org.backprop.app.view;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backprop.app.WorkbenchViewModel;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.train.TrainingSession.State;

import java.util.Locale;

/** Train / Pause / Step / Stop / Reset, enabled by what the view model allows. */
final class TrainingToolbar {
    private TrainingToolbar() {}

    static ToolBar create(WorkbenchViewModel vm) {
        Button train = button("train", Icons.train(), vm.canTrainProperty(), vm::train);
        train.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get(vm.stateProperty().get() == State.PAUSED ? "toolbar.resume" : "toolbar.train"),
                vm.stateProperty()));
        train.getStyleClass().add("primary");
        Button pause = button("pause", Icons.pause(), vm.canPauseProperty(), vm::pause);
        Button step = button("step", Icons.step(), vm.canStepProperty(), vm::step);
        Button stop = button("stop", Icons.stop(), vm.canStopProperty(), vm::stop);
        Button reset = button("reset", Icons.reset(), vm.canResetProperty(), vm::reset);

        Label state = new Label();
        state.setId("training-state");
        state.getStyleClass().add("state-badge");
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            State s = vm.stateProperty().get();
            return s == null ? "" : Messages.get("state." + s.name());
        }, vm.stateProperty()));
        state.visibleProperty().bind(vm.stateProperty().isNotNull());
        vm.stateProperty().addListener((o, a, b) -> {
            state.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-badge"));
            if (b != null) state.getStyleClass().add("state-" + b.name().toLowerCase(Locale.ROOT));
        });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        ToolBar bar = new ToolBar(train, pause, step, stop, reset, spring, state);
        bar.getStyleClass().add("training-toolbar");
        return bar;
    }

    private static Button button(String id, Node icon, BooleanBinding enabled, Runnable action) {
        Button b = new Button(Messages.get("toolbar." + id), icon);
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.get("toolbar." + id + ".tooltip")));
        b.disableProperty().bind(enabled.not());
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
