package org.backprop.engine.stepthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.backprop.engine.stepthrough.Notation.d;

/**
 * Writes one iteration of an {@link Elman} network unrolled over time as steps: per sequence the
 * forward pass time step by time step (z, h, the outputs and the loss of each step), the sequence's
 * loss as the sum over its steps, then backpropagation through time from the last step to the
 * first (dL/dy, the output deltas, dL/dh from the step's own output plus from the next step through
 * RW, the hidden deltas), and each parameter's gradient as the sum of its contributions over the
 * time steps. Every step about one time step carries it ({@link Step#time()}).
 *
 * <p>Symbols: time steps in angle brackets, h<sup>&lt;2&gt;</sup>; the recurrent layer is layer 1
 * with input weights w<sup>(1)</sup>, recurrent weights r (DL4J's RW) and bias b<sup>(1)</sup>;
 * the output layer is layer 2.
 */
final class ElmanSteps {
    private final Elman net;
    private final List<ElmanPass> passes;
    private final Steps out;
    private final boolean batch;

    ElmanSteps(Elman net, List<ElmanPass> passes, Steps out) {
        this.net = net;
        this.passes = passes;
        this.out = out;
        this.batch = passes.size() > 1;
    }

    void writeAll() {
        for (int n = 0; n < passes.size(); n++) {
            for (int s = 0; s < passes.get(n).steps(); s++) forward(n, s);
            sequenceLoss(n);
        }
        if (batch) batchLoss();
        for (int n = 0; n < passes.size(); n++) {
            for (int s = passes.get(n).steps() - 1; s >= 0; s--) backward(n, s);
            for (Parameter p : parameters()) gradient(n, p);
        }
        if (batch) for (Parameter p : parameters()) batchMean(p);
    }

    // ---- forward

    private void forward(int n, int s) {
        ElmanPass p = passes.get(n);
        Elman.Cell c = net.hidden();
        for (int j = 0; j < c.units(); j++) {
            List<String> symbols = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<EdgeRef> edges = new ArrayList<>();
            for (int i = 0; i < net.inputSize(); i++) {
                symbols.add(w(1, i, j) + " " + x(s, i, n));
                numbers.add(Tex.times(Tex.factor(c.w()[i][j]), Tex.factor(p.x[s][i])));
                edges.add(new EdgeRef(c.id(), i, j));
            }
            if (s > 0) {
                for (int m = 0; m < c.units(); m++) {
                    symbols.add(r(m, j) + " " + h(s - 1, m, n));
                    numbers.add(Tex.times(Tex.factor(c.rw()[m][j]), Tex.factor(p.h[s - 1][m])));
                    edges.add(new EdgeRef(c.id(), m, j, true));
                }
            }
            symbols.add(b(1, j));
            numbers.add(Tex.factor(c.b()[j]));
            out.draft(StepKind.PRE_ACTIVATION, n, caption(n, s, c.id(), j) + ": weighted sum"
                            + (s == 0 ? " (no earlier step: h starts at 0)" : ", with the previous step through RW"))
                    .at(s).math(z(1, s, j, n), Tex.sum(symbols), Tex.sum(numbers), p.z[s][j])
                    .of(hidden(j)).involves(units(net.inputId(), net.inputSize()))
                    .involves(s > 0 ? units(c.id(), c.units()) : List.of()).edges(edges).add();
            out.draft(StepKind.ACTIVATION, n, caption(n, s, c.id(), j) + ": activation")
                    .at(s).math(h(s, j, n), c.activation().formula(z(1, s, j, n)), c.activation().numbers(p.z[s][j]), p.h[s][j])
                    .of(hidden(j)).add();
        }
        Chain.Layer o = net.output();
        for (int k = 0; k < o.units(); k++) {
            List<String> symbols = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (int j = 0; j < c.units(); j++) {
                symbols.add(w(2, j, k) + " " + h(s, j, n));
                numbers.add(Tex.times(Tex.factor(o.w()[j][k]), Tex.factor(p.h[s][j])));
            }
            symbols.add(b(2, k));
            numbers.add(Tex.factor(o.b()[k]));
            final int unit = k;
            out.draft(StepKind.PRE_ACTIVATION, n, caption(n, s, o.id(), k) + ": weighted sum")
                    .at(s).math(z(2, s, k, n), Tex.sum(symbols), Tex.sum(numbers), p.o[s][k])
                    .of(output(k)).involves(units(c.id(), c.units()))
                    .edges(IntStream.range(0, c.units()).mapToObj(j -> new EdgeRef(o.id(), j, unit)).toList()).add();
            out.draft(StepKind.ACTIVATION, n, caption(n, s, o.id(), k) + ": activation")
                    .at(s).math(y(s, k, n), o.activation().formula(z(2, s, k, n)), o.activation().numbers(p.o[s][k]), p.y[s][k])
                    .of(output(k)).add();
        }
        if (!p.hasTarget[s]) return;
        out.draft(StepKind.LOSS, n, prefix(n) + "t = " + (s + 1) + ": loss at this step (" + net.loss().title() + ")")
                .at(s).math(stepLoss(s, n), net.loss().formula(o.units(), k -> y(s, k, n), k -> t(s, k, n)),
                        net.loss().numbers(p.y[s], p.t[s]), p.stepLoss[s])
                .involves(units(o.id(), o.units())).add();
    }

