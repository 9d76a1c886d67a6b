package org.backprop.app;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.app.editor.Autosave;
import org.backprop.app.editor.RecentFiles;
import org.backprop.app.i18n.Messages;
import org.backprop.engine.lesson.LessonFiles;
import org.backprop.engine.project.ProjectFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import static org.backprop.app.FxTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** The start page and the theme switch in the real window, headless on Monocle. */
class StartPageWindowTest {
    @TempDir
    static Path dir;
    private static Stage stage;
    private static final String PREFS_NODE = "org/backprop/workbench-test-start-" + ProcessHandle.current().pid();
    private final FxRobot robot = new FxRobot();
    private WorkbenchApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty(Autosave.DIR_PROPERTY, dir.resolve("autosave").toString());
        System.setProperty(RecentFiles.NODE_PROPERTY, PREFS_NODE);
        // As Main does when the window opens without a project named for it.
        System.setProperty(WorkbenchApp.START_PAGE, "true");
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void forget() throws Exception {
        System.clearProperty(WorkbenchApp.START_PAGE);
        Preferences.userRoot().node(PREFS_NODE).removeNode();
    }

    @BeforeEach
    void start() throws Exception {
        Path xor = samples().resolve("xor/xor.bpw.json");
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(xor));
        waitUntil("xor open", () -> app.editor().project() != null && app.editor().project().name().equals("XOR"));
    }

    @AfterEach
    void stop() throws Exception {
        onFx(() -> Theme.choose(Theme.LIGHT));
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void listsEverySampleWithItsPictureAndOpensTheOneClicked() throws Exception {
        assertEquals("tab-start", onFx(() -> centreTabs().getSelectionModel().getSelectedItem().getId()),
                "the start page is in front of the opened sample");
        List<String> folders = sampleFolders();
        assertTrue(folders.size() >= 15, "the repository's samples: " + folders);
        waitUntil("a card per sample", () -> robot.lookup(".start-card").queryAll().size() == folders.size());
        for (String f : folders) {
            Button card = robot.lookup("#start-sample-" + f).queryAs(Button.class);
            String name = ProjectFiles.read(samples().resolve(f).resolve(f + ".bpw.json")).name(Locale.getDefault());
            assertTrue(onFx(() -> texts(card).contains(name)), f + " shows its name " + name);
            ImageView picture = onFx(() -> (ImageView) card.lookup(".start-picture"));
            waitUntil(f + " has a picture", () -> picture.getImage() != null);
            assertTrue(onFx(() -> picture.getImage().getWidth() >= 2 * 200), f + "'s picture is drawn for HiDPI");
        }

        click("#start-sample-circle");
        String circle = ProjectFiles.read(samples().resolve("circle/circle.bpw.json")).name();
        waitUntil("circle open", () -> app.editor().project().name().equals(circle));
        assertEquals("tab-network", onFx(() -> centreTabs().getSelectionModel().getSelectedItem().getId()));
        assertTrue(onFx(() -> app.editor().fileProperty().get().endsWith("circle/circle.bpw.json")));

        // From the keyboard: File > Start Page's shortcut, then Enter on a focused card.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the start page again", () -> "tab-start".equals(centreTabs().getSelectionModel().getSelectedItem().getId()));
        onFx(() -> robot.lookup("#start-sample-iris").query().requestFocus());
        robot.type(KeyCode.ENTER);
        String iris = ProjectFiles.read(samples().resolve("iris/iris.bpw.json")).name();
        waitUntil("iris open", () -> app.editor().project().name().equals(iris));
    }

    @Test
    void inTheChineseInterfaceTheCardsAreInChinese() throws Exception {
        Locale before = Locale.getDefault();
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            start();
            waitUntil("the xor card", () -> robot.lookup("#start-sample-xor-linear").tryQuery().isPresent());
            Button card = robot.lookup("#start-sample-xor-linear").queryAs(Button.class);
            List<String> texts = onFx(() -> texts(card));
            assertTrue(texts.contains("没有隐藏层的 XOR"), "the Chinese name: " + texts);
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("没有隐藏层的 XOR：两个输入直接进入一个 sigmoid 输出")),
                    "the Chinese description: " + texts);
            assertEquals("没有隐藏层的 XOR", onFx(card::getAccessibleText), "read aloud in Chinese too");
            click("#start-sample-xor-linear");
            waitUntil("xor-linear open", () -> app.editor().project().name().equals("XOR without a hidden layer"));
            assertEquals("没有隐藏层的 XOR", app.editor().project().name(Locale.getDefault()), "the translation is kept");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void openingASampleOverUnsavedChangesAsksFirst() throws Exception {
        onFx(() -> app.editor().setName("XOR, changed"));
        onFx(() -> app.view().showStartPage());
        waitUntil("a card per sample", () -> robot.lookup("#start-sample-circle").tryQuery().isPresent());
        click("#start-sample-circle");
        waitUntil("the prompt", () -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#unsaved-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> Messages.get("unsaved.cancel").equals(b.getText())).findFirst().orElseThrow());
        waitUntil("the prompt gone", () -> robot.lookup("#unsaved-dialog").tryQuery().isEmpty());
        assertEquals("XOR, changed", onFx(() -> app.editor().project().name()), "cancel keeps the edited project");
    }

    @Test
    void aLessonStartsFromTheStartPage() throws Exception {
        List<Path> lessons = LessonFiles.list(samples().resolve("lessons"));
        waitUntil("a button per lesson", () -> robot.lookup(".start-lesson").queryAll().size() == lessons.size());
        String title = LessonFiles.read(samples().resolve("lessons/02-xor-hidden-layer.lesson.json")).title().in(Locale.getDefault());
        Button lesson = robot.lookup("#start-lesson-02-xor-hidden-layer").queryAs(Button.class);
        assertTrue(onFx(() -> texts(lesson).stream().anyMatch(t -> t.contains(title))), "titled in the interface's language");
        click("#start-lesson-02-xor-hidden-layer");
        waitUntil("the lesson runs", () -> app.lessons().viewModel().lessonProperty().get() != null
                && app.lessons().viewModel().indexProperty().get() == 0);
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("next page", () -> app.lessons().viewModel().indexProperty().get() == 1);
        robot.type(KeyCode.PAGE_UP);
        waitUntil("previous page", () -> app.lessons().viewModel().indexProperty().get() == 0);
    }

    @Test
    void theDarkThemeAppliesToWindowAndDialogsAndIsRemembered() throws Exception {
        assertFalse(onFx(() -> stage.getScene().getStylesheets().contains(Assets.darkStylesheet())));
        CheckMenuItem dark = onFx(() -> findMenuItem());
        onFx(() -> dark.setSelected(true));
        waitUntil("the dark stylesheet on the scene, last", () -> {
            List<String> sheets = stage.getScene().getStylesheets();
            return sheets.contains(Assets.stylesheet()) && sheets.get(sheets.size() - 1).equals(Assets.darkStylesheet());
        });
        assertTrue(onFx(dark::isSelected));
        assertEquals("dark", Preferences.userRoot().node(PREFS_NODE).get(Theme.KEY, null), "kept in the preferences");

        // A dialog opened now is dark too.
        onFx(() -> app.viewModel().report(new Problem(Problem.Kind.OPEN, "test message")));
        waitUntil("the problem dialog", () -> robot.lookup("#problem-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#problem-dialog").queryAs(DialogPane.class);
        assertTrue(onFx(() -> pane.getStylesheets().contains(Assets.darkStylesheet())));
        onFx(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());

        onFx(() -> dark.setSelected(false));
        waitUntil("light again", () -> !stage.getScene().getStylesheets().contains(Assets.darkStylesheet()));
        assertEquals("light", Preferences.userRoot().node(PREFS_NODE).get(Theme.KEY, null));
    }

    /** Tabs to the node first (the page scrolls to what has the focus), then clicks it. */
    private void click(String id) throws Exception {
        onFx(() -> robot.lookup(id).query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(id);
    }

    private CheckMenuItem findMenuItem() {
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return (CheckMenuItem) bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-dark-theme".equals(i.getId())).findFirst().orElseThrow();
    }

    private TabPane centreTabs() {
        return robot.lookup("#centre-tabs").queryAs(TabPane.class);
    }

    private static List<String> texts(Node n) {
        return n.lookupAll(".label").stream().map(l -> ((Labeled) l).getText()).toList();
    }

    static Path samples() {
        Path d = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(d.resolve("samples/lessons"))) d = d.getParent();
        return d.resolve("samples");
    }

    private static List<String> sampleFolders() throws Exception {
        try (Stream<Path> s = Files.list(samples())) {
            return s.filter(f -> Files.isRegularFile(f.resolve(f.getFileName() + ".bpw.json")))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
