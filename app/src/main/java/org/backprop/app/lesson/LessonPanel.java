package org.backprop.app.lesson;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The lesson beside the workbench's view: the step's text in large type, the question, the answer on demand. */
public final class LessonPanel {
    private final VBox root = new VBox();

    public LessonPanel(LessonViewModel vm, Runnable close) {
        root.setId("lesson-panel");
        root.getStyleClass().addAll("panel", "lesson-panel");

        Label title = label("lesson-title", "lesson-title");
        title.textProperty().bind(vm.titleText());
        Label position = label("lesson-position", "lesson-position");
        position.textProperty().bind(vm.positionText());
        Button closeButton = button("lesson-close", LessonStrings.get("lesson.close"), close);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, position, gap, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);

        Label text = label("lesson-text", "lesson-text");
        text.textProperty().bind(vm.stepText());
        Label question = label("lesson-question", "lesson-question");
        question.textProperty().bind(vm.questionText());
        question.visibleProperty().bind(vm.hasQuestionProperty());
        question.managedProperty().bind(question.visibleProperty());
        Button reveal = button("lesson-reveal", LessonStrings.get("lesson.reveal"), vm::reveal);
        reveal.visibleProperty().bind(vm.hasQuestionProperty().and(vm.revealedProperty().not()));
        reveal.managedProperty().bind(reveal.visibleProperty());
        Label answer = label("lesson-answer", "lesson-answer");
        answer.textProperty().bind(vm.answerText());
        answer.visibleProperty().bind(vm.revealedProperty());
        answer.managedProperty().bind(answer.visibleProperty());
        Button run = button("lesson-run", "", vm::run);
        run.textProperty().bind(vm.runText());
        run.visibleProperty().bind(vm.canRunProperty());
        run.managedProperty().bind(run.visibleProperty());

        VBox body = new VBox(14, text, question, reveal, answer, run);
        body.getStyleClass().add("lesson-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button previous = button("lesson-previous", LessonStrings.get("lesson.previous"), vm::previous);
        previous.disableProperty().bind(vm.canPreviousProperty().not());
        Button next = button("lesson-next", LessonStrings.get("lesson.next"), vm::next);
        next.disableProperty().bind(vm.canNextProperty().not());
        next.setDefaultButton(false);
        HBox nav = new HBox(10, previous, next);
        nav.setAlignment(Pos.CENTER_RIGHT);
        root.getChildren().addAll(head, title, scroll, nav);
        root.setSpacing(10);
        root.visibleProperty().bind(Bindings.isNotNull(vm.lessonProperty()));
        root.managedProperty().bind(root.visibleProperty());
    }

    public Parent root() {
        return root;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