    private void sequenceLoss(int n) {
        ElmanPass p = passes.get(n);
        List<Integer> steps = IntStream.range(0, p.steps()).filter(s -> p.hasTarget[s]).boxed().toList();
        out.draft(StepKind.SEQUENCE_LOSS, n, prefix(n) + "loss of the sequence: the sum over its " + steps.size()
                        + (steps.size() == 1 ? " step with a target" : " steps"))
                .math(loss(n), Tex.sum(steps.stream().map(s -> stepLoss(s, n)).toList()),
                        Tex.sum(steps.stream().map(s -> Tex.factor(p.stepLoss[s])).toList()), p.loss)
                .involves(units(net.output().id(), net.output().units())).add();
    }

    private void batchLoss() {
        int count = passes.size();
        String third = Tex.frac("1", String.valueOf(count));
        out.draft(StepKind.BATCH_LOSS, -1, "loss of the batch: the mean over " + count + " sequences")
                .math("E", third + Tex.paren(Tex.sum(IntStream.range(0, count).mapToObj(this::loss).toList())),
                        third + Tex.paren(Tex.sum(passes.stream().map(p -> Tex.factor(p.loss)).toList())),
                        passes.stream().mapToDouble(p -> p.loss).sum() / count)
                .involves(units(net.output().id(), net.output().units())).add();
    }

    // ---- backward through time

    private void backward(int n, int s) {
        ElmanPass p = passes.get(n);
        Chain.Layer o = net.output();
        Elman.Cell c = net.hidden();
        int k = o.units();
        if (p.hasTarget[s]) {
            for (int q = 0; q < k; q++) {
                out.draft(StepKind.OUTPUT_ERROR, n, caption(n, s, o.id(), q) + ": how the loss changes with the output")
                        .at(s).math(d(loss(n), y(s, q, n)), net.loss().derivativeFormula(y(s, q, n), t(s, q, n), k),
                                net.loss().derivativeNumbers(p.y[s][q], p.t[s][q], k), p.dy[s][q])
                        .of(output(q)).add();
                slope(n, s, 2, q, o.activation(), p.o[s][q], p.y[s][q], p.ySlope[s][q]);
                out.draft(StepKind.DELTA, n, caption(n, s, o.id(), q) + ": delta")
                        .at(s).math(delta(2, s, q, n), Tex.times(d(loss(n), y(s, q, n)), slopeSymbol(o.activation(), 2, s, q, n)),
                                Tex.times(Tex.factor(p.dy[s][q]), Tex.factor(p.ySlope[s][q])), p.outDelta[s][q])
                        .of(output(q)).add();
            }
        }
        boolean last = s == p.steps() - 1;
        for (int j = 0; j < c.units(); j++) {
            List<String> symbols = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<EdgeRef> edges = new ArrayList<>();
            if (p.hasTarget[s]) {
                for (int q = 0; q < k; q++) {
                    symbols.add(w(2, j, q) + " " + delta(2, s, q, n));
                    numbers.add(Tex.times(Tex.factor(o.w()[j][q]), Tex.factor(p.outDelta[s][q])));
                    edges.add(new EdgeRef(o.id(), j, q));
                }
            }
            if (!last) {
                for (int m = 0; m < c.units(); m++) {
                    symbols.add(r(j, m) + " " + delta(1, s + 1, m, n));
                    numbers.add(Tex.times(Tex.factor(c.rw()[j][m]), Tex.factor(p.delta[s + 1][m])));
                    edges.add(new EdgeRef(c.id(), j, m, true));
                }
            }
            String how = p.hasTarget[s] && !last ? "through this step's output and through the next step (RW)"
                    : p.hasTarget[s] ? "through this step's output only (no later step)" : "through the next step (RW) only (no target at this step)";
            Steps.Draft draft = out.draft(StepKind.BACKPROPAGATED_ERROR, n, caption(n, s, c.id(), j) + ": how the loss changes with h, " + how)
                    .at(s).math(d(loss(n), h(s, j, n)), symbols.isEmpty() ? "0" : Tex.sum(symbols),
                            numbers.isEmpty() ? "0" : Tex.sum(numbers), p.dhOwn[s][j] + p.dhNext[s][j])
                    .of(hidden(j)).edges(edges);
            if (p.hasTarget[s]) draft.involves(units(o.id(), k));
            if (!last) draft.involves(units(c.id(), c.units()));
            draft.add();
            slope(n, s, 1, j, c.activation(), p.z[s][j], p.h[s][j], p.hSlope[s][j]);
            out.draft(StepKind.HIDDEN_DELTA, n, caption(n, s, c.id(), j) + ": delta")
                    .at(s).math(delta(1, s, j, n), Tex.times(slopeSymbol(c.activation(), 1, s, j, n), d(loss(n), h(s, j, n))),
                            Tex.times(Tex.factor(p.hSlope[s][j]), Tex.factor(p.dhOwn[s][j] + p.dhNext[s][j])), p.delta[s][j])
                    .of(hidden(j)).add();
        }
    }

