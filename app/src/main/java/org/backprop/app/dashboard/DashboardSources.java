package org.backprop.app.dashboard;

import org.backprop.engine.train.TrainingSession;
import org.backprop.visual.dashboard.FindingsSource;
import org.backprop.visual.dashboard.LayerMatrixSource;
import org.backprop.visual.dashboard.LayerSeriesSource;
import org.backprop.visual.dashboard.TimeStepSource;

import java.util.function.Function;

/**
 * What the dashboard reads about a session's gradients, through the visual module's interfaces.
 * One place decides where it comes from: {@link #interim} (a {@link GradientProbe}) until the
 * telemetry engine is merged; then a factory that attaches {@code SessionTelemetry} and adapts it.
 */
public record DashboardSources(LayerSeriesSource layers, LayerMatrixSource matrices, TimeStepSource timeSteps,
                               FindingsSource findings) {

    public static final DashboardSources NONE = new DashboardSources(LayerSeriesSource.EMPTY, LayerMatrixSource.EMPTY,
            TimeStepSource.EMPTY, FindingsSource.EMPTY);

    /** Attaches to a session when the window installs it (UI thread, before training starts). */
    public interface Factory extends Function<TrainingSession, DashboardSources> {}

    /** The stand-in: gradient norms, update ratios, matrices and the NaN pause from a lean listener. */
    public static DashboardSources interim(TrainingSession session) {
        GradientProbe p = GradientProbe.attach(session);
        return new DashboardSources(p, p, TimeStepSource.EMPTY, p);
    }

    /** Cheap: the sum of the sources' versions, read once per frame. */
    long version() {
        return layers.version() + matrices.version() + timeSteps.version() + findings.version();
    }
}
