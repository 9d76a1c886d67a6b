package org.backprop.app.view;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backprop.app.WorkbenchViewModel;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime.BackendInfo;
import org.backprop.engine.train.Evaluation;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Backend, data type, progress, latest loss, parameters and memory, along the window's foot. */
final class StatusBar {
    private StatusBar() {}

    /** @param parameters the edited network's parameter count, -1 while unknown */
    static HBox create(WorkbenchViewModel vm, ReadOnlyLongProperty parameters) {
        ProgressIndicator starting = new ProgressIndicator();
        starting.getStyleClass().add("status-progress");
        starting.visibleProperty().bind(vm.readyProperty().not());
        starting.managedProperty().bind(starting.visibleProperty());

        Label backend = label("status-backend", () -> {
            BackendInfo b = vm.backendProperty().get();
            return b == null ? Messages.get("status.starting") : Messages.format("status.backend", b.name());
        }, vm.backendProperty());
        backend.tooltipProperty().bind(Bindings.createObjectBinding(() -> {
            BackendInfo b = vm.backendProperty().get();
            return b == null ? null : new Tooltip(Messages.format("status.backend.tooltip", b.implementation(), b.openMpThreads()));
        }, vm.backendProperty()));

        Label dataType = label("status-datatype", () -> {
            Project p = vm.projectProperty().get();
            if (p == null) return "";
            return Messages.get(p.training().dataType() == TrainingSettings.Precision.DOUBLE
                    ? "status.dataType.double" : "status.dataType.float");
        }, vm.projectProperty());
        Label iteration = label("status-iteration",
                () -> Messages.format("status.iteration", vm.iterationProperty().get()), vm.iterationProperty());
        Label epoch = label("status-epoch", () -> {
            Project p = vm.projectProperty().get();
            int shown = vm.iterationProperty().get() == 0 ? 0 : vm.epochProperty().get() + 1;
            return Messages.format("status.epoch", shown, p == null ? 0 : p.training().epochs());
        }, vm.epochProperty(), vm.iterationProperty(), vm.projectProperty());
        Label loss = label("status-loss", () -> {
            double l = vm.lossProperty().get();
            return Double.isNaN(l) ? Messages.get("status.loss.none") : Messages.format("status.loss", formatLoss(l));
        }, vm.lossProperty());
        Label accuracy = label("status-accuracy", () -> {
            Evaluation e = vm.lastEvaluationProperty().get();
            return e == null || Double.isNaN(e.testAccuracy()) ? "" : Messages.format("status.accuracy", e.testAccuracy());
        }, vm.lastEvaluationProperty());
        accuracy.visibleProperty().bind(accuracy.textProperty().isNotEmpty());
        accuracy.managedProperty().bind(accuracy.visibleProperty());
        Label params = label("status-params", () -> parameters.get() < 0 ? Messages.get("status.params.unknown")
                : Messages.format("status.params", parameters.get()), parameters);
        Label memory = label("status-memory",
                () -> Messages.format("status.memory", vm.memoryUsedProperty().get() / (1024 * 1024)), vm.memoryUsedProperty());

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        BooleanBinding open = vm.projectProperty().isNotNull();
        HBox bar = new HBox(starting, backend,
                shownWhen(open, sep()), shownWhen(open, dataType),
                shownWhen(open, sep()), shownWhen(open, iteration),
                shownWhen(open, sep()), shownWhen(open, epoch),
                shownWhen(open, sep()), shownWhen(open, loss), accuracy,
                spring, shownWhen(open, params), shownWhen(open, sep()), memory);
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");
        return bar;
    }

    /** Four decimals, in the user's number format; scientific below 0.001 (DecimalFormat also spells infinity). */
    static String formatLoss(double l) {
        Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        double a = Math.abs(l);
        String pattern = a != 0 && a < 1e-3 && !Double.isInfinite(a) ? "0.000E0" : "0.0000";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)).format(l);
    }

    private static Label label(String id, Callable<String> text, ObservableValue<?>... deps) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-item");
        l.textProperty().bind(Bindings.createStringBinding(text, deps));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Node shownWhen(BooleanBinding condition, Node n) {
        n.visibleProperty().bind(condition);
        n.managedProperty().bind(n.visibleProperty());
        return n;
    }

    private static Node sep() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.getStyleClass().add("status-separator");
        return s;
    }
}
