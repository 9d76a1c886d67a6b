package org.backprop.visual.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The line where a field sampled on a grid crosses a level (a decision boundary: where p = 0.5),
 * as segments between grid edges, each end placed by linear interpolation (Lorensen and Cline's
 * marching squares in 2-D). Saddle cells are resolved by the cell's centre value.
 */
public final class MarchingSquares {
    private MarchingSquares() {}

    /**
     * @param field {@code field[iy * nx + ix]}
     * @return segments {x1, y1, x2, y2} in grid coordinates (0..nx-1, 0..ny-1)
     */
    public static List<double[]> segments(double[] field, int nx, int ny, double level) {
        List<double[]> out = new ArrayList<>();
        for (int iy = 0; iy + 1 < ny; iy++) {
            for (int ix = 0; ix + 1 < nx; ix++) {
                double a = field[iy * nx + ix] - level;           // (ix, iy)
                double b = field[iy * nx + ix + 1] - level;       // (ix+1, iy)
                double c = field[(iy + 1) * nx + ix + 1] - level; // (ix+1, iy+1)
                double d = field[(iy + 1) * nx + ix] - level;     // (ix, iy+1)
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) continue;
                int code = (a > 0 ? 1 : 0) | (b > 0 ? 2 : 0) | (c > 0 ? 4 : 0) | (d > 0 ? 8 : 0);
                if (code == 0 || code == 15) continue;
                // Crossing points on the four edges: bottom (a-b), right (b-c), top (d-c), left (a-d).
                double[] bottom = {ix + t(a, b), iy};
                double[] right = {ix + 1, iy + t(b, c)};
                double[] top = {ix + t(d, c), iy + 1};
                double[] left = {ix, iy + t(a, d)};
                switch (code) {
                    case 1, 14 -> seg(out, left, bottom);
                    case 2, 13 -> seg(out, bottom, right);
                    case 3, 12 -> seg(out, left, right);
                    case 4, 11 -> seg(out, right, top);
                    case 6, 9 -> seg(out, bottom, top);
                    case 7, 8 -> seg(out, left, top);
                    case 5, 10 -> {
                        boolean centreAbove = (a + b + c + d) / 4 > 0;
                        // 5: a and c above. With the centre above they join, separating b and d.
                        if ((code == 5) == centreAbove) {
                            seg(out, left, top);
                            seg(out, bottom, right);
                        } else {
                            seg(out, left, bottom);
                            seg(out, right, top);
                        }
                    }
                    default -> { }
                }
            }
        }
        return out;
    }

    /** Where between two values the level (0) lies, 0..1. */
    private static double t(double u, double v) {
        double den = u - v;
        return den == 0 ? 0.5 : Math.max(0, Math.min(1, u / den));
    }

    private static void seg(List<double[]> out, double[] p, double[] q) {
        out.add(new double[]{p[0], p[1], q[0], q[1]});
    }
}
