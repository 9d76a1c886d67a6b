package org.backprop.bench;

import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.runtime.Nd4jRuntime;
import org.backprop.engine.train.TrainingPlan;
import org.backprop.engine.train.TrainingSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Training throughput of one project, measured two ways in the same JVM: through the
 * workbench engine (a TrainingSession on its background thread, metrics and all), and as a
 * bare DL4J loop over pre-cut minibatches on the same configuration. Rounds alternate so
 * that machine noise hits both alike.
 *
 * <pre>java -cp ... org.backprop.bench.TrainingThroughput PROJECT EPOCHS ROUNDS</pre>
 * prints one line per way: {@code engine <samples/s> <epochs/s>}.
 */
public final class TrainingThroughput {

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.configure();
        Path file = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Project project = ProjectFiles.read(file);
        PreparedData data = ProjectData.load(project, file.toAbsolutePath().getParent());
        int n = data.train().numExamples();
        System.err.printf(Locale.ROOT, "%s: %d training rows, batch %d, %d epochs per round, %d rounds, %s%n",
                project.name(), n, project.training().batchSize(), epochs, rounds, Nd4jRuntime.start());

        engine(project, data, 1); // warm-up: JIT, native libraries, workspaces
        bare(project, data, 1);
        double[] engine = new double[rounds];
        double[] bare = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            engine[r] = engine(project, data, epochs);
            bare[r] = bare(project, data, epochs);
        }
        java.util.Arrays.sort(engine);
        java.util.Arrays.sort(bare);
        report("engine", Stopwatch.median(engine), n);
        report("bare-dl4j", Stopwatch.median(bare), n);
    }

    private static void report(String way, double epochsPerSecond, int rows) {
        System.out.printf(Locale.ROOT, "%s %.1f %.2f%n", way, epochsPerSecond * rows, epochsPerSecond);
    }

    /** Epochs per second through the workbench's TrainingSession. */
    static double engine(Project project, PreparedData data, int epochs) {
        try (TrainingSession s = new TrainingSession(project, data)) {
            s.setPlan(TrainingPlan.epochs(epochs));
            long t0 = System.nanoTime();
            s.start();
            if (!s.awaitIdle(10, TimeUnit.MINUTES)) throw new IllegalStateException("timed out");
            long t1 = System.nanoTime();
            if (s.state() != TrainingSession.State.FINISHED) throw new IllegalStateException(String.valueOf(s.failure()));
            return epochs / ((t1 - t0) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Epochs per second of the plainest DL4J loop: fit each pre-cut minibatch, no shuffling, no metrics. */
    static double bare(Project project, PreparedData data, int epochs) {
        try {
            CompiledNetwork c = NetworkCompiler.compile(project);
            MultiLayerNetwork net = c.multiLayer();
            List<DataSet> batches = data.train().batchBy(project.training().batchSize());
            long t0 = System.nanoTime();
            for (int e = 0; e < epochs; e++) {
                for (DataSet b : batches) net.fit(b);
            }
            long t1 = System.nanoTime();
            return epochs / ((t1 - t0) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
