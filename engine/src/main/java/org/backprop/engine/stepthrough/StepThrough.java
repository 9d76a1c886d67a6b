package org.backprop.engine.stepthrough;

import org.backprop.engine.compile.CompileException;
import org.backprop.engine.compile.CompiledNetwork;
import org.backprop.engine.compile.NetworkCompiler;
import org.backprop.engine.data.DataException;
import org.backprop.engine.data.PreparedData;
import org.backprop.engine.data.ProjectData;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.TrainingSettings;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.backprop.engine.stepthrough.Notation.d;

/**
 * A step-through session: one project, one fixed batch of examples. Each {@link #next()} writes
 * out one training iteration with the workbench's own chain rule, checks every number against
 * DL4J's gradient, lets DL4J's fit() take the iteration and shows the weights it produced; the
 * next call starts from there, optimizer state included. Always in double precision. A tiny Elman
 * network is unrolled over the time steps of its sequences ({@link ElmanSteps}).
 */
public final class StepThrough {
    private final Project project;
    private final CompiledNetwork compiled;
    private final int[] rows;
    private final double[][] inputs;
    private final double[][] targets;
    /** The batch as sequences [example][step][value], or null for a feed-forward network. */
    private final Sequences sequences;
    private final DataSet batch;
    private final UpdateRule rule;
    private final List<String> notes;

    /** Sequences with a target flag per step (false where DL4J's label mask leaves the step out of the loss). */
    private record Sequences(double[][][] x, double[][][] t, boolean[][] hasTarget) {
        DataSet dataSet() {
            int n = x.length, steps = x[0].length, f = x[0][0].length, k = t[0][0].length;
            INDArray features = Nd4j.create(DataType.DOUBLE, n, f, steps);
            INDArray labels = Nd4j.create(DataType.DOUBLE, n, k, steps);
            INDArray mask = Nd4j.create(DataType.DOUBLE, n, steps);
            boolean masked = false;
            for (int e = 0; e < n; e++) {
                for (int s = 0; s < steps; s++) {
                    for (int i = 0; i < f; i++) features.putScalar(new long[]{e, i, s}, x[e][s][i]);
                    for (int i = 0; i < k; i++) labels.putScalar(new long[]{e, i, s}, t[e][s][i]);
                    mask.putScalar(new long[]{e, s}, hasTarget[e][s] ? 1 : 0);
                    masked |= !hasTarget[e][s];
                }
            }
            return new DataSet(features, labels, null, masked ? mask : null);
        }

        /** Each sequence's steps one after the other, as the transcript lists an example's values. */
        static double[][] flat(double[][][] v) {
            return Arrays.stream(v).map(seq -> Arrays.stream(seq).flatMapToDouble(Arrays::stream).toArray()).toArray(double[][]::new);
        }
    }

    private StepThrough(Project project, CompiledNetwork compiled, int[] rows, double[][] inputs, double[][] targets,
                        Sequences sequences, List<String> notes) throws StepThroughException {
        this.project = project;
        this.compiled = compiled;
        this.rows = rows;
        this.inputs = inputs;
        this.targets = targets;
        this.sequences = sequences;
        this.batch = sequences != null ? sequences.dataSet() : new DataSet(Nd4j.create(inputs), Nd4j.create(targets));
        var layerConf = (BaseLayer) compiled.multiLayer().getLayer(0).conf().getLayer();
        this.rule = UpdateRule.of(layerConf.getIUpdater());
        this.notes = List.copyOf(notes);
    }

