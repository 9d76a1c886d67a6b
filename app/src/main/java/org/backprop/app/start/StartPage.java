package org.backprop.app.start;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.backprop.app.Theme;
import org.backprop.app.i18n.Messages;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The start page: a card per sample project (its network's picture, name and description) and
 * a button per lesson. Clicking, Space or Enter on a card opens the sample; on a lesson starts
 * it. Binds to a {@link StartPageModel}.
 */
public final class StartPage {
    private static final double DESCRIPTION_HEIGHT = 58;
    private final StartPageModel model;
    private final Consumer<Path> openSample;
    private final Consumer<Path> openLesson;
    private final FlowPane cards = new FlowPane();
    private final VBox lessons = new VBox();
    private final List<Runnable> repaint = new ArrayList<>();
    /**
     * Pictures still to draw. A picture takes ~50 ms to render here (software pipeline), twenty
     * took 1.1 s in one go on the UI thread: one per frame keeps the window responsive meanwhile.
     */
    private final ArrayDeque<Runnable> toPaint = new ArrayDeque<>();
    private final AnimationTimer painter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable next = toPaint.poll();
            if (next != null) next.run();
            else stop();
        }
    };
    private final ScrollPane root;

    public StartPage(StartPageModel model, Consumer<Path> openSample, Consumer<Path> openLesson) {
        this.model = model;
        this.openSample = openSample;
        this.openLesson = openLesson;
        Label title = new Label(Messages.get("start.title"));
        title.getStyleClass().add("start-title");
        Label intro = new Label(Messages.get("start.intro"));
        intro.getStyleClass().add("start-intro");
        intro.setWrapText(true);
        cards.getStyleClass().add("start-cards");
        cards.setId("start-samples");
        lessons.getStyleClass().add("start-lessons");
        lessons.setId("start-lessons");
        VBox page = new VBox(title, intro, heading("start.samples"), cards, heading("start.lessons"), lessons);
        page.getStyleClass().add("start-page");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStyleClass().add("start-scroll");
        root.setId("start-page");
        // A flow pane reports its height for its preferred wrap length: wrap at the page's width instead.
        cards.prefWrapLengthProperty().bind(root.widthProperty().subtract(60));
        model.samples().addListener((ListChangeListener<StartPageModel.Sample>) c -> showSamples());
        model.lessons().addListener((ListChangeListener<StartPageModel.LessonEntry>) c -> showLessons());
        Theme.currentProperty().addListener((o, was, now) -> paintLater(repaint));
        showSamples();
        showLessons();
    }

    public Node root() {
        return root;
    }

    public StartPageModel model() {
        return model;
    }

    private void showSamples() {
        repaint.clear();
        toPaint.clear();
        List<Node> out = new ArrayList<>();
        for (StartPageModel.Sample s : model.samples()) out.add(card(s));
        if (out.isEmpty()) out.add(placeholder(model.loadedProperty().get() ? "start.samples.none" : "start.loading"));
        cards.getChildren().setAll(out);
        paintLater(repaint);
    }

    private void paintLater(List<Runnable> paints) {
        toPaint.clear();
        toPaint.addAll(paints);
        painter.start();
    }

    private Node card(StartPageModel.Sample s) {
        ImageView picture = new ImageView();
        picture.setFitWidth(Thumbnails.WIDTH);
        picture.setFitHeight(Thumbnails.HEIGHT);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.getStyleClass().add("start-picture");
        Runnable paint = () -> picture.setImage(Thumbnails.render(s.network(), Theme.current().stylesheets()));
        repaint.add(paint);
        Label name = new Label(s.name());
        name.getStyleClass().add("start-card-name");
        Label description = new Label(s.description());
        description.getStyleClass().add("start-card-description");
        description.setWrapText(true);
        description.setMaxWidth(Thumbnails.WIDTH);
        // Some samples explain themselves at length: the card shows the start, the project all of it.
        description.setMaxHeight(DESCRIPTION_HEIGHT);
        description.setMinHeight(DESCRIPTION_HEIGHT);
        VBox content = new VBox(picture, name, description);
        content.getStyleClass().add("start-card-content");
        Button b = button(content, () -> openSample.accept(s.file()));
        b.getStyleClass().add("start-card");
        b.setId("start-sample-" + s.folder());
        b.setAccessibleText(s.name());
        return b;
    }

    private void showLessons() {
        List<Node> out = new ArrayList<>();
        int n = 1;
        for (StartPageModel.LessonEntry l : model.lessons()) {
            Label text = new Label(Messages.format("start.lesson", n++, l.title()));
            Button b = button(text, () -> openLesson.accept(l.file()));
            b.getStyleClass().add("start-lesson");
            b.setId("start-lesson-" + l.id());
            b.setAccessibleText(l.title());
            out.add(b);
        }
        if (out.isEmpty()) out.add(placeholder(model.loadedProperty().get() ? "start.lessons.none" : "start.loading"));
        lessons.getChildren().setAll(out);
    }

    /** A button that also fires on Enter: the page is used from the keyboard like a list of links. */
    private Button button(Node graphic, Runnable action) {
        Button b = new Button(null, graphic);
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        b.focusedProperty().addListener((o, was, now) -> {
            if (now) scrollTo(b);
        });
        b.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                b.fire();
                e.consume();
            }
        });
        return b;
    }

    /** Keeps the focused card or lesson in sight while tabbing through the page. */
    private void scrollTo(Node n) {
        Node content = root.getContent();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = root.getViewportBounds().getHeight();
        if (contentHeight <= viewport) return;
        javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double top = root.getVvalue() * (contentHeight - viewport);
        if (b.getMinY() < top) top = b.getMinY();
        else if (b.getMaxY() > top + viewport) top = b.getMaxY() - viewport;
        root.setVvalue(top / (contentHeight - viewport));
    }

    private static Label heading(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("start-heading");
        return l;
    }

    private static Label placeholder(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("start-placeholder");
        return l;
    }
}
