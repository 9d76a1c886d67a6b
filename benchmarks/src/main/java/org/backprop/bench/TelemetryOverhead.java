package org.backprop.bench;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.LayerType;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TelemetryConfig;
import org.backprop.engine.telemetry.TelemetryListener;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What gradient telemetry costs: the fashion-MNIST-shaped MLP (784-128-64-10, ReLU/softmax,
 * batch 64, Adam or plain SGD) trained by the bare DL4J loop and by the same loop with
 * {@link TelemetryListener} at its default sampling, in the same JVM. The two alternate in short
 * rounds (A B, then B A, ...) so that whatever else the machine does hits both alike; the data
 * are random (speed does not depend on the values). Three measures per round: samples/s by the
 * wall clock, by the training thread's CPU time (with one OpenMP thread ND4J computes on the
 * calling thread; less sensitive to other processes), and the time spent inside the listener's
 * callbacks as a share of a bare iteration (the least noisy).
 *
 * <p>SGD is the worst case: its iteration is the fastest, so the listener's fixed work weighs
 * most. With Adam, DL4J slows about 3x after a few hundred iterations on this net (Adam's moment
 * estimates of parameters whose gradient stays 0 decay into subnormal floats, which the CPU
 * computes slowly), and the listener's share shrinks accordingly.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -o -q -B -pl engine,benchmarks -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * OMP_NUM_THREADS=1 java -Dorg.bytedeco.javacpp.nopointergc=true -Dorg.bytedeco.javacpp.maxphysicalbytes=0 \
 *   -Dorg.bytedeco.javacpp.maxbytes=0 -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) \
 *   org.backprop.bench.TelemetryOverhead [rounds] [iterationsPerRound] [adam|sgd]
 * </pre>
 */
public final class TelemetryOverhead {
    private static final int BATCH = 64;
    private static final int BATCHES = 20;

    private TelemetryOverhead() {}

