package org.backprop.engine.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Set;

/**
 * One page of a lesson.
 *
 * @param text      what the teacher says (shown in large type)
 * @param show      which view the step needs: diagram | loss-chart | step-through | dashboard
 * @param project   the lesson's project id the view shows; null means the lesson's first
 * @param highlight the control to point at (train, step, reset, loss-chart, layers, step-next), or null
 * @param question  a question for the class, or null
 * @param answer    the answer revealed after the question, or null (required with a question)
 * @param action    what runs when the step is reached, or null
 */
public record LessonStep(LocalText text, String show, String project, String highlight,
                         LocalText question, LocalText answer, LessonAction action) {

    public static final Set<String> VIEWS = Set.of("diagram", "loss-chart", "step-through", "dashboard");
    public static final Set<String> CONTROLS = Set.of("train", "step", "reset", "loss-chart", "layers", "step-next", "clipping");

    @JsonCreator
    public LessonStep(@JsonProperty("text") LocalText text, @JsonProperty("show") String show,
                      @JsonProperty("project") String project, @JsonProperty("highlight") String highlight,
                      @JsonProperty("question") LocalText question, @JsonProperty("answer") LocalText answer,
                      @JsonProperty("action") LessonAction action) {
        if (text == null) throw new IllegalArgumentException("text: missing");
        if (show == null) show = "diagram";
        if (!VIEWS.contains(show)) throw new IllegalArgumentException("show: expected one of " + String.join(", ", VIEWS.stream().sorted().toList()) + ", got " + show);
        if (highlight != null && !CONTROLS.contains(highlight)) {
            throw new IllegalArgumentException("highlight: expected one of " + String.join(", ", CONTROLS.stream().sorted().toList()) + ", got " + highlight);
        }
        if ((question == null) != (answer == null)) throw new IllegalArgumentException("question and answer: give both or neither");
        this.text = text;
        this.show = show;
        this.project = project;
        this.highlight = highlight;
        this.question = question;
        this.answer = answer;
        this.action = action;
    }
}
