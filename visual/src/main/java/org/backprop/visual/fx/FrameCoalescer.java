package org.backprop.visual.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * The one path from background threads to the UI thread. Background code only marks the UI
 * dirty or posts a (rare) result; the UI thread calls {@link #frame()} once per frame, which
 * runs what was posted and then, if anything changed, the frame listeners once. A training
 * loop at thousands of iterations per second therefore costs the UI one update per frame,
 * never a queue of {@code Platform.runLater} calls.
 *
 * <p>Free of the JavaFX toolkit so that view models are tested on a plain thread;
 * {@link FramePump} drives it from an {@code AnimationTimer}.
 */
public final class FrameCoalescer {
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Queue<Runnable> posted = new ConcurrentLinkedQueue<>();
    // UI thread only:
    private final List<IntSupplier> watched = new ArrayList<>();
    private final List<Integer> lastSeen = new ArrayList<>();
    private final List<Runnable> frameListeners = new ArrayList<>();
    private long updates;

    /** Any thread: something changed; the next frame updates the UI. */
    public void markDirty() {
        dirty.set(true);
    }

    /** Any thread: runs {@code onUi} on the UI thread at the next frame, before the listeners. */
    public void post(Runnable onUi) {
        posted.add(onUi);
        dirty.set(true);
    }

    /**
     * UI thread: a counter that background work advances without telling anyone (e.g. the
     * size of a metrics log). It is read once per frame; a new value counts as a change.
     * Reading it must be cheap (a volatile read).
     */
    public void watch(IntSupplier counter) {
        watched.add(counter);
        lastSeen.add(counter.getAsInt());
    }

    /** UI thread: runs once per frame in which something changed. */
    public void addFrameListener(Runnable listener) {
        frameListeners.add(listener);
    }

    /** UI thread: one frame. Returns whether the listeners ran. */
    public boolean frame() {
        boolean changed = dirty.getAndSet(false);
        for (Runnable r; (r = posted.poll()) != null; ) {
            run(r);
            changed = true;
        }
        for (int i = 0; i < watched.size(); i++) {
            int now = watched.get(i).getAsInt();
            if (now != lastSeen.get(i)) {
                lastSeen.set(i, now);
                changed = true;
            }
        }
        if (!changed) return false;
        for (Runnable l : frameListeners) run(l);
        updates++;
        return true;
    }

    /** How many frames ran the listeners. */
    public long updates() {
        return updates;
    }

    /** One broken listener must not starve the others, nor kill the timer that drives us. */
    private static void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }
}
