package org.backprop.engine.runtime;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J and JavaCPP settings for small networks, applied on purpose by every entry point
 * (GUI, command line, tests, benchmarks) before ND4J loads. On nets this size JavaCPP's
 * pointer bookkeeping and a second OpenMP thread cost more than they give (FIELD-NOTES:
 * 4x faster with these). The launcher also sets OMP_NUM_THREADS=1, which native code
 * reads only from the environment.
 */
public final class Nd4jRuntime {
    public static final String[][] JVM_PROPERTIES = {
            {"org.bytedeco.javacpp.nopointergc", "true"},
            {"org.bytedeco.javacpp.maxphysicalbytes", "0"},
            {"org.bytedeco.javacpp.maxbytes", "0"},
    };

    private static volatile boolean configured;

    private Nd4jRuntime() {}

    /** Sets the JavaCPP properties unless the command line already chose them; idempotent. */
    public static void configure() {
        if (configured) return;
        synchronized (Nd4jRuntime.class) {
            if (configured) return;
            for (String[] kv : JVM_PROPERTIES) {
                if (System.getProperty(kv[0]) == null) System.setProperty(kv[0], kv[1]);
            }
            configured = true;
        }
    }

    /** Loads ND4J's backend now (it takes a second or two); returns a description of it. */
    public static BackendInfo start() {
        configure();
        var backend = Nd4j.getBackend();
        String name = backend.getClass().getSimpleName().toLowerCase().contains("cuda") ? "CUDA" : "CPU";
        String omp = System.getenv("OMP_NUM_THREADS");
        return new BackendInfo(name, backend.getClass().getName(), omp == null ? "default" : omp);
    }

    /** Which ND4J backend runs, for the status bar and About. */
    public record BackendInfo(String name, String implementation, String openMpThreads) {
        @Override
        public String toString() {
            return "ND4J " + name + " (OMP threads " + openMpThreads + ")";
        }
    }
}
