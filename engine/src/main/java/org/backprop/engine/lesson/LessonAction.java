package org.backprop.engine.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a step does when the class reaches it: train a project for a few iterations, or open the
 * step-through at a given step of its first iteration.
 *
 * @param type       train | step-through
 * @param project    the lesson's project id it acts on; null means the step's project
 * @param iterations train: how many iterations (kept small: the class is waiting)
 * @param step       step-through: the 1-based step of the transcript to show
 * @param clipping   train: a clipL2PerLayer threshold to switch on first, or null to train the project as it is
 */
public record LessonAction(String type, String project, int iterations, int step, Double clipping) {

    public static final String TRAIN = "train";
    public static final String STEP_THROUGH = "step-through";

    @JsonCreator
    public LessonAction(@JsonProperty("type") String type, @JsonProperty("project") String project,
                        @JsonProperty("iterations") Integer iterations, @JsonProperty("step") Integer step,
                        @JsonProperty("clipping") Double clipping) {
        this(type, project, iterations == null ? 0 : iterations, step == null ? 0 : step, clipping);
    }

    public LessonAction {
        if (!TRAIN.equals(type) && !STEP_THROUGH.equals(type)) {
            throw new IllegalArgumentException("type: expected \"train\" or \"step-through\", got " + type);
        }
        if (TRAIN.equals(type) && (iterations < 1 || iterations > 5000)) {
            throw new IllegalArgumentException("iterations: a training action needs 1 to 5000, got " + iterations);
        }
        if (STEP_THROUGH.equals(type) && step < 1) {
            throw new IllegalArgumentException("step: a step-through action needs a step from 1, got " + step);
        }
        if (clipping != null && !(clipping > 0)) {
            throw new IllegalArgumentException("clipping: must be a positive threshold, got " + clipping);
        }
    }
}
