package org.backprop.visual.fx;

import javafx.animation.AnimationTimer;

import java.time.Duration;

/**
 * Drives a {@link FrameCoalescer} from the JavaFX pulse: at most one UI update per frame,
 * and no more often than {@code minInterval} (charts that redraw in full look smooth at
 * 10-20 Hz and cost a fraction of 60 Hz). Start and stop on the FX thread.
 */
public final class FramePump {
    private final FrameCoalescer coalescer;
    private final long minIntervalNanos;
    private long lastUpdate = Long.MIN_VALUE / 2;
    private long pulses;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulses++;
            if (now - lastUpdate < minIntervalNanos) return;
            if (coalescer.frame()) lastUpdate = now;
        }
    };

    public FramePump(FrameCoalescer coalescer, Duration minInterval) {
        this.coalescer = coalescer;
        this.minIntervalNanos = minInterval.toNanos();
    }

    public FrameCoalescer coalescer() {
        return coalescer;
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** FX thread: pulses seen since start, updated or not (tests count frames with it). */
    public long pulses() {
        return pulses;
    }
}
