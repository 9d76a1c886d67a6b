package org.backprop.app.view;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.backprop.app.Theme;
import org.backprop.app.Problem;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.runtime.BuildInfo;
import org.backprop.engine.runtime.Nd4jRuntime.BackendInfo;


/** The window's dialogs. Non-blocking: they may open from inside a frame update. */
final class Dialogs {
    private Dialogs() {}

    static Alert problem(Window owner, Problem p, Runnable onClose) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.initModality(Modality.WINDOW_MODAL);
        a.setTitle(Messages.get("problem.dialog.title"));
        a.setHeaderText(Messages.get(p.kind().titleKey()));
        // The message may be long (every problem of a network); selectable, so it can be copied.
        TextArea text = new TextArea(p.message());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(10, Math.max(3, p.message().split("\n").length + 1)));
        text.setId("problem-message");
        text.getStyleClass().add("problem-message");
        Label keeps = new Label(Messages.get("problem.keepsProject"));
        keeps.getStyleClass().add("problem-note");
        VBox content = new VBox(8, text, keeps);
        a.getDialogPane().setContent(content);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.getDialogPane().setId("problem-dialog");
        Theme.style(a.getDialogPane());
        a.setOnHidden(e -> onClose.run());
        a.show();
        return a;
    }

    static void about(Window owner, BackendInfo backend) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle(Messages.get("about.title"));
        BuildInfo build = BuildInfo.current();
        a.setHeaderText(build.version().map(v -> Messages.format("about.header.version", v)).orElse(Messages.get("about.header")));
        String made = build.buildTime().isPresent()
                ? Messages.format("about.build", build.buildTime().get(), build.nd4jBackend().orElse("ND4J"), build.nd4jVersion().orElse(""))
                : Messages.get("about.build.development");
        String b = backend == null ? Messages.get("about.backend.starting")
                : Messages.format("about.backend", backend.name(), backend.implementation(), backend.openMpThreads());
        a.setContentText(Messages.format("about.body", made, b, System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?")));
        a.getDialogPane().setId("about-dialog");
        Theme.style(a.getDialogPane());
        a.show();
    }
}
