package org.backprop.engine.lesson;

import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.stepthrough.Step;
import org.backprop.engine.stepthrough.StepThrough;
import org.backprop.engine.stepthrough.Transcript;
import org.backprop.engine.train.Evaluation;
import org.backprop.engine.train.MetricsLog;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Plays a lesson without a screen: opens its projects and runs each step's action for real, so a
 * test (or a teacher's rehearsal on the command line) sees the numbers the class will see.
 */
public final class LessonPlayer {

    /**
     * What a step's action produced.
     *
     * @param metrics    train: the run's losses; null otherwise
     * @param evaluation train: the last test-set evaluation, or null
     * @param transcript step-through: the first iteration explained; null otherwise
     * @param step       step-through: the step the action stops at
     */
    public record Outcome(String project, TrainingSession.State state, MetricsLog metrics, Evaluation evaluation,
                          Transcript transcript, Step step) {}

    private final Lesson lesson;
    private final Map<String, Project> projects = new LinkedHashMap<>();

    public LessonPlayer(Lesson lesson) {
        this.lesson = lesson;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Opens (once) and returns a project of the lesson. */
    public Project project(String id) throws Exception {
        String key = id == null ? lesson.firstProject() : id;
        Project p = projects.get(key);
        if (p == null) {
            p = ProjectFiles.read(lesson.projectFile(key));
            projects.put(key, p);
        }
        return p;
    }

    /** Runs the step's action; null when the step has none. */
    public Outcome play(LessonStep step) throws Exception {
        LessonAction a = step.action();
        if (a == null) {
            project(lesson.projectOf(step));
            return null;
        }
        String id = a.project() != null ? a.project() : lesson.projectOf(step);
        return LessonAction.TRAIN.equals(a.type()) ? train(id, a.iterations(), a.clipping()) : stepThrough(id, a.step());
    }

    /**
     * Trains the project from fresh weights; a clipping threshold is switched on first and stays on
     * for the lesson's later steps, as the window's edit does.
     */
    public Outcome train(String id, int iterations, Double clipping) throws Exception {
        Project p = withClipping(project(id), clipping);
        projects.put(id == null ? lesson.firstProject() : id, p);
        Path dir = lesson.projectFile(id).getParent();
        try (TrainingSession s = new TrainingSession(p, ProjectData.load(p, dir), dir)) {
            s.setPlan(TrainingPlan.iterations(iterations));
            s.start();
            if (!s.awaitIdle(5, TimeUnit.MINUTES)) throw new IllegalStateException(id + ": training did not finish");
            return new Outcome(id, s.state(), s.metrics(), s.metrics().lastEvaluation(), null, null);
        }
    }

    public Outcome stepThrough(String id, int step) throws Exception {
        Project p = project(id);
        Transcript t = StepThrough.open(p, lesson.projectFile(id).getParent(), List.of()).next();
        if (step > t.steps().size()) {
            throw new IllegalArgumentException(id + ": the step-through has " + t.steps().size() + " steps, the lesson asks for step " + step);
        }
        return new Outcome(id, null, null, null, t, t.steps().get(step - 1));
    }

    /** The project as the action trains it: with clipL2PerLayer switched on when the action asks for it. */
    public static Project withClipping(Project p, Double threshold) {
        if (threshold == null) return p;
        return p.withTraining(p.training().withGradientClipping(
                new GradientClipping(GradientClipping.Type.CLIP_L2_PER_LAYER, threshold)));
    }
}
