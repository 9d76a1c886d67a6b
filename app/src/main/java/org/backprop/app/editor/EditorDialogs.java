package org.backprop.app.editor;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.backprop.app.Theme;
import org.backprop.app.i18n.Messages;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.function.Consumer;

/** The editor's dialogs. Non-blocking: each answers through a callback. */
final class EditorDialogs {
    static final ButtonType SAVE = new ButtonType(Messages.get("unsaved.save"), ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType(Messages.get("unsaved.discard"), ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType(Messages.get("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    static final ButtonType RECOVER = new ButtonType(Messages.get("recover.recover"), ButtonBar.ButtonData.YES);
    static final ButtonType FORGET = new ButtonType(Messages.get("recover.discard"), ButtonBar.ButtonData.NO);

    private EditorDialogs() {}

    /** "Save the changes to XOR?" Save / Don't Save / Cancel. */
    static void unsavedChanges(Window owner, String name, Consumer<ButtonType> answer) {
        Alert a = new Alert(Alert.AlertType.WARNING, Messages.get("unsaved.body"), SAVE, DISCARD, CANCEL);
        a.initOwner(owner);
        a.initModality(Modality.WINDOW_MODAL);
        a.setTitle(Messages.get("unsaved.title"));
        a.setHeaderText(Messages.format("unsaved.header", name));
        a.getDialogPane().setId("unsaved-dialog");
        Theme.style(a.getDialogPane());
        a.setOnHidden(e -> answer.accept(a.getResult() == null ? CANCEL : a.getResult()));
        a.show();
    }

    /** Offers what a crashed workbench left: Recover / Discard. */
    static void recovery(Window owner, Autosave.Recovery r, Consumer<ButtonType> answer) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault()).format(r.savedAt());
        String name = r.name() == null || r.name().isBlank() ? Messages.get("editor.untitled") : r.name();
        String where = r.original() == null ? Messages.get("recover.neverSaved") : r.original().toString();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.format("recover.body", name, when, where), RECOVER, FORGET);
        a.initOwner(owner);
        a.initModality(Modality.WINDOW_MODAL);
        a.setTitle(Messages.get("recover.title"));
        a.setHeaderText(Messages.get("recover.header"));
        a.getDialogPane().setId("recover-dialog");
        Theme.style(a.getDialogPane());
        a.setOnHidden(e -> answer.accept(a.getResult() == null ? FORGET : a.getResult()));
        a.show();
    }

    static Optional<Path> chooseProjectToOpen(Window owner, Path near) {
        File f = chooser("file.chooser.open", near).showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** A file to save to; ".bpw.json" is added to a name that has no ".json". */
    static Optional<Path> chooseSaveTarget(Window owner, Path near, String projectName) {
        FileChooser c = chooser("file.chooser.saveAs", near);
        c.setInitialFileName(near != null ? near.getFileName().toString() : fileName(projectName));
        File f = c.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath).map(p -> p.getFileName().toString().endsWith(".json") ? p
                : p.resolveSibling(p.getFileName() + ".bpw.json"));
    }

    /** "My net" gives "my-net.bpw.json". */
    static String fileName(String projectName) {
        String stem = projectName == null ? "" : projectName.strip().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return (stem.isEmpty() ? "project" : stem) + ".bpw.json";
    }

    private static FileChooser chooser(String titleKey, Path near) {
        FileChooser c = new FileChooser();
        c.setTitle(Messages.get(titleKey));
        c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("file.filter.project"), "*.bpw.json"),
                new FileChooser.ExtensionFilter(Messages.get("file.filter.all"), "*"));
        if (near != null && near.toAbsolutePath().getParent() != null) {
            File dir = near.toAbsolutePath().getParent().toFile();
            if (dir.isDirectory()) c.setInitialDirectory(dir);
        }
        return c;
    }
}