    private void slope(int n, int s, int l, int j, ActivationFunction f, double z, double a, double slope) {
        String layer = l == 1 ? net.hidden().id() : net.output().id();
        out.draft(StepKind.ACTIVATION_SLOPE, n, caption(n, s, layer, j) + ": slope of " + f.id())
                .at(s).math(slopeSymbol(f, l, s, j, n), f.slopeFormula(z(l, s, j, n), l == 1 ? h(s, j, n) : y(s, j, n)),
                        f.slopeNumbers(z, a), slope)
                .of(l == 1 ? hidden(j) : output(j)).add();
    }

    private String slopeSymbol(ActivationFunction f, int l, int s, int j, int n) {
        return f.tex() + "'(" + z(l, s, j, n) + ")";
    }

    /** dL/dp of one sequence: the sum of the parameter's contributions over the time steps, each term one step's. */
    private void gradient(int n, Parameter p) {
        ElmanPass pass = passes.get(n);
        List<String> symbols = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int s = 0; s < pass.steps(); s++) {
            ParameterRef ref = p.ref();
            if (p.output()) {
                if (!pass.hasTarget[s]) continue;
                String dl = delta(2, s, ref.column(), n);
                symbols.add(ref.isWeight() ? dl + " " + h(s, ref.row(), n) : dl);
                numbers.add(ref.isWeight() ? Tex.times(Tex.factor(pass.outDelta[s][ref.column()]), Tex.factor(pass.h[s][ref.row()]))
                        : Tex.factor(pass.outDelta[s][ref.column()]));
            } else if (ref.isRecurrent()) {
                if (s == 0) continue; // h before the first step is 0: no contribution
                symbols.add(delta(1, s, ref.column(), n) + " " + h(s - 1, ref.row(), n));
                numbers.add(Tex.times(Tex.factor(pass.delta[s][ref.column()]), Tex.factor(pass.h[s - 1][ref.row()])));
            } else {
                String dl = delta(1, s, ref.column(), n);
                symbols.add(ref.isWeight() ? dl + " " + x(s, ref.row(), n) : dl);
                numbers.add(ref.isWeight() ? Tex.times(Tex.factor(pass.delta[s][ref.column()]), Tex.factor(pass.x[s][ref.row()]))
                        : Tex.factor(pass.delta[s][ref.column()]));
            }
        }
        String layer = p.ref().layer();
        Steps.Draft draft = out.draft(p.ref().isWeight() ? StepKind.WEIGHT_GRADIENT : StepKind.BIAS_GRADIENT, n,
                        prefix(n) + layer + " " + p.ref().label() + ": gradient, summed over the time steps")
                .math(d(loss(n), p.symbol()), Tex.sum(symbols), Tex.sum(numbers), pass.gradient(p.ref(), p.output()))
                .about(p.ref());
        if (p.ref().isWeight()) draft.involves(from(p));
        draft.add();
    }

    private void batchMean(Parameter p) {
        int count = passes.size();
        String third = Tex.frac("1", String.valueOf(count));
        List<String> symbols = IntStream.range(0, count).mapToObj(n -> d(loss(n), p.symbol())).toList();
        List<String> numbers = passes.stream().map(q -> Tex.factor(q.gradient(p.ref(), p.output()))).toList();
        Steps.Draft draft = out.draft(StepKind.BATCH_MEAN, -1, p.ref().layer() + " " + p.ref().label() + ": mean gradient over the batch")
                .math(d("E", p.symbol()), third + Tex.paren(Tex.sum(symbols)), third + Tex.paren(Tex.sum(numbers)), mean(p))
                .about(p.ref());
        if (p.ref().isWeight()) draft.involves(from(p));
        draft.add();
    }

    /** What DL4J's gradient view holds after computeGradientAndScore: the sum over the batch. */
    double sum(Parameter p) {
        return passes.stream().mapToDouble(q -> q.gradient(p.ref(), p.output())).sum();
    }

    double mean(Parameter p) {
        return sum(p) / passes.size();
    }

    /** Every parameter in DL4J's order: W, RW, b of the recurrent layer, then W, b of the output layer. */
    List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        Elman.Cell c = net.hidden();
        for (int i = 0; i < net.inputSize(); i++) {
            for (int j = 0; j < c.units(); j++) ps.add(new Parameter(ParameterRef.weight(c.id(), i, j), false, c.dl4jIndex(), w(1, i, j), c.w()[i][j]));
        }
        for (int i = 0; i < c.units(); i++) {
            for (int j = 0; j < c.units(); j++) ps.add(new Parameter(ParameterRef.recurrent(c.id(), i, j), false, c.dl4jIndex(), r(i, j), c.rw()[i][j]));
        }
        for (int j = 0; j < c.units(); j++) ps.add(new Parameter(ParameterRef.bias(c.id(), j), false, c.dl4jIndex(), b(1, j), c.b()[j]));
        Chain.Layer o = net.output();
        for (int j = 0; j < c.units(); j++) {
            for (int k = 0; k < o.units(); k++) ps.add(new Parameter(ParameterRef.weight(o.id(), j, k), true, o.dl4jIndex(), w(2, j, k), o.w()[j][k]));
        }
        for (int k = 0; k < o.units(); k++) ps.add(new Parameter(ParameterRef.bias(o.id(), k), true, o.dl4jIndex(), b(2, k), o.b()[k]));
        return ps;
    }

    /** One parameter: whether it belongs to the output layer, its DL4J layer, symbol and value before the update. */
    record Parameter(ParameterRef ref, boolean output, int dl4jIndex, String symbol, double value) {
        /** The symbol after the update: w^{(1)+}_{1,1}, r^{+}_{1,2}. */
        String updated() {
            return ref.isRecurrent() ? symbol.replaceFirst("^r", "r^{+}") : symbol.replaceFirst("\\)}", ")+}");
        }
    }

    /** The unit a weight reads: an input unit, a hidden unit (output layer) or the hidden unit of the previous step (RW). */
    List<UnitRef> from(Parameter p) {
        if (!p.ref().isWeight()) return List.of();
        String layer = p.output() || p.ref().isRecurrent() ? net.hidden().id() : net.inputId();
        return List.of(new UnitRef(layer, p.ref().row()));
    }

    // ---- symbols: time step s (from 0) written <s+1>; example n written [n+1] in a batch

    private String at(int s, int n) {
        return "\\langle " + (s + 1) + "\\rangle" + (batch ? "[" + (n + 1) + "]" : "");
    }

    private static String sub(int unit) {
        return "_{" + (unit + 1) + "}";
    }

    private String x(int s, int i, int n) {
        return "x^{" + at(s, n) + "}" + (net.inputSize() == 1 ? "" : sub(i));
    }

    private String h(int s, int j, int n) {
        return "h^{" + at(s, n) + "}" + sub(j);
    }

    private String y(int s, int k, int n) {
        return "y^{" + at(s, n) + "}" + (net.output().units() == 1 ? "" : sub(k));
    }

    private String t(int s, int k, int n) {
        return "t^{" + at(s, n) + "}" + (net.output().units() == 1 ? "" : sub(k));
    }

    private String z(int l, int s, int j, int n) {
        return "z^{(" + l + ")" + at(s, n) + "}" + sub(j);
    }

    private String delta(int l, int s, int j, int n) {
        return "\\delta^{(" + l + ")" + at(s, n) + "}" + sub(j);
    }

    private static String w(int l, int i, int j) {
        return "w^{(" + l + ")}_{" + (i + 1) + "," + (j + 1) + "}";
    }

    /** A recurrent weight: from unit i of the previous step into unit j. */
    private static String r(int i, int j) {
        return "r_{" + (i + 1) + "," + (j + 1) + "}";
    }

    private static String b(int l, int j) {
        return "b^{(" + l + ")}" + sub(j);
    }

    private String stepLoss(int s, int n) {
        return "L^{" + at(s, n) + "}";
    }

    /** The loss of sequence n; with one sequence it is the loss E itself. */
    private String loss(int n) {
        return batch ? "L^{[" + (n + 1) + "]}" : "E";
    }

    // ---- names and highlights

    private String prefix(int n) {
        return batch ? "sequence " + (n + 1) + ", " : "";
    }

    private String caption(int n, int s, String layer, int j) {
        return prefix(n) + "t = " + (s + 1) + ", " + layer + " unit " + (j + 1);
    }

    private UnitRef hidden(int j) {
        return new UnitRef(net.hidden().id(), j);
    }

    private UnitRef output(int k) {
        return new UnitRef(net.output().id(), k);
    }

    private static List<UnitRef> units(String layer, int count) {
        return IntStream.range(0, count).mapToObj(j -> new UnitRef(layer, j)).toList();
    }
}
