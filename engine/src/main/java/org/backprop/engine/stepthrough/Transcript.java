package org.backprop.engine.stepthrough;

import java.util.List;

/**
 * One training iteration explained: plain, immutable data that a window, a handout or a tool
 * renders. Steps are in the order a teacher would go through them.
 *
 * @param iteration  which iteration of the session this is, from 1
 * @param loss       the project's loss id (mse, mcxent, xent, l1)
 * @param optimizer  the optimizer and its settings in words
 * @param lossBefore the loss of the batch before the update (DL4J's score)
 * @param lossAfter  the loss of the same batch after the update, as DL4J scores it
 * @param parameters every parameter, layer by layer in DL4J's order (W row by row, then b)
 * @param notes      conventions worth saying aloud (loss scale, batch averaging, precision)
 * @param timeSteps  time steps of each sequence of an unrolled recurrent network, 0 for a
 *                   feed-forward one; then each example's inputs, targets and outputs hold its
 *                   steps one after the other
 */
public record Transcript(String project, int iteration, List<LayerSummary> layers, String loss, String optimizer,
                         List<Example> examples, double lossBefore, double lossAfter, List<Step> steps,
                         List<ParameterChange> parameters, List<String> notes, int timeSteps) {

    public Transcript {
        layers = List.copyOf(layers);
        examples = List.copyOf(examples);
        steps = List.copyOf(steps);
        parameters = List.copyOf(parameters);
        notes = List.copyOf(notes);
    }

    public boolean isRecurrent() {
        return timeSteps > 0;
    }

    public LayerSummary outputLayer() {
        return layers.get(layers.size() - 1);
    }

    public ParameterChange parameter(ParameterRef ref) {
        return parameters.stream().filter(p -> p.parameter().equals(ref)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + ref));
    }

    public List<Step> steps(StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The steps from the loss down to one parameter and its update: its whole chain. */
    public List<Step> chainOf(ParameterRef ref) {
        return GradientChain.of(this, ref);
    }
}
