package org.backprop.app;

import org.bytedeco.javacpp.Pointer;

/**
 * Memory the process uses, for the status bar: the resident set once ND4J (and with it
 * JavaCPP's native library) is loaded, which counts ND4J's off-heap arrays; the Java heap before.
 */
public final class MemoryProbe {
    private volatile boolean nativeLoaded;

    /** Called once ND4J has started. */
    public void nativeReady() {
        nativeLoaded = true;
    }

    public long usedBytes() {
        if (nativeLoaded) {
            long rss = Pointer.physicalBytes();
            if (rss > 0) return rss;
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
