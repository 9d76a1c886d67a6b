package org.backprop.engine.stepthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.backprop.engine.stepthrough.Notation.d;

/**
 * Writes the forward pass, the loss, the backward pass and the batch mean of one iteration as
 * steps, from the numbers of the {@link Pass}es: neuron by neuron, output layer first on the
 * way back.
 */
final class ChainRuleSteps {
    private final Chain chain;
    private final List<Pass> passes;
    private final Notation nt;
    private final Steps out;

    ChainRuleSteps(Chain chain, List<Pass> passes, Notation nt, Steps out) {
        this.chain = chain;
        this.passes = passes;
        this.nt = nt;
        this.out = out;
    }

    void writeAll() {
        for (int n = 0; n < passes.size(); n++) {
            for (int l = 1; l <= chain.depth(); l++) forward(n, l);
            loss(n);
        }
        if (nt.isBatch()) batchLoss();
        for (int n = 0; n < passes.size(); n++) {
            outputLayer(n);
            for (int l = chain.depth() - 1; l >= 1; l--) hiddenLayer(n, l);
        }
        if (nt.isBatch()) for (Parameter p : parameters()) batchMean(p);
    }

    // ---- forward

    private void forward(int n, int l) {
        Pass p = passes.get(n);
        Chain.Layer layer = chain.layer(l);
        ActivationFunction f = layer.activation();
        for (int j = 0; j < layer.units(); j++) {
            preActivation(n, l, j);
            if (f.isElementWise()) {
                out.draft(StepKind.ACTIVATION, n, caption(n, l, j) + ": activation")
                        .math(nt.a(l, j, n), f.formula(nt.z(l, j, n)), f.numbers(p.z[l][j]), p.a[l][j])
                        .of(unit(l, j)).add();
            }
        }
        if (!f.isElementWise()) {
            for (int j = 0; j < layer.units(); j++) softmax(n, l, j);
        }
    }

