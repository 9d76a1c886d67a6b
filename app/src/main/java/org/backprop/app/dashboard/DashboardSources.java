package org.backprop.app.dashboard;

import org.backprop.engine.train.TrainingSession;
import org.backprop.visual.dashboard.FindingsSource;
import org.backprop.visual.dashboard.LayerMatrixSource;
import org.backprop.visual.dashboard.LayerSeriesSource;
import org.backprop.visual.dashboard.TimeStepSource;

import java.util.function.Function;

/**
 * What the dashboard reads about a session's gradients, through the visual module's interfaces.
 * One place decides where it comes from: {@link #telemetry}, which attaches {@code SessionTelemetry}
 * to the session and adapts it (and the diagnosis) through {@link TelemetrySources}.
 */
public record DashboardSources(LayerSeriesSource layers, LayerMatrixSource matrices, TimeStepSource timeSteps,
                               FindingsSource findings) {

    public static final DashboardSources NONE = new DashboardSources(LayerSeriesSource.EMPTY, LayerMatrixSource.EMPTY,
            TimeStepSource.EMPTY, FindingsSource.EMPTY);

    /** Attaches to a session when the window installs it (UI thread, before training starts). */
    public interface Factory extends Function<TrainingSession, DashboardSources> {}

    /** The telemetry engine: gradient norms, update ratios, matrices, findings and the NaN pause. */
    public static DashboardSources telemetry(TrainingSession session) {
        return TelemetrySources.attach(session);
    }

    /** Cheap: the sum of the sources' versions, read once per frame. */
    long version() {
        return layers.version() + matrices.version() + timeSteps.version() + findings.version();
    }
}