    public static void main(String[] args) {
        Nd4jRuntime.configure();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String optimizer = args.length > 2 ? args[2] : "adam";
        System.out.println("backend: " + Nd4jRuntime.start() + ", JavaCPP nopointergc="
                + System.getProperty("org.bytedeco.javacpp.nopointergc"));
        List<DataSet> data = randomBatches();
        CompiledNetwork bare = compile(optimizer);
        CompiledNetwork watched = compile(optimizer);
        Telemetry telemetry = new Telemetry(TelemetryConfig.defaults());
        TimedListener timed = new TimedListener(new TelemetryListener(telemetry));
        watched.model().addListeners(timed);

        double[][] warmUp = new double[2][1]; // JIT, workspaces
        train(bare, data, 300, warmUp, 0);
        train(watched, data, 300, warmUp, 0);
        double[][] bareRate = new double[2][rounds];
        double[][] watchedRate = new double[2][rounds];
        double[] inside = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long before = timed.nanos();
            if (r % 2 == 0) {
                train(bare, data, iterations, bareRate, r);
                train(watched, data, iterations, watchedRate, r);
            } else {
                train(watched, data, iterations, watchedRate, r);
                train(bare, data, iterations, bareRate, r);
            }
            // Time inside the listener as a share of a bare iteration of the same round.
            inside[r] = 100.0 * (timed.nanos() - before) / iterations / (BATCH * 1e9 / bareRate[WALL][r]);
            System.out.printf(Locale.ROOT, "round %2d: bare %,8.0f samples/s, telemetry %,8.0f samples/s (%+5.1f%%) | by CPU time %,8.0f vs %,8.0f (%+5.1f%%) | in listener %.1f%%%n",
                    r + 1, bareRate[WALL][r], watchedRate[WALL][r], overhead(bareRate[WALL][r], watchedRate[WALL][r]),
                    bareRate[CPU][r], watchedRate[CPU][r], overhead(bareRate[CPU][r], watchedRate[CPU][r]), inside[r]);
        }
        TelemetryConfig c = telemetry.config();
        System.out.printf(Locale.ROOT, "%s, %d rounds x %d iterations, telemetry sampling every %d, snapshots every %d iterations (%d iterations sampled)%n",
                optimizer, rounds, iterations, c.samplingInterval(), c.snapshotInterval(), telemetry.sampledIterations());
        for (int k : new int[]{WALL, CPU}) {
            System.out.printf(Locale.ROOT, "%-9s median bare %,.0f samples/s, telemetry %,.0f samples/s: overhead %.1f%% (median of per-round overheads %.1f%%)%n",
                    k == WALL ? "wall:" : "CPU time:", median(bareRate[k]), median(watchedRate[k]),
                    overhead(median(bareRate[k]), median(watchedRate[k])), median(overheads(bareRate[k], watchedRate[k])));
        }
        System.out.printf(Locale.ROOT, "time inside the listener: median %.1f%% of a bare iteration%n", median(inside));
    }

    /** Counts the time spent in the telemetry listener's callbacks: the overhead without the noise of the rest. */
    private static final class TimedListener extends BaseTrainingListener {
        private final TelemetryListener inner;
        private long nanos;

        TimedListener(TelemetryListener inner) {
            this.inner = inner;
        }

        long nanos() {
            return nanos;
        }

        @Override
        public void onForwardPass(Model m, List<INDArray> activations) {
            long t = System.nanoTime();
            inner.onForwardPass(m, activations);
            nanos += System.nanoTime() - t;
        }

        @Override
        public void onBackwardPass(Model m) {
            long t = System.nanoTime();
            inner.onBackwardPass(m);
            nanos += System.nanoTime() - t;
        }

        @Override
        public void onGradientCalculation(Model m) {
            long t = System.nanoTime();
            inner.onGradientCalculation(m);
            nanos += System.nanoTime() - t;
        }

        @Override
        public void iterationDone(Model m, int iteration, int epoch) {
            long t = System.nanoTime();
            inner.iterationDone(m, iteration, epoch);
            nanos += System.nanoTime() - t;
        }
    }

    private static final int WALL = 0;
    private static final int CPU = 1;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Trains and stores samples/s by the wall clock and by this thread's CPU time. */
    private static void train(CompiledNetwork net, List<DataSet> data, int iterations, double[][] rates, int round) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) net.fit(data.get(i % data.size()));
        rates[CPU][round] = (double) iterations * BATCH * 1e9 / (THREADS.getCurrentThreadCpuTime() - cpu);
        rates[WALL][round] = (double) iterations * BATCH * 1e9 / (System.nanoTime() - wall);
    }

    private static double overhead(double bare, double watched) {
        return 100 * (bare / watched - 1);
    }

    private static double[] overheads(double[] bare, double[] watched) {
        double[] o = new double[bare.length];
        for (int i = 0; i < o.length; i++) o[i] = overhead(bare[i], watched[i]);
        return o;
    }

    private static CompiledNetwork compile(String optimizer) {
        List<LayerSpec> layers = List.of(
                LayerSpec.of("input", LayerType.INPUT, "size", 784),
                LayerSpec.of("dense1", LayerType.DENSE, "units", 128, "activation", "relu"),
                LayerSpec.of("dense2", LayerType.DENSE, "units", 64, "activation", "relu"),
                LayerSpec.of("output", LayerType.OUTPUT, "units", 10, "activation", "softmax", "loss", "mcxent"));
        List<EdgeSpec> edges = new ArrayList<>();
        for (int i = 1; i < layers.size(); i++) edges.add(EdgeSpec.forward(layers.get(i - 1).id(), layers.get(i).id()));
        OptimizerSpec o = optimizer.equals("sgd") ? OptimizerSpec.sgd(0.01) : OptimizerSpec.adam(0.001);
        TrainingSettings t = new TrainingSettings(o, BATCH, 1, 42, 0, 0, 0, GradientClipping.NONE,
                TrainingSettings.Precision.FLOAT, "relu");
        Project p = new Project(Project.FORMAT, Project.CURRENT_VERSION, "fashion-mlp", "", new NetworkSpec(layers, edges), t,
                DataSpec.generated("xor", 4, 0, 1, 0)); // the data spec is not used: batches are made here
        try {
            return NetworkCompiler.compile(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DataSet> randomBatches() {
        Nd4j.getRandom().setSeed(7);
        List<DataSet> out = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 784);
            INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
            for (int i = 0; i < BATCH; i++) y.putScalar(i, (i * 7 + b) % 10, 1);
            out.add(new DataSet(x, y));
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