    /**
     * Opens a project on rows of its training data.
     *
     * @param baseDir the project file's folder, where its data paths start
     * @param rows    0-based training rows to explain as one batch; empty: the project's first batch
     *                when it is small enough to read, else the first example
     */
    public static StepThrough open(Project project, Path baseDir, List<Integer> rows) throws StepThroughException {
        Project p = inDouble(project);
        CompiledNetwork compiled = compile(p);
        PreparedData data;
        try {
            data = ProjectData.load(p, baseDir);
        } catch (DataException e) {
            throw new StepThroughException("data: " + e.getMessage());
        }
        if (p.network().isRecurrent()) return openSequences(p, compiled, data, rows, project.training().dataType());
        double[][] x = data.train().getFeatures().toDoubleMatrix();
        double[][] t = data.train().getLabels().toDoubleMatrix();
        List<String> notes = new ArrayList<>();
        int[] chosen = rows.stream().mapToInt(Integer::intValue).toArray();
        if (chosen.length == 0) {
            int first = Math.min(p.training().batchSize(), x.length);
            if (first > StepThroughSupport.MAX_EXAMPLES) {
                notes.add("The project's first batch has " + first + " examples, too many to read step by step; "
                        + "this explains its first example only.");
                first = 1;
            }
            chosen = IntStream.range(0, first).toArray();
        }
        for (int r : chosen) {
            if (r < 0 || r >= x.length) {
                throw new StepThroughException("there is no example " + (r + 1) + ": the training data (" + data.description()
                        + ") has " + x.length + " rows");
            }
        }
        double[][] xs = Arrays.stream(chosen).mapToObj(r -> x[r]).toArray(double[][]::new);
        double[][] ts = Arrays.stream(chosen).mapToObj(r -> t[r]).toArray(double[][]::new);
        return create(p, compiled, chosen, xs, ts, project.training().dataType(), notes);
    }

