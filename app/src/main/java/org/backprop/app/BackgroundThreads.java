package org.backprop.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads for slow work the UI must not wait on: ND4J start, open, stop, reset, save. */
final class BackgroundThreads {
    private BackgroundThreads() {}

    static ExecutorService create() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workbench-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
