package org.backprop.visual;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Test helpers: start the toolkit once (Monocle, headless), run code on the FX thread. */
public final class VisualFx {
    private VisualFx() {}

    public static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    public static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    public static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
    }
}