    private static StepThrough openSequences(Project p, CompiledNetwork compiled, PreparedData data, List<Integer> rows,
                                             TrainingSettings.Precision trainedIn) throws StepThroughException {
        INDArray features = data.train().getFeatures();
        INDArray labels = data.train().getLabels();
        INDArray mask = data.train().getLabelsMaskArray();
        int count = (int) features.size(0);
        int steps = (int) features.size(2);
        List<String> notes = new ArrayList<>();
        int[] chosen = rows.stream().mapToInt(Integer::intValue).toArray();
        if (chosen.length == 0) {
            int first = Math.min(p.training().batchSize(), count);
            if (first > StepThroughSupport.MAX_SEQUENCES) {
                notes.add("The project's first batch has " + first + " sequences, too many to read step by step; "
                        + "this explains its first sequence only.");
                first = 1;
            }
            chosen = IntStream.range(0, first).toArray();
        }
        for (int r : chosen) {
            if (r < 0 || r >= count) {
                throw new StepThroughException("there is no sequence " + (r + 1) + ": the training data (" + data.description()
                        + ") has " + count);
            }
        }
        List<String> problems = StepThroughSupport.sequenceProblems(chosen.length, steps);
        if (!problems.isEmpty()) throw new StepThroughException(String.join("\n", problems));
        double[][][] x = new double[chosen.length][steps][(int) features.size(1)];
        double[][][] t = new double[chosen.length][steps][(int) labels.size(1)];
        boolean[][] has = new boolean[chosen.length][steps];
        for (int e = 0; e < chosen.length; e++) {
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < x[e][s].length; i++) x[e][s][i] = features.getDouble(chosen[e], i, s);
                for (int i = 0; i < t[e][s].length; i++) t[e][s][i] = labels.getDouble(chosen[e], i, s);
                has[e][s] = mask == null || mask.getDouble(chosen[e], s) != 0;
            }
        }
        if (trainedIn == TrainingSettings.Precision.FLOAT) notes.add(FLOAT_NOTE);
        return new StepThrough(p, compiled, chosen, Sequences.flat(x), Sequences.flat(t), new Sequences(x, t, has), notes);
    }

    private static final String FLOAT_NOTE = "The project trains in float precision; the step-through computes in double so that every number "
            + "can be checked, so a float run may differ from about the 7th digit.";

    /** Opens a project on examples given directly, e.g. typed into the window. */
    public static StepThrough of(Project project, double[][] inputs, double[][] targets) throws StepThroughException {
        Project p = inDouble(project);
        if (p.network().isRecurrent()) {
            throw new StepThroughException("examples typed in are single rows; a recurrent network steps through the sequences of its data");
        }
        CompiledNetwork compiled = compile(p);
        if (inputs.length != targets.length || inputs.length == 0) {
            throw new StepThroughException("give one target row per input row, and at least one example");
        }
        for (int n = 0; n < inputs.length; n++) {
            if (inputs[n].length != compiled.inputSize() || targets[n].length != compiled.outputSize()) {
                throw new StepThroughException("example " + (n + 1) + " needs " + compiled.inputSize() + " inputs and "
                        + compiled.outputSize() + " targets, got " + inputs[n].length + " and " + targets[n].length);
            }
        }
        return create(p, compiled, IntStream.range(0, inputs.length).toArray(), inputs, targets,
                project.training().dataType(), new ArrayList<>());
    }

    private static StepThrough create(Project p, CompiledNetwork compiled, int[] rows, double[][] x, double[][] t,
                                      TrainingSettings.Precision trainedIn, List<String> notes) throws StepThroughException {
        String loss = p.network().layer(compiled.outputId()).orElseThrow().stringValue("loss");
        List<String> problems = StepThroughSupport.exampleProblems(t, loss);
        if (!problems.isEmpty()) throw new StepThroughException(String.join("\n", problems));
        if (trainedIn == TrainingSettings.Precision.FLOAT) notes.add(FLOAT_NOTE);
        return new StepThrough(p, compiled, rows, deepCopy(x), deepCopy(t), null, notes);
    }

    private static Project inDouble(Project project) throws StepThroughException {
        List<String> problems = StepThroughSupport.problems(project);
        if (!problems.isEmpty()) throw new StepThroughException(String.join("\n", problems));
        return project.withTraining(project.training().withDataType(TrainingSettings.Precision.DOUBLE));
    }

    private static CompiledNetwork compile(Project p) throws StepThroughException {
        try {
            return NetworkCompiler.compile(p);
        } catch (CompileException e) {
            throw new StepThroughException("the network cannot be built:\n  - " + String.join("\n  - ", e.problems()));
        }
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    /** The project as the session runs it (in double precision). */
    public Project project() {
        return project;
    }

    /** The DL4J network the session trains; each {@link #next()} takes one fit() on it. */
    public CompiledNetwork network() {
        return compiled;
    }

    /** Explains one iteration on the batch, then takes it with DL4J. */
    public Transcript next() {
        return sequences == null ? nextChain() : nextElman();
    }

    private Transcript nextElman() {
        MultiLayerNetwork net = compiled.multiLayer();
        int iteration = net.getIterationCount();
        Elman elman = Elman.read(project, compiled);
        List<ElmanPass> passes = IntStream.range(0, sequences.x().length)
                .mapToObj(n -> new ElmanPass(elman, sequences.x()[n], sequences.t()[n], sequences.hasTarget()[n])).toList();
        Steps out = new Steps();
        ElmanSteps bptt = new ElmanSteps(elman, passes, out);
        bptt.writeAll();
        double lossBefore = passes.stream().mapToDouble(p -> p.loss).sum() / passes.size();
        List<ElmanSteps.Parameter> parameters = bptt.parameters();
        requireDl4jScore(net, lossBefore);
        var gradients = net.gradient().gradientForVariable();
        for (ElmanSteps.Parameter p : parameters) {
            double dl4j = valueAt(gradients.get(p.dl4jIndex() + "_" + p.ref().name()), p.ref());
            Dl4jAgreement.require("the gradient of " + p.ref().layer() + " " + p.ref().label(), bptt.sum(p), dl4j);
        }
        net.fit(batch);
        double lossAfter = net.score(batch, false);
        rule.begin(iteration, out);
        List<ParameterChange> changes = new ArrayList<>();
        for (ElmanSteps.Parameter p : parameters) {
            UpdateTarget target = new UpdateTarget(p.ref(), p.symbol(), p.updated(), d("E", p.symbol()), p.value(), bptt.mean(p), bptt.from(p));
            changes.add(update(net, p.dl4jIndex(), target, iteration, bptt.sum(p), out));
        }
        int steps = sequences.x()[0].length;
        List<LayerSummary> layers = List.of(new LayerSummary(elman.inputId(), 0, elman.inputSize(), null),
                new LayerSummary(elman.hidden().id(), 1, elman.hidden().units(), elman.hidden().activation().id()),
                new LayerSummary(elman.output().id(), 2, elman.output().units(), elman.output().activation().id()));
        List<Example> examples = new ArrayList<>();
        for (int n = 0; n < passes.size(); n++) {
            examples.add(new Example(rows[n], boxed(inputs[n]), boxed(targets[n]), boxed(Sequences.flat(new double[][][]{passes.get(n).y})[0])));
        }
        return new Transcript(project.name(), iteration + 1, layers, elman.loss().id(), rule.describe(), examples, lossBefore, lossAfter,
                out.list(), changes, elmanNotes(elman, passes), steps);
    }

    private List<String> elmanNotes(Elman elman, List<ElmanPass> passes) {
        List<String> out = new ArrayList<>();
        out.add("Unrolled over " + sequences.x()[0].length + " time steps: DL4J's SimpleRnn computes h<t> = "
                + elman.hidden().activation().id() + "(x<t> W + h<t-1> RW + b), starting from h<0> = 0; the formulas write RW as r. "
                + "The output layer is applied at every step with the same weights.");
        out.add(elman.loss().convention(elman.output().units()) + " at each time step; the loss of a sequence is the sum over its "
                + "steps (DL4J's RnnOutputLayer), so every weight's gradient is a sum over the time steps too.");
        if (passes.size() > 1) {
            out.add("DL4J's loss of a batch is the mean of the sequences' losses. Its gradient holds the sum over the " + passes.size()
                    + " sequences; its updater divides that by " + passes.size() + " before the learning rate.");
        }
        out.add("Every gradient here is the workbench's own backpropagation through time, checked against DL4J's gradient; "
                + "every new value is the one DL4J's fit() produced. Double precision.");
        out.addAll(notes);
        return out;
    }

    private void requireDl4jScore(MultiLayerNetwork net, double lossBefore) {
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.setLayerMaskArrays(batch.getFeaturesMaskArray(), batch.getLabelsMaskArray());
        net.computeGradientAndScore();
        Dl4jAgreement.require("the loss", lossBefore, net.score());
    }

    /** Proposes the parameter's new value by the optimizer's rule, checks it against what DL4J's fit() set and writes the step. */
    private ParameterChange update(MultiLayerNetwork net, int dl4jIndex, UpdateTarget target, int iteration, double sum, Steps out) {
        ParameterRef ref = target.ref();
        double after = valueAt(net.getLayer(dl4jIndex).getParam(ref.name()), ref);
        UpdateRule.Proposal proposal = rule.propose(target, iteration, out);
        Dl4jAgreement.require("the new value of " + ref.layer() + " " + ref.label(), proposal.value(), after);
        target.draft(out, StepKind.UPDATE, "new value").math(target.updatedSymbol(), proposal.formula(), proposal.numbers(), after).add();
        return new ParameterChange(ref, dl4jIndex + "_" + ref.name(), target.value(), target.gradient(), sum, after);
    }

    private Transcript nextChain() {
        MultiLayerNetwork net = compiled.multiLayer();
        int iteration = net.getIterationCount();
        Chain chain = ChainReader.read(project, compiled);
        List<Pass> passes = IntStream.range(0, inputs.length).mapToObj(n -> new Pass(chain, inputs[n], targets[n])).toList();
        Notation nt = new Notation(chain.depth(), chain.inputSize(), chain.output().units(), passes.size());
        Steps out = new Steps();
        ChainRuleSteps chainRule = new ChainRuleSteps(chain, passes, nt, out);
        chainRule.writeAll();
        double lossBefore = passes.stream().mapToDouble(p -> p.loss).sum() / passes.size();
        List<ChainRuleSteps.Parameter> parameters = chainRule.parameters();
        checkAgainstDl4j(net, chain, chainRule, parameters, lossBefore);

        net.fit(batch);
        double lossAfter = net.score(batch, false);
        rule.begin(iteration, out);
        List<ParameterChange> changes = new ArrayList<>();
        for (ChainRuleSteps.Parameter p : parameters) {
            Chain.Layer layer = chain.layer(p.layer());
            List<UnitRef> from = p.ref().isWeight() ? List.of(new UnitRef(chain.id(p.layer() - 1), p.ref().row())) : List.of();
            UpdateTarget target = new UpdateTarget(p.ref(), p.symbol(), nt.updated(p.layer(), p.ref()), d(nt.total(), p.symbol()),
                    p.value(), chainRule.mean(p), from);
            changes.add(update(net, layer.dl4jIndex(), target, iteration, chainRule.sum(p), out));
        }
        return new Transcript(project.name(), iteration + 1, layers(chain), chain.loss().id(), rule.describe(),
                examples(chain, passes), lossBefore, lossAfter, out.list(), changes, notes(chain, passes.size()), 0);
    }

    private void checkAgainstDl4j(MultiLayerNetwork net, Chain chain, ChainRuleSteps chainRule,
                                  List<ChainRuleSteps.Parameter> parameters, double lossBefore) {
        requireDl4jScore(net, lossBefore);
        var gradients = net.gradient().gradientForVariable();
        for (ChainRuleSteps.Parameter p : parameters) {
            Chain.Layer layer = chain.layer(p.layer());
            double dl4j = valueAt(gradients.get(layer.dl4jIndex() + "_" + p.ref().name()), p.ref());
            Dl4jAgreement.require("the gradient of " + layer.id() + " " + p.ref().label(), chainRule.sum(p), dl4j);
        }
    }

    /** A bias may be [nOut] or [1, nOut] in DL4J; read it by its flat index. */
    static double valueAt(INDArray array, ParameterRef ref) {
        return ref.isWeight() ? array.getDouble(ref.row(), ref.column()) : array.getDouble((long) ref.column());
    }

    private static List<LayerSummary> layers(Chain chain) {
        List<LayerSummary> out = new ArrayList<>();
        out.add(new LayerSummary(chain.inputId(), 0, chain.inputSize(), null));
        for (int l = 1; l <= chain.depth(); l++) {
            out.add(new LayerSummary(chain.id(l), l, chain.units(l), chain.layer(l).activation().id()));
        }
        return out;
    }

    private List<Example> examples(Chain chain, List<Pass> passes) {
        List<Example> out = new ArrayList<>();
        for (int n = 0; n < passes.size(); n++) {
            Pass p = passes.get(n);
            out.add(new Example(rows[n], boxed(p.x), boxed(p.t), boxed(p.a[chain.depth()])));
        }
        return out;
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    private List<String> notes(Chain chain, int examples) {
        List<String> out = new ArrayList<>();
        out.add(chain.loss().convention(chain.output().units()) + ".");
        if (examples > 1) {
            out.add("DL4J's loss of a batch is the mean of the examples' losses. Its gradient (computeGradientAndScore) "
                    + "holds the sum over the " + examples + " examples; its updater divides that by " + examples
                    + " before the learning rate, so the update uses the mean gradient dE/dp.");
        }
        out.add("Every gradient here is the workbench's own chain rule, checked against DL4J's gradient; every new value "
                + "is the one DL4J's fit() produced. Double precision.");
        out.addAll(notes);
        return out;
    }
}
