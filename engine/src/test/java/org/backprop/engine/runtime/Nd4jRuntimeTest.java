package org.backprop.engine.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Nd4jRuntimeTest {

    @Test
    void threadsComeFromOmpNumThreadsThenThePropertyThenDefaultToOne() {
        assertEquals(3, Nd4jRuntime.threads("3", "2"));
        assertEquals(2, Nd4jRuntime.threads(null, "2"));
        assertEquals(2, Nd4jRuntime.threads(" ", " 2 "));
        assertEquals(1, Nd4jRuntime.threads(null, null));
        assertEquals(1, Nd4jRuntime.threads("0", "many"), "not a positive number: as if unset");
    }

    @Test
    void nd4jCudaBackendIsNamedCuda() {
        // nd4j-cuda's backend class says "cublas", not "cuda".
        assertEquals("CUDA", Nd4jRuntime.backendName("org.nd4j.linalg.jcublas.JCublasBackend"));
        assertEquals("CPU", Nd4jRuntime.backendName("org.nd4j.linalg.cpu.nativecpu.CpuBackend"));
    }

    @Test
    void aStartFailureIsExplainedByItsRootCause() {
        Throwable e = new ExceptionInInitializerError(new RuntimeException(new IllegalStateException("no backend")));
        assertEquals("IllegalStateException: no backend", Nd4jRuntime.startFailure(e), "the CPU build has no CUDA hint");
        assertEquals(false, Nd4jRuntime.isCudaBuild());
    }

    @Test
    void startCapsTheCpuBackendsThreads() {
        Nd4jRuntime.BackendInfo info = Nd4jRuntime.start();
        assertEquals("CPU", info.name());
        // surefire sets OMP_NUM_THREADS=1 (pom.xml), so ND4J itself chose 1 and start() keeps it.
        assertEquals("1", info.openMpThreads());
        assertEquals(1, org.nd4j.linalg.factory.Nd4j.getEnvironment().maxMasterThreads());
    }
}
