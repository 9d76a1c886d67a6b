package org.backprop.engine.stepthrough;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The steps a parameter's gradient is built from. In a dense chain a parameter of layer l feeding
 * unit j depends on the loss, on every delta above layer l (each unit there is reached from j),
 * and on unit j's own slope and delta (on every unit of its layer where that is a softmax); then
 * come its gradient, its batch mean and its update. Unrolled through time, every unit of the
 * recurrent layer reaches every other one through RW at the next step, so a parameter of that layer
 * depends on the whole layer's backward steps, at every time step.
 */
final class GradientChain {
    private GradientChain() {}

    static List<Step> of(Transcript t, ParameterRef ref) {
        t.parameter(ref); // fails for a parameter that is not in the transcript
        Map<String, Integer> number = t.layers().stream().collect(Collectors.toMap(LayerSummary::id, LayerSummary::number));
        int layer = number.get(ref.layer());
        boolean softmax = "softmax".equals(t.layers().get(layer).activation());
        boolean wholeLayer = softmax || (t.isRecurrent() && layer < t.layers().size() - 1);
        return t.steps().stream().filter(s -> switch (s.kind().phase()) {
            case FORWARD -> false;
            case LOSS -> true;
            case BACKWARD -> s.parameter() != null ? s.parameter().equals(ref)
                    : s.unit() != null && (number.get(s.unit().layer()) > layer || s.unit().equals(ref.unit())
                    || (wholeLayer && s.unit().layer().equals(ref.layer())));
            case AVERAGE -> ref.equals(s.parameter());
            case UPDATE -> s.parameter() == null || s.parameter().equals(ref);
        }).toList();
    }
}
