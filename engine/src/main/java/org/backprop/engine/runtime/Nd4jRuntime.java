package org.backprop.engine.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jBlas;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.Locale;

/**
 * ND4J and JavaCPP settings for small networks, applied on purpose by every entry point
 * (GUI, command line, tests, benchmarks) before ND4J loads. On nets this size JavaCPP's
 * pointer bookkeeping and a second OpenMP thread cost more than they give (FIELD-NOTES:
 * 4x faster with these).
 *
 * <p>Threads: ND4J reads {@code OMP_NUM_THREADS} only from the environment, which the
 * ./workbench script sets but an installed (jpackage) launcher cannot. Without it ND4J sizes
 * its thread use to the cores. So {@link #start()} caps it itself: to {@code OMP_NUM_THREADS}
 * when that is set, else to {@code -Dworkbench.threads}, else to 1.
 */
public final class Nd4jRuntime {
    public static final String[][] JVM_PROPERTIES = {
            {"org.bytedeco.javacpp.nopointergc", "true"},
            {"org.bytedeco.javacpp.maxphysicalbytes", "0"},
            {"org.bytedeco.javacpp.maxbytes", "0"},
    };
    /** Threads ND4J may use when OMP_NUM_THREADS is not set. */
    public static final String THREADS_PROPERTY = "workbench.threads";
    static final int DEFAULT_THREADS = 1;
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

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

    /** Loads ND4J's backend now (it takes a second or two), caps its threads; returns a description of it. */
    public static BackendInfo start() {
        configure();
        var backend = Nd4j.getBackend();
        String implementation = backend.getClass().getName();
        String name = backendName(implementation);
        int threads = threads(System.getenv("OMP_NUM_THREADS"), System.getProperty(THREADS_PROPERTY));
        if (name.equals("CPU")) applyCpuThreads(threads);
        return new BackendInfo(name, implementation, Integer.toString(threads));
    }

    /**
     * What each knob does in ND4J 1.0.0-M2.1 (read from libnd4j and measured by which native
     * threads burn CPU while an MLP trains): {@code Environment.setMaxThreads} is an empty
     * function in libnd4j, so it is not used; {@code setMaxMasterThreads} caps libnd4j's own
     * parallel loops; {@code Nd4jBlas.setMaxThreads} caps OpenBLAS's pool, which ND4J set to the
     * cores at load; {@code setOmpNumThreads} is {@code omp_set_num_threads}, which binds only
     * the calling thread. With the first two, training runs on its own thread alone, as with
     * OMP_NUM_THREADS=1.
     */
    private static void applyCpuThreads(int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        if (Nd4j.factory().blas() instanceof Nd4jBlas blas) blas.setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /** OMP_NUM_THREADS when it is a positive number, else the property when it is, else 1. */
    static int threads(String ompNumThreads, String property) {
        for (String s : new String[]{ompNumThreads, property}) {
            if (s == null) continue;
            try {
                int n = Integer.parseInt(s.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // not a number: as if unset, like OpenMP itself
            }
        }
        return DEFAULT_THREADS;
    }

    /**
     * One line for people on why ND4J did not start; on the CUDA build (-Pcuda), what that build
     * needs, because ND4J itself only says "no backend on your classpath".
     */
    public static String startFailure(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String why = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return isCudaBuild()
                ? "this is the CUDA build, which needs an NVIDIA GPU with its driver and CUDA 11.6 (" + why + ")"
                : why;
    }

    /** Whether nd4j-cuda is on the class path (the -Pcuda build), without loading ND4J. */
    public static boolean isCudaBuild() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, Nd4jRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** "CUDA" for nd4j-cuda's backend (org.nd4j.linalg.jcublas.JCublasBackend), else "CPU". */
    static String backendName(String backendClass) {
        String c = backendClass.toLowerCase(Locale.ROOT);
        return c.contains("cuda") || c.contains("cublas") ? "CUDA" : "CPU";
    }

    /** Which ND4J backend runs, for the status bar and About. */
    public record BackendInfo(String name, String implementation, String openMpThreads) {
        @Override
        public String toString() {
            return "ND4J " + name + " (OMP threads " + openMpThreads + ")";
        }
    }
}
