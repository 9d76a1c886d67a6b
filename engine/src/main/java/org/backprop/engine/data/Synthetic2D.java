package org.backprop.engine.data;

import org.backprop.engine.project.DataSpec;

import java.util.List;
import java.util.Random;

/**
 * The 2-D sets people know from the classroom. Points lie in [-1, 1]^2 (scaled from
 * TensorFlow Playground's [-6, 6]); class sets have two classes.
 */
final class Synthetic2D {
    private Synthetic2D() {}

    static Examples generate(DataSpec spec) throws DataException {
        String source = spec.source();
        if (source.equals("xor-gate")) {
            return Examples.classes(new double[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[]{0, 1, 1, 0}, List.of("0", "1"));
        }
        int n = spec.samples() == null ? 200 : spec.samples();
        double noise = spec.noise() == null ? 0 : spec.noise();
        Random r = new Random(spec.seed() == null ? 1 : spec.seed());
        double[][] x = new double[n][2];
        int[] y = new int[n];
        double[][] v = new double[n][1];
        for (int i = 0; i < n; i++) {
            switch (source) {
                case "circle" -> {
                    // Playground: a disc of radius 0.5 is one class, a ring from 0.7 to 1 the other.
                    boolean inner = i < n / 2;
                    double radius = inner ? r.nextDouble() * 0.5 : 0.7 + r.nextDouble() * 0.3;
                    double angle = r.nextDouble() * 2 * Math.PI;
                    x[i][0] = radius * Math.sin(angle) + noise * 0.5 * (r.nextDouble() * 2 - 1);
                    x[i][1] = radius * Math.cos(angle) + noise * 0.5 * (r.nextDouble() * 2 - 1);
                    y[i] = inner ? 1 : 0;
                }
                case "xor" -> {
                    double a = r.nextDouble() * 2 - 1;
                    double b = r.nextDouble() * 2 - 1;
                    a += a > 0 ? 0.05 : -0.05;
                    b += b > 0 ? 0.05 : -0.05;
                    x[i][0] = a + noise * 0.5 * (r.nextDouble() * 2 - 1);
                    x[i][1] = b + noise * 0.5 * (r.nextDouble() * 2 - 1);
                    y[i] = a * b >= 0 ? 1 : 0;
                }
                case "gaussians" -> {
                    boolean pos = i < n / 2;
                    double c = pos ? 0.35 : -0.35;
                    double sd = 0.1 + noise * 0.3;
                    x[i][0] = c + r.nextGaussian() * sd;
                    x[i][1] = c + r.nextGaussian() * sd;
                    y[i] = pos ? 1 : 0;
                }
                case "spiral" -> {
                    boolean pos = i < n / 2;
                    int k = pos ? i : i - n / 2;
                    double t = 1.75 * k / (n / 2.0) * 2 * Math.PI;
                    double radius = 0.83 * k / (n / 2.0);
                    double delta = pos ? 0 : Math.PI;
                    x[i][0] = radius * Math.sin(t + delta) + noise * 0.1 * (r.nextDouble() * 2 - 1);
                    x[i][1] = radius * Math.cos(t + delta) + noise * 0.1 * (r.nextDouble() * 2 - 1);
                    y[i] = pos ? 1 : 0;
                }
                case "plane" -> {
                    double a = r.nextDouble() * 2 - 1;
                    double b = r.nextDouble() * 2 - 1;
                    x[i][0] = a;
                    x[i][1] = b;
                    v[i][0] = (a + b) / 2 + noise * 0.5 * (r.nextDouble() * 2 - 1);
                }
                default -> throw new DataException("unknown generated data set \"" + source + "\"");
            }
        }
        return source.equals("plane") ? Examples.values(x, v) : Examples.classes(x, y, List.of("0", "1"));
    }
}
