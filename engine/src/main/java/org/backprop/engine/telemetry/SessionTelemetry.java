package org.backprop.engine.telemetry;

import org.backprop.engine.train.TrainingSession;

/**
 * Telemetry wired into a {@link TrainingSession}: the listener follows the session's model across
 * resets, a reset clears what was recorded, and the first NaN or Inf pauses the run (the session
 * stays PAUSED, never FAILED; resuming trains on from there).
 */
public final class SessionTelemetry {
    private final Telemetry telemetry;
    private final TelemetryListener listener;

    private SessionTelemetry(Telemetry telemetry, TelemetryListener listener) {
        this.telemetry = telemetry;
        this.listener = listener;
    }

    /** With the gradient per time step of recurrent layers, measured on the session's current minibatch. */
    public static SessionTelemetry attach(TrainingSession session, TelemetryConfig config) {
        return attach(session, config, TimeStepProbe.onBatch(session::currentBatch));
    }

    public static SessionTelemetry attach(TrainingSession session, TelemetryConfig config, TimeStepProbe timeSteps) {
        Telemetry t = new Telemetry(config);
        TelemetryListener l = new TelemetryListener(t, timeSteps);
        // pause() is safe on the training thread; it takes effect before the next iteration.
        l.onNonFinite(e -> session.pause());
        session.onStateChange(s -> {
            if (s == TrainingSession.State.READY) t.clear(); // READY is only entered again by reset()
        });
        session.addTrainingListener(l);
        return new SessionTelemetry(t, l);
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    public TelemetryListener listener() {
        return listener;
    }
}
