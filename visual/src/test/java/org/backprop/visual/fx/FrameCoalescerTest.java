package org.backprop.visual.fx;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class FrameCoalescerTest {

    @Test
    void manyMarksFromAnotherThreadCostOneUpdate() throws Exception {
        FrameCoalescer c = new FrameCoalescer();
        AtomicInteger updates = new AtomicInteger();
        c.addFrameListener(updates::incrementAndGet);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) c.markDirty();
        });
        producer.start();
        producer.join();
        assertTrue(c.frame());
        assertFalse(c.frame(), "nothing new: no update");
        assertEquals(1, updates.get());
        assertEquals(1, c.updates());
    }

    @Test
    void postedWorkRunsInOrderBeforeTheListeners() {
        FrameCoalescer c = new FrameCoalescer();
        List<String> seen = new ArrayList<>();
        c.addFrameListener(() -> seen.add("frame"));
        c.post(() -> seen.add("a"));
        c.post(() -> seen.add("b"));
        assertTrue(seen.isEmpty(), "nothing runs before the frame");
        c.frame();
        assertEquals(List.of("a", "b", "frame"), seen);
    }

    @Test
    void aWatchedCounterThatMovesIsAChange() {
        FrameCoalescer c = new FrameCoalescer();
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger updates = new AtomicInteger();
        c.watch(counter::get);
        c.addFrameListener(updates::incrementAndGet);
        assertFalse(c.frame());
        counter.addAndGet(500);
        assertTrue(c.frame());
        assertFalse(c.frame());
        assertEquals(1, updates.get());
    }

    @Test
    void aFailingListenerDoesNotStarveTheOthers() {
        FrameCoalescer c = new FrameCoalescer();
        AtomicInteger second = new AtomicInteger();
        List<Throwable> reported = new ArrayList<>();
        Thread.UncaughtExceptionHandler old = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            c.addFrameListener(() -> {
                throw new IllegalStateException("boom");
            });
            c.addFrameListener(second::incrementAndGet);
            c.markDirty();
            c.frame();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(old);
        }
        assertEquals(1, second.get());
        assertEquals(1, reported.size());
    }
}
