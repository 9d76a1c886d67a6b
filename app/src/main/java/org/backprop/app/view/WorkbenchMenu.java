package org.backprop.app.view;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.backprop.app.Theme;
import org.backprop.app.i18n.Messages;

import java.util.List;

/**
 * File (New, Open, Open Recent, Start Page, Save, Save As, Quit), the menus other parts of the window
 * contribute (the editor's Edit and View; Step through and Dark theme join View), and Help (About), with the
 * usual shortcuts.
 */
final class WorkbenchMenu {
    private WorkbenchMenu() {}

    /** What the menu does; the view supplies the dialogs. */
    interface Actions {
        void newProject();

        void open();

        void startPage();

        void save();

        void saveAs();

        void quit();

        void about();
    }

    /**
     * @param recent   the Open Recent submenu
     * @param more     menus between File and Help
     * @param stepMode toggled by View > Step through
     */
    static MenuBar create(Actions actions, ObservableBooleanValue canSave, Menu recent, List<Menu> more,
                          BooleanProperty stepMode) {
        MenuItem newProject = item("menu.file.new", "new", "Shortcut+N", actions::newProject);
        MenuItem open = item("menu.file.open", "open", "Shortcut+O", actions::open);
        MenuItem start = item("menu.file.startPage", "start-page", "Shortcut+Shift+H", actions::startPage);
        MenuItem save = item("menu.file.save", "save", "Shortcut+S", actions::save);
        MenuItem saveAs = item("menu.file.saveAs", "save-as", "Shortcut+Shift+S", actions::saveAs);
        MenuItem quit = item("menu.file.quit", "quit", "Shortcut+Q", actions::quit);
        save.disableProperty().bind(Bindings.not(canSave));
        saveAs.disableProperty().bind(Bindings.not(canSave));
        Menu file = new Menu(Messages.get("menu.file"), null, newProject, open, recent, start, new SeparatorMenuItem(),
                save, saveAs, new SeparatorMenuItem(), quit);
        CheckMenuItem stepThrough = new CheckMenuItem(Messages.get("menu.view.stepThrough"));
        stepThrough.setId("menu-step-through");
        stepThrough.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        stepThrough.selectedProperty().bindBidirectional(stepMode);
        Menu view = more.stream().filter(m -> "menu-view".equals(m.getId())).findFirst()
                .orElseGet(() -> new Menu(Messages.get("menu.view")));
        CheckMenuItem dark = new CheckMenuItem(Messages.get("menu.view.darkTheme"));
        dark.setId("menu-dark-theme");
        dark.setSelected(Theme.current() == Theme.DARK);
        dark.selectedProperty().addListener((o, was, on) -> {
            if (on != (Theme.current() == Theme.DARK)) Theme.choose(on ? Theme.DARK : Theme.LIGHT);
        });
        Theme.currentProperty().addListener((o, was, now) -> dark.setSelected(now == Theme.DARK));
        view.getItems().addAll(new SeparatorMenuItem(), stepThrough, dark);
        Menu help = new Menu(Messages.get("menu.help"), null, item("menu.help.about", "about", null, actions::about));
        MenuBar bar = new MenuBar(file);
        bar.getMenus().addAll(more);
        if (!bar.getMenus().contains(view)) bar.getMenus().add(view);
        bar.getMenus().add(help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String key, String id, String shortcut, Runnable action) {
        MenuItem m = new MenuItem(Messages.get(key));
        m.setId("menu-" + id);
        if (shortcut != null) m.setAccelerator(KeyCombination.keyCombination(shortcut));
        m.setOnAction(e -> action.run());
        return m;
    }
}
