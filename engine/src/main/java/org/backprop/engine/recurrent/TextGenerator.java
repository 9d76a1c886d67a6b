package org.backprop.engine.recurrent;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * Writes text with a network trained on next-character prediction (the {@code text} data source):
 * the prompt is fed one character at a time, then each next character is drawn from the network's
 * softmax and fed back in. Works on a copy of the model, so training can go on meanwhile.
 */
public final class TextGenerator {
    private TextGenerator() {}

    /**
     * @param alphabet    the data's class names: one character per input and output column
     * @param temperature below 1 sharpens the distribution (safer, more repetitive), above 1 flattens it
     * @return the prompt followed by {@code length} generated characters
     */
    public static String generate(Model model, List<String> alphabet, String prompt, int length, double temperature, long seed) {
        if (prompt.isEmpty()) throw new IllegalArgumentException("the prompt needs at least one character");
        if (temperature <= 0) throw new IllegalArgumentException("temperature must be above 0, got " + temperature);
        for (char c : prompt.toCharArray()) {
            if (!alphabet.contains(String.valueOf(c))) {
                throw new IllegalArgumentException("'" + c + "' is not in the text's alphabet: " + String.join("", alphabet));
            }
        }
        Model copy = model instanceof MultiLayerNetwork n ? n.clone() : ((ComputationGraph) model).clone();
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(prompt);
        INDArray out = null;
        for (char c : prompt.toCharArray()) out = step(copy, alphabet, alphabet.indexOf(String.valueOf(c)));
        for (int i = 0; i < length; i++) {
            int next = sample(out, temperature, random);
            text.append(alphabet.get(next));
            out = step(copy, alphabet, next);
        }
        return text.toString();
    }

    /** One time step with the carried recurrent state; the output's probabilities per character. */
    private static INDArray step(Model model, List<String> alphabet, int index) {
        INDArray x = Nd4j.zeros(model.params().dataType(), 1, alphabet.size(), 1);
        x.putScalar(new long[]{0, index, 0}, 1.0);
        INDArray y = model instanceof MultiLayerNetwork n ? n.rnnTimeStep(x) : ((ComputationGraph) model).rnnTimeStep(x)[0];
        return y.reshape(alphabet.size());
    }

    static int sample(INDArray probabilities, double temperature, Random random) {
        double[] p = probabilities.toDoubleVector();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.pow(Math.max(p[i], 0), 1 / temperature);
            sum += p[i];
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            r -= p[i];
            if (r <= 0) return i;
        }
        return p.length - 1;
    }
}
