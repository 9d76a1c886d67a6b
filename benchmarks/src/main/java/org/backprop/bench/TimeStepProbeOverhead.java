package org.backprop.bench;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.telemetry.Telemetry;
import org.backprop.engine.telemetry.TelemetryConfig;
import org.backprop.engine.telemetry.TelemetryListener;
import org.backprop.engine.telemetry.TimeStepProbe;
import org.nd4j.linalg.dataset.DataSet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the gradient per time step costs: a recurrent sample (elman-sine by default) trained with
 * the telemetry listener at a sampling interval, once without and once with the time-step probe,
 * alternating in short rounds in one JVM (as {@link TelemetryOverhead}). Iterations/s by the
 * training thread's CPU time (one OpenMP thread: ND4J computes on the calling thread).
 *
 * <pre>
 * mvn -o -q -B -pl engine,benchmarks -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * OMP_NUM_THREADS=1 java -Dorg.bytedeco.javacpp.nopointergc=true -Dorg.bytedeco.javacpp.maxphysicalbytes=0 \
 *   -Dorg.bytedeco.javacpp.maxbytes=0 -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) \
 *   org.backprop.bench.TimeStepProbeOverhead [project] [rounds] [iterationsPerRound] [samplingInterval]
 * </pre>
 */
public final class TimeStepProbeOverhead {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TimeStepProbeOverhead() {}

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.configure();
        Path file = Path.of(args.length > 0 ? args[0] : "samples/elman-sine/elman-sine.bpw.json");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int sampling = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        System.out.println("backend: " + Nd4jRuntime.start());
        Project p = ProjectFiles.read(file);
        PreparedData data = ProjectData.load(p, file.toAbsolutePath().getParent());
        List<DataSet> batches = batches(data.train(), p.training().batchSize());
        TelemetryConfig config = TelemetryConfig.defaults().withSamplingInterval(sampling).withTimeStepInterval(sampling);
        AtomicReference<DataSet> current = new AtomicReference<>();
        CompiledNetwork without = NetworkCompiler.compile(p);
        without.model().addListeners(new TelemetryListener(new Telemetry(config), TimeStepProbe.NONE));
        CompiledNetwork with = NetworkCompiler.compile(p);
        Telemetry measured = new Telemetry(config);
        with.model().addListeners(new TelemetryListener(measured, TimeStepProbe.onBatch(current::get)));

        train(without, batches, 200, current);
        train(with, batches, 200, current);
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                a[r] = train(without, batches, iterations, current);
                b[r] = train(with, batches, iterations, current);
            } else {
                b[r] = train(with, batches, iterations, current);
                a[r] = train(without, batches, iterations, current);
            }
            System.out.printf(Locale.ROOT, "round %2d: telemetry %,8.0f it/s, with time steps %,8.0f it/s (%+5.1f%%)%n",
                    r + 1, a[r], b[r], 100 * (a[r] / b[r] - 1));
        }
        long rows = measured.layers().stream().mapToLong(l -> l.timeStepNorms().toList().size()).sum();
        System.out.printf(Locale.ROOT, "%s, batch %d, sampling every %d, %d rounds x %d iterations (time-step rows kept: %d)%n",
                p.name(), p.training().batchSize(), sampling, rounds, iterations, rows);
        // The median of the rounds' own ratios: both models slow down once Adam's state turns
        // subnormal, at different rounds, which skews a ratio of the two sides' medians.
        double[] overhead = new double[rounds];
        for (int r = 0; r < rounds; r++) overhead[r] = a[r] / b[r] - 1;
        System.out.printf(Locale.ROOT, "median: telemetry %,.0f it/s, with time steps %,.0f it/s; overhead (median of the rounds) %.1f%%%n",
                median(a), median(b), 100 * median(overhead));
    }

    /** Iterations/s by this thread's CPU time. */
    private static double train(CompiledNetwork net, List<DataSet> batches, int iterations, AtomicReference<DataSet> current) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            DataSet b = batches.get(i % batches.size());
            current.set(b);
            net.fit(b);
        }
        return iterations * 1e9 / (THREADS.getCurrentThreadCpuTime() - cpu);
    }

    private static List<DataSet> batches(DataSet train, int size) {
        List<DataSet> out = new ArrayList<>();
        for (int from = 0; from + size <= train.numExamples(); from += size) {
            out.add((DataSet) train.getRange(from, from + size));
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
