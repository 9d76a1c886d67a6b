package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The generated sequence sets (see {@link DataSpec} for their fields): waves to predict one step
 * ahead, and the two classic long-range memory tests, the adding problem and copy memory, whose
 * {@code lag} sets how far back the network must carry what it saw.
 */
final class SequenceSets {
    private SequenceSets() {}

    static SequenceExamples generate(DataSpec spec) throws DataException {
        Random r = new Random(spec.seed() == null ? 1 : spec.seed());
        int n = spec.samples() == null ? 200 : spec.samples();
        return switch (spec.source()) {
            case "sine", "sawtooth", "square" -> wave(spec.source(), n, spec.length() == null ? 32 : spec.length(),
                    spec.period() == null ? 16 : spec.period(), spec.noise() == null ? 0 : spec.noise(), r);
            case "adding" -> {
                int length = spec.length() == null ? 20 : spec.length();
                yield adding(n, length, spec.lag() == null ? length / 2 : spec.lag(), r);
            }
            case "copy" -> copy(n, spec.length() == null ? 3 : spec.length(), spec.lag() == null ? 10 : spec.lag(),
                    spec.symbols() == null ? 4 : spec.symbols(), r);
            default -> throw new DataException("unknown generated sequence set \"" + spec.source() + "\"");
        };
    }

    /** Input: the wave (plus noise) at step t; target: the same noisy wave at t+1. */
    static SequenceExamples wave(String shape, int n, int length, double period, double noise, Random r) {
        double[][][] x = new double[n][length][1];
        double[][][] y = new double[n][length][1];
        for (int i = 0; i < n; i++) {
            double phase = r.nextDouble();
            double[] v = new double[length + 1];
            for (int t = 0; t <= length; t++) v[t] = value(shape, t / period + phase) + noise * r.nextGaussian();
            for (int t = 0; t < length; t++) {
                x[i][t][0] = v[t];
                y[i][t][0] = v[t + 1];
            }
        }
        return new SequenceExamples(x, y, everyStep(n, length), List.of());
    }

    /** One period is cycle in [0, 1); every shape spans [-1, 1]. */
    private static double value(String shape, double cycle) {
        double c = cycle - Math.floor(cycle);
        return switch (shape) {
            case "sine" -> Math.sin(2 * Math.PI * c);
            case "sawtooth" -> 2 * c - 1;
            case "square" -> c < 0.5 ? 1 : -1;
            default -> throw new IllegalArgumentException(shape);
        };
    }

    static SequenceExamples adding(int n, int length, int lag, Random r) throws DataException {
        if (lag >= length) {
            throw new DataException("adding: lag (" + lag + ") must be below the sequence length (" + length + ")");
        }
        double[][][] x = new double[n][length][2];
        double[][][] y = new double[n][length][1];
        boolean[][] has = new boolean[n][length];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) x[i][t][0] = r.nextDouble();
            int first = r.nextInt(length - lag);                        // at least lag steps before the last one
            int from = Math.max(first + 1, length - lag);
            int second = from + r.nextInt(length - from);
            x[i][first][1] = 1;
            x[i][second][1] = 1;
            y[i][length - 1][0] = x[i][first][0] + x[i][second][0];
            has[i][length - 1] = true;
        }
        return new SequenceExamples(x, y, has, List.of());
    }

    /**
     * Inputs one-hot over the symbols, then blank and go; the go marker ends the lag, and the
     * targets (one-hot over the symbols) are the remembered symbols at the last {@code count} steps.
     */
    static SequenceExamples copy(int n, int count, int lag, int symbols, Random r) {
        int length = 2 * count + lag;
        int blank = symbols;
        int go = symbols + 1;
        double[][][] x = new double[n][length][symbols + 2];
        double[][][] y = new double[n][length][symbols];
        boolean[][] has = new boolean[n][length];
        for (int i = 0; i < n; i++) {
            int[] seq = IntStream.range(0, count).map(k -> r.nextInt(symbols)).toArray();
            for (int t = 0; t < length; t++) {
                int in = t < count ? seq[t] : t == count + lag - 1 ? go : blank;
                x[i][t][in] = 1;
                if (t >= count + lag) {
                    y[i][t][seq[t - count - lag]] = 1;
                    has[i][t] = true;
                }
            }
        }
        return new SequenceExamples(x, y, has, IntStream.range(0, symbols).mapToObj(String::valueOf).toList());
    }

    static boolean[][] everyStep(int n, int length) {
        boolean[][] m = new boolean[n][length];
        for (boolean[] row : m) java.util.Arrays.fill(row, true);
        return m;
    }
}