    private void preActivation(int n, int l, int j) {
        Pass p = passes.get(n);
        Chain.Layer layer = chain.layer(l);
        List<String> symbols = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < layer.inputs(); i++) {
            symbols.add(nt.w(l, i, j) + " " + nt.a(l - 1, i, n));
            numbers.add(Tex.times(Tex.factor(layer.w()[i][j]), Tex.factor(p.a[l - 1][i])));
        }
        symbols.add(nt.b(l, j));
        numbers.add(Tex.factor(layer.b()[j]));
        out.draft(StepKind.PRE_ACTIVATION, n, caption(n, l, j) + ": weighted sum")
                .math(nt.z(l, j, n), Tex.sum(symbols), Tex.sum(numbers), p.z[l][j])
                .of(unit(l, j)).involves(units(l - 1)).edges(edgesInto(l, j)).add();
    }

    private void softmax(int n, int l, int j) {
        Pass p = passes.get(n);
        int units = chain.units(l);
        String all = Tex.sum(IntStream.range(0, units).mapToObj(k -> "e^{" + nt.z(l, k, n) + "}").toList());
        String allNumbers = Tex.sum(IntStream.range(0, units).mapToObj(k -> "e^{" + Tex.num(p.z[l][k]) + "}").toList());
        out.draft(StepKind.ACTIVATION, n, caption(n, l, j) + ": softmax")
                .math(nt.a(l, j, n), Tex.frac("e^{" + nt.z(l, j, n) + "}", all),
                        Tex.frac("e^{" + Tex.num(p.z[l][j]) + "}", allNumbers), p.a[l][j])
                .of(unit(l, j)).involves(units(l)).add();
    }

    private void loss(int n) {
        Pass p = passes.get(n);
        int depth = chain.depth();
        int k = chain.output().units();
        out.draft(StepKind.LOSS, n, prefix(n) + "loss (" + chain.loss().title() + ")")
                .math(nt.loss(n), chain.loss().formula(k, u -> nt.a(depth, u, n), u -> nt.t(u, n)),
                        chain.loss().numbers(p.a[depth], p.t), p.loss)
                .involves(units(depth)).add();
    }

    private void batchLoss() {
        int count = passes.size();
        String symbols = Tex.sum(IntStream.range(0, count).mapToObj(nt::loss).toList());
        String numbers = Tex.sum(passes.stream().map(p -> Tex.factor(p.loss)).toList());
        double mean = passes.stream().mapToDouble(p -> p.loss).sum() / count;
        out.draft(StepKind.BATCH_LOSS, -1, "loss of the batch: the mean over " + count + " examples")
                .math(nt.total(), Tex.frac("1", String.valueOf(count)) + Tex.paren(symbols),
                        Tex.frac("1", String.valueOf(count)) + Tex.paren(numbers), mean)
                .involves(units(chain.depth())).add();
    }

    // ---- backward

    private void outputLayer(int n) {
        Pass p = passes.get(n);
        int l = chain.depth();
        int k = chain.units(l);
        ActivationFunction f = chain.output().activation();
        for (int j = 0; j < k; j++) {
            if (chain.softmaxCrossEntropy()) {
                out.draft(StepKind.DELTA, n, caption(n, l, j) + ": delta (softmax with cross-entropy)")
                        .math(nt.delta(l, j, n) + " = " + d(nt.loss(n), nt.z(l, j, n)), nt.a(l, j, n) + " - " + nt.t(j, n),
                                Tex.num(p.a[l][j]) + " - " + Tex.factor(p.t[j]), p.delta[l][j])
                        .of(unit(l, j)).add();
                continue;
            }
            out.draft(StepKind.OUTPUT_ERROR, n, caption(n, l, j) + ": how the loss changes with the output")
                    .math(d(nt.loss(n), nt.a(l, j, n)), chain.loss().derivativeFormula(nt.a(l, j, n), nt.t(j, n), k),
                            chain.loss().derivativeNumbers(p.a[l][j], p.t[j], k), p.error[l][j])
                    .of(unit(l, j)).add();
            slope(n, l, j);
            out.draft(StepKind.DELTA, n, caption(n, l, j) + ": delta")
                    .math(nt.delta(l, j, n), Tex.times(d(nt.loss(n), nt.a(l, j, n)), slopeSymbol(f, l, j, n)),
                            Tex.times(Tex.factor(p.error[l][j]), Tex.factor(p.slope[l][j])), p.delta[l][j])
                    .of(unit(l, j)).add();
        }
        gradients(n, l);
    }

    private void hiddenLayer(int n, int l) {
        Pass p = passes.get(n);
        ActivationFunction f = chain.layer(l).activation();
        for (int i = 0; i < chain.units(l); i++) {
            if (f.isElementWise()) {
                slope(n, l, i);
                out.draft(StepKind.HIDDEN_DELTA, n, caption(n, l, i) + ": delta, from the layer above")
                        .math(nt.delta(l, i, n), Tex.times(slopeSymbol(f, l, i, n), Tex.paren(backSymbols(n, l, i))),
                                Tex.times(Tex.factor(p.slope[l][i]), Tex.paren(backNumbers(n, l, i))), p.delta[l][i])
                        .of(unit(l, i)).involves(units(l + 1)).edges(edgesOutOf(l, i)).add();
            } else {
                out.draft(StepKind.BACKPROPAGATED_ERROR, n, caption(n, l, i) + ": how the loss changes with the activation")
                        .math(d(nt.loss(n), nt.a(l, i, n)), backSymbols(n, l, i), backNumbers(n, l, i), p.error[l][i])
                        .of(unit(l, i)).involves(units(l + 1)).edges(edgesOutOf(l, i)).add();
            }
        }
        if (!f.isElementWise()) {
            for (int i = 0; i < chain.units(l); i++) softmaxDelta(n, l, i);
        }
        gradients(n, l);
    }

    /** delta of a softmax unit: a_i (g_i - sum_k a_k g_k), g being dL/da. */
    private void softmaxDelta(int n, int l, int i) {
        Pass p = passes.get(n);
        int units = chain.units(l);
        String g = d(nt.loss(n), nt.a(l, i, n));
        String weighted = Tex.sum(IntStream.range(0, units).mapToObj(k -> nt.a(l, k, n) + " " + d(nt.loss(n), nt.a(l, k, n))).toList());
        String weightedNumbers = Tex.sum(IntStream.range(0, units)
                .mapToObj(k -> Tex.times(Tex.factor(p.a[l][k]), Tex.factor(p.error[l][k]))).toList());
        out.draft(StepKind.HIDDEN_DELTA, n, caption(n, l, i) + ": delta through softmax")
                .math(nt.delta(l, i, n), nt.a(l, i, n) + Tex.paren(g + " - " + Tex.paren(weighted)),
                        Tex.times(Tex.factor(p.a[l][i]), Tex.paren(Tex.factor(p.error[l][i]) + " - " + Tex.paren(weightedNumbers))),
                        p.delta[l][i])
                .of(unit(l, i)).involves(units(l)).add();
    }

    private void slope(int n, int l, int j) {
        Pass p = passes.get(n);
        ActivationFunction f = chain.layer(l).activation();
        out.draft(StepKind.ACTIVATION_SLOPE, n, caption(n, l, j) + ": slope of " + f.id())
                .math(slopeSymbol(f, l, j, n), f.slopeFormula(nt.z(l, j, n), nt.a(l, j, n)),
                        f.slopeNumbers(p.z[l][j], p.a[l][j]), p.slope[l][j])
                .of(unit(l, j)).add();
    }

    private String slopeSymbol(ActivationFunction f, int l, int j, int n) {
        return f.tex() + "'(" + nt.z(l, j, n) + ")";
    }

    private String backSymbols(int n, int l, int i) {
        return Tex.sum(IntStream.range(0, chain.units(l + 1)).mapToObj(j -> nt.w(l + 1, i, j) + " " + nt.delta(l + 1, j, n)).toList());
    }

    private String backNumbers(int n, int l, int i) {
        Pass p = passes.get(n);
        double[][] w = chain.layer(l + 1).w();
        return Tex.sum(IntStream.range(0, chain.units(l + 1))
                .mapToObj(j -> Tex.times(Tex.factor(w[i][j]), Tex.factor(p.delta[l + 1][j]))).toList());
    }

    private void gradients(int n, int l) {
        Pass p = passes.get(n);
        for (int j = 0; j < chain.units(l); j++) {
            for (int i = 0; i < chain.units(l - 1); i++) {
                ParameterRef ref = ParameterRef.weight(chain.id(l), i, j);
                out.draft(StepKind.WEIGHT_GRADIENT, n, prefix(n) + chain.id(l) + " " + ref.label() + ": gradient")
                        .math(d(nt.loss(n), nt.w(l, i, j)), Tex.times(nt.delta(l, j, n), nt.a(l - 1, i, n)),
                                Tex.times(Tex.factor(p.delta[l][j]), Tex.factor(p.a[l - 1][i])), p.weightGradient(l, i, j))
                        .about(ref).involves(unit(l - 1, i)).add();
            }
            ParameterRef ref = ParameterRef.bias(chain.id(l), j);
            out.draft(StepKind.BIAS_GRADIENT, n, prefix(n) + chain.id(l) + " " + ref.label() + ": gradient")
                    .math(d(nt.loss(n), nt.b(l, j)), nt.delta(l, j, n), Tex.num(p.delta[l][j]), p.biasGradient(l, j))
                    .about(ref).add();
        }
    }

    // ---- batch

    private void batchMean(Parameter p) {
        int count = passes.size();
        List<String> symbols = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            symbols.add(d(nt.loss(n), p.symbol()));
            numbers.add(Tex.factor(p.perExample(passes.get(n))));
        }
        String third = Tex.frac("1", String.valueOf(count));
        Steps.Draft draft = out.draft(StepKind.BATCH_MEAN, -1, p.ref().layer() + " " + p.ref().label() + ": mean gradient over the batch")
                .math(d(nt.total(), p.symbol()), third + Tex.paren(Tex.sum(symbols)), third + Tex.paren(Tex.sum(numbers)),
                        mean(p))
                .about(p.ref());
        if (p.ref().isWeight()) draft.involves(unit(p.layer() - 1, p.ref().row()));
        draft.add();
    }

    double mean(Parameter p) {
        return sum(p) / passes.size();
    }

    /** What DL4J's gradient view holds after computeGradientAndScore: the sum over the batch. */
    double sum(Parameter p) {
        double s = 0;
        for (Pass pass : passes) s += p.perExample(pass);
        return s;
    }

    /** Every parameter in DL4J's order: layer by layer, W row by row, then b. */
    List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (int l = 1; l <= chain.depth(); l++) {
            Chain.Layer layer = chain.layer(l);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) ps.add(new Parameter(l, ParameterRef.weight(layer.id(), i, j), nt.w(l, i, j), layer.w()[i][j]));
            }
            for (int j = 0; j < layer.units(); j++) ps.add(new Parameter(l, ParameterRef.bias(layer.id(), j), nt.b(l, j), layer.b()[j]));
        }
        return ps;
    }

    /** One parameter with its layer number (from 1), symbol and value before the update. */
    record Parameter(int layer, ParameterRef ref, String symbol, double value) {
        double perExample(Pass p) {
            return ref.isWeight() ? p.weightGradient(layer, ref.row(), ref.column()) : p.biasGradient(layer, ref.column());
        }
    }

    // ---- names and highlights

    private String prefix(int n) {
        return nt.isBatch() ? "example " + (n + 1) + ", " : "";
    }

    private String caption(int n, int l, int j) {
        return prefix(n) + chain.id(l) + " unit " + (j + 1);
    }

    private UnitRef unit(int l, int j) {
        return new UnitRef(chain.id(l), j);
    }

    private List<UnitRef> units(int l) {
        return IntStream.range(0, chain.units(l)).mapToObj(j -> unit(l, j)).toList();
    }

    private List<EdgeRef> edgesInto(int l, int j) {
        return IntStream.range(0, chain.units(l - 1)).mapToObj(i -> new EdgeRef(chain.id(l), i, j)).toList();
    }

    private List<EdgeRef> edgesOutOf(int l, int i) {
        return IntStream.range(0, chain.units(l + 1)).mapToObj(j -> new EdgeRef(chain.id(l + 1), i, j)).toList();
    }
}
