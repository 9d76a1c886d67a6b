package org.backprop.engine.train;

import org.backprop.engine.compile.CompileException;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.project.Project;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.SpecifiedIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Trains one project on a background thread. Start, pause, resume, step, stop and reset each
 * take effect between two iterations, so within one iteration. A run is deterministic for a
 * given seed: the same project gives the same losses, bit for bit.
 *
 * <p>Metrics go to a {@link MetricsLog} that readers poll; state changes (rare) go to
 * listeners, called on the training thread. Code that must touch the model while it trains
 * (DL4J models are not thread-safe) goes through {@link #runBetweenIterations}.
 */
public final class TrainingSession implements AutoCloseable {

    public enum State { READY, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    /** Test-set evaluations take at most this share of the run's time (always one at the end). */
    private static final double EVALUATION_SHARE = 0.05;

    private final Project project;
    private final PreparedData data;
    private final java.nio.file.Path projectDir;
    private final MetricsLog metrics = new MetricsLog();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<TrainingListener> dl4jListeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Queue<Consumer<CompiledNetwork>> betweenIterations = new ConcurrentLinkedQueue<>();

    private volatile CompiledNetwork network;
    private volatile DataSet currentBatch;
    private volatile State state = State.READY;
    private volatile Throwable failure;
    private TrainingPlan plan;
    private Thread worker;
    // Guarded by lock:
    private boolean pauseRequested;
    private boolean stopRequested;
    private int stepsRequested;
    private boolean stepping; // a requested step is running: awaitIdle waits until it is recorded
    private boolean running; // a worker is inside run(): tasks wait for it

    public TrainingSession(Project project, PreparedData data) throws CompileException {
        this(project, data, null);
    }

    /** @param projectDir the project file's folder, where {@code network.weightsFrom} is found; null when none */
    public TrainingSession(Project project, PreparedData data, java.nio.file.Path projectDir) throws CompileException {
        this.project = project;
        this.data = data;
        this.projectDir = projectDir;
        this.network = NetworkCompiler.compile(project, projectDir);
        this.plan = TrainingPlan.epochs(project.training().epochs());
    }

    public Project project() { return project; }

    public PreparedData data() { return data; }

    /** The model being trained; replaced by {@link #reset()}. */
    public CompiledNetwork network() { return network; }

    public MetricsLog metrics() { return metrics; }

    /**
     * The minibatch of the iteration under way (or of the last one), null before the first:
     * DL4J listeners read it on the training thread, e.g. to measure gradients on the same data.
     */
    public DataSet currentBatch() { return currentBatch; }

    public State state() { return state; }

    /** Why the run failed, or null. */
    public Throwable failure() { return failure; }

    public void setPlan(TrainingPlan plan) {
        lock.lock();
        try {
            if (worker != null) throw new IllegalStateException("the plan is set before the run starts");
            this.plan = plan;
        } finally {
            lock.unlock();
        }
    }

    /** Called on the training thread whenever the state changes. */
    public void onStateChange(Consumer<State> listener) {
        stateListeners.add(listener);
    }

    /** A DL4J listener to attach to the model, now and after every reset (telemetry plugs in here). */
    public void addTrainingListener(TrainingListener listener) {
        dl4jListeners.add(listener);
        network.model().addListeners(listener);
    }

    /**
     * Runs {@code task} with the model at a moment when no iteration is under way, so that it can
     * read the model (an output, a copy of the parameters) without racing training: on the
     * training thread between two iterations (also while paused) when a run is in progress,
     * otherwise at once on the calling thread, holding the session's lock so that no run starts
     * meanwhile. Tasks delay training and block the session's controls while they run: keep them
     * short (copy what you need, work on the copy elsewhere). A task that throws is dropped.
     */
    public void runBetweenIterations(Consumer<CompiledNetwork> task) {
        lock.lock();
        try {
            if (running) {
                betweenIterations.add(task);
                changed.signalAll(); // a paused worker wakes to run it
            } else {
                runTask(task);
            }
        } finally {
            lock.unlock();
        }
    }

    private void runPendingTasks() {
        for (Consumer<CompiledNetwork> t; (t = betweenIterations.poll()) != null; ) runTask(t);
    }

    private void runTask(Consumer<CompiledNetwork> task) {
        try {
            task.accept(network);
        } catch (RuntimeException e) {
            // An observer's failure must not stop training.
        }
    }

    public void start() {
        lock.lock();
        try {
            if (worker != null) {
                pauseRequested = false;
                // Running from now on, as far as callers can tell: awaitIdle() waits for the next pause or the end.
                if (state == State.PAUSED) setStateLocked(State.RUNNING);
                changed.signalAll();
                return;
            }
            pauseRequested = false;
            launch();
        } finally {
            lock.unlock();
        }
    }

    public void pause() {
        lock.lock();
        try {
            pauseRequested = true;
            stepsRequested = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        start();
    }

    /** Runs exactly one more iteration, then pauses. */
    public void step() {
        lock.lock();
        try {
            if (state == State.FINISHED || state == State.STOPPED || state == State.FAILED) return;
            pauseRequested = true;
            stepsRequested++;
            if (worker == null) launch();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void stop() {
        Thread w;
        lock.lock();
        try {
            stopRequested = true;
            changed.signalAll();
            w = worker;
        } finally {
            lock.unlock();
        }
        if (w != null && w != Thread.currentThread()) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the run and starts over from the seeded initial weights (or the weightsFrom model's); metrics are cleared. */
    public void reset() throws CompileException {
        stop();
        CompiledNetwork fresh = NetworkCompiler.compile(project, projectDir);
        dl4jListeners.forEach(l -> fresh.model().addListeners(l));
        lock.lock();
        try {
            network = fresh;
            worker = null;
            stopRequested = false;
            pauseRequested = false;
            stepsRequested = 0;
            failure = null;
            currentBatch = null;
            metrics.clear();
        } finally {
            lock.unlock();
        }
        setState(State.READY);
    }

    /** Waits until the run ends or pauses; false on time-out. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (state == State.RUNNING || (worker != null && state == State.READY) || stepsRequested > 0 || stepping) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        stopRequested = false;
        running = true;
        worker = new Thread(this::run, "training-" + project.name());
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        CompiledNetwork net = network;
        DataSet train = data.train();
        int batchSize = project.training().batchSize();
        Random shuffle = new Random(project.training().seed());
        EvaluationBudget budget = new EvaluationBudget(EVALUATION_SHARE);
        long iteration = 0;
        long rateStart = System.nanoTime();
        long rateSamples = 0;
        double rate = 0;
        try {
            for (int epoch = 0; epoch < plan.epochs(); epoch++) {
                double epochLoss = 0;
                int epochBatches = 0;
                for (DataSet batch : batches(train, batchSize, shuffle)) {
                    if (!awaitTurn()) {
                        evaluate(net, (int) iteration, epoch, epochBatches == 0 ? Double.NaN : epochLoss / epochBatches);
                        setState(State.STOPPED);
                        return;
                    }
                    currentBatch = batch;
                    net.fit(batch);
                    iteration++;
                    double loss = net.lastScore();
                    epochLoss += loss;
                    epochBatches++;
                    rateSamples += batch.numExamples();
                    long now = System.nanoTime();
                    if (now - rateStart > 250_000_000L) {
                        rate = rateSamples * 1e9 / (now - rateStart);
                        rateStart = now;
                        rateSamples = 0;
                    }
                    metrics.add((int) iteration, epoch, loss, rate);
                    if (stepping) stepRecorded();
                    if (plan.maxIterations() > 0 && iteration >= plan.maxIterations()) {
                        evaluate(net, (int) iteration, epoch, epochLoss / epochBatches);
                        setState(State.FINISHED);
                        return;
                    }
                }
                net.setEpochCount(epoch + 1);
                if (epoch == plan.epochs() - 1 || budget.due()) {
                    long t0 = System.nanoTime();
                    evaluate(net, (int) iteration, epoch, epochLoss / epochBatches);
                    budget.spent(System.nanoTime() - t0);
                }
            }
            setState(State.FINISHED);
        } catch (Throwable t) {
            failure = t;
            setState(State.FAILED);
        } finally {
            lock.lock();
            try {
                running = false;
                runPendingTasks(); // queued before the run ended; later ones run on their caller
            } finally {
                lock.unlock();
            }
        }
    }

    private void stepRecorded() {
        lock.lock();
        try {
            stepping = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks while paused; false when the run must stop. */
    private boolean awaitTurn() throws InterruptedException {
        runPendingTasks();
        lock.lock();
        try {
            while (true) {
                if (stopRequested) return false;
                if (!pauseRequested) {
                    if (state != State.RUNNING) setStateLocked(State.RUNNING);
                    return true;
                }
                if (stepsRequested > 0) {
                    stepsRequested--;
                    stepping = true;
                    return true;
                }
                if (state != State.PAUSED) setStateLocked(State.PAUSED);
                if (!betweenIterations.isEmpty()) {
                    lock.unlock();
                    try {
                        runPendingTasks();
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                changed.signalAll(); // a step just finished: wake awaitIdle callers
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * This epoch's minibatches: one gather of the shuffled rows, then views on it. On small
     * nets each ND4J op costs more than the arithmetic, so two ops per epoch rather than one
     * per row.
     */
    private List<DataSet> batches(DataSet train, int batchSize, Random shuffle) {
        int n = train.numExamples();
        if (n <= batchSize) return List.of(train);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        INDArray x = rows(train.getFeatures(), order);
        INDArray y = rows(train.getLabels(), order);
        INDArray xMask = rows(train.getFeaturesMaskArray(), order);
        INDArray yMask = rows(train.getLabelsMaskArray(), order);
        List<DataSet> out = new ArrayList<>((n + batchSize - 1) / batchSize);
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            out.add(new DataSet(first(x, from, to), first(y, from, to), first(xMask, from, to), first(yMask, from, to)));
        }
        return out;
    }

    /** The given rows (examples) of a 2-D table or of 3-D sequences [examples, features, steps]; null stays null. */
    private static INDArray rows(INDArray a, int[] order) {
        if (a == null) return null;
        // pullRows gathers in one native op; INDArray.getRows issues one op per row.
        if (a.rank() == 2) return Nd4j.pullRows(a, 1, order);
        return a.get(new SpecifiedIndex(java.util.Arrays.stream(order).asLongStream().toArray()), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** A view of examples from..to-1. */
    private static INDArray first(INDArray a, int from, int to) {
        return a == null ? null : a.get(NDArrayIndex.interval(from, to));
    }

    /** @param trainLoss the mean minibatch loss of the epoch, as most frameworks report it */
    private void evaluate(CompiledNetwork net, int iteration, int epoch, double trainLoss) {
        DataSet test = data.test();
        double testLoss = net.score(test);
        double accuracy = data.isClassification() ? accuracy(net, test) : Double.NaN;
        metrics.add(new Evaluation(iteration, epoch, trainLoss, testLoss, accuracy));
    }

    static double accuracy(CompiledNetwork net, DataSet d) {
        INDArray out = net.output(d.getFeatures(), d.getFeaturesMaskArray());
        INDArray labels = d.getLabels();
        if (labels.rank() == 3) return SequenceAccuracy.of(out, labels, d.getLabelsMaskArray());
        long n = labels.size(0);
        if (labels.size(1) == 1) {
            INDArray predicted = out.gt(0.5);
            INDArray truth = labels.gt(0.5);
            return predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sumNumber().doubleValue() / n;
        }
        INDArray predicted = Nd4j.argMax(out, 1);
        INDArray truth = Nd4j.argMax(labels, 1);
        return predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sumNumber().doubleValue() / n;
    }

    private void setState(State s) {
        lock.lock();
        try {
            setStateLocked(s);
        } finally {
            lock.unlock();
        }
    }

    private void setStateLocked(State s) {
        state = s;
        if (s == State.FINISHED || s == State.STOPPED || s == State.FAILED) stepping = false;
        changed.signalAll();
        for (Consumer<State> l : stateListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                // A broken observer must not stop training.
            }
        }
    }
}
