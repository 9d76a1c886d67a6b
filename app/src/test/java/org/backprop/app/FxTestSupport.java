package org.backprop.app;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/** What every window test does: run on the FX thread and wait, and poll a condition there until it holds. */
public final class FxTestSupport {
    private static final int DEFAULT_WAIT_SECONDS = 30;

    private FxTestSupport() {}

    public static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    public static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
    }

    /** Polls the condition on the FX thread until it holds; fails naming what it waited for after 30 s. */
    public static void waitUntil(String what, Callable<Boolean> onFx) throws Exception {
        waitUntil(what, onFx, DEFAULT_WAIT_SECONDS);
    }

    public static void waitUntil(String what, Callable<Boolean> onFx, int seconds) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(onFx));
        } catch (TimeoutException e) {
            fail("timed out waiting for: " + what);
        }
    }
}
