package org.backprop.engine.compile;

/**
 * What the compiler learned about one layer: the DL4J layer it became, what flows out of it
 * (e.g. "4" or "14x14x8") and how many parameters it holds.
 *
 * @param dl4jIndex   the layer's index in a MultiLayerNetwork (its gradient keys are
 *                    "{index}_W"), or -1 for an input or in a ComputationGraph
 * @param dl4jName    the DL4J layer's name (a ComputationGraph's vertex): the layer's own id, or
 *                    the FeedbackLoop that computes it together with the other layers of its loop
 * @param paramPrefix what precedes the layer's parameter keys inside its DL4J layer: "" for a
 *                    layer of its own, "{id}/" inside a FeedbackLoop (keys like "1_hidden/W")
 */
public record LayerInfo(String id, int dl4jIndex, String outputShape, long outputSize, long parameterCount,
                        String dl4jName, String paramPrefix) {
    /** Ends the shape of a sequence, one vector per time step ("8 per step"); screens translate it. */
    public static final String PER_STEP = " per step";

    public LayerInfo(String id, int dl4jIndex, String outputShape, long outputSize, long parameterCount) {
        this(id, dl4jIndex, outputShape, outputSize, parameterCount, id, "");
    }
}
