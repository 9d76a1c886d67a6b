package org.backprop.bench;

import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.runtime.Nd4jRuntime.BackendInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Training throughput on the ND4J backend this class path carries: fashion-mlp (784-128-64-10)
 * and a small conv net (benchmarks/projects/fashion-conv.bpw.json) on the Fashion-MNIST subset,
 * samples/s of a bare DL4J fit loop over pre-cut minibatches of 64, median of the rounds.
 *
 * <p>One JVM holds one ND4J backend, so CPU against GPU is two runs: {@code benchmarks/gpu}
 * runs this class on the CPU build's class path and on the {@code -Pcuda} build's.
 *
 * <pre>java -cp ... org.backprop.bench.GpuBenchmark [EPOCHS] [ROUNDS]</pre>
 * prints {@code <backend> <case> <samples/s>} per case; on the CUDA build without a usable
 * NVIDIA GPU it prints one line {@code no CUDA device: <why>} and exits 0.
 */
public final class GpuBenchmark {
    static final String[][] CASES = {
            {"fashion-mlp", "samples/fashion-mlp/fashion-mlp.bpw.json"},
            {"fashion-conv", "benchmarks/projects/fashion-conv.bpw.json"},
    };

    private GpuBenchmark() {}

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Nd4jRuntime.configure();
        boolean cudaBuild = Nd4jRuntime.isCudaBuild();
        if (cudaBuild) {
            String missing = missingNvidiaDriver();
            if (missing != null) {
                System.out.println("no CUDA device: " + missing);
                return;
            }
        }
        BackendInfo backend;
        try {
            backend = Nd4jRuntime.start();
        } catch (Exception | LinkageError e) {
            if (!cudaBuild) throw e;
            System.out.println("no CUDA device: ND4J's CUDA backend did not start (" + rootCause(e) + ")");
            return;
        }
        if (cudaBuild && !backend.name().equals("CUDA")) {
            System.out.println("no CUDA device: ND4J started " + backend + " instead");
            return;
        }
        System.err.printf(Locale.ROOT, "%s, %d epochs a round, median of %d rounds%n", backend, epochs, rounds);
        Path root = repositoryRoot();
        for (String[] c : CASES) {
            Path file = root.resolve(c[1]);
            Project project = ProjectFiles.read(file);
            PreparedData data = ProjectData.load(project, file.toAbsolutePath().getParent());
            int n = data.train().numExamples();
            TrainingThroughput.bare(project, data, 1); // warm-up: JIT, kernels, workspaces
            double[] perSecond = new double[rounds];
            for (int r = 0; r < rounds; r++) perSecond[r] = TrainingThroughput.bare(project, data, epochs);
            Arrays.sort(perSecond);
            System.out.printf(Locale.ROOT, "%s %s %.0f%n", backend.name(), c[0], Stopwatch.median(perSecond) * n);
        }
    }

    /** Why there can be no CUDA device here, before ND4J unpacks its CUDA libraries; null if there may be one. */
    static String missingNvidiaDriver() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && !Files.exists(Path.of("/dev/nvidiactl"))) {
            return "no NVIDIA driver on this machine (/dev/nvidiactl is missing)";
        }
        return null;
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples")) && Files.isDirectory(p.resolve("benchmarks"))) return p;
        }
        throw new IllegalStateException("run from inside the repository (samples/ and benchmarks/ not found)");
    }
}
