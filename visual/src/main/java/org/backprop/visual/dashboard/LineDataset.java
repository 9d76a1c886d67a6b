package org.backprop.visual.dashboard;

import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a curve chart draws this frame: each a decimated {@link Decimator.Line} with its
 * look. Replaced wholesale once per frame and announced with one change event, so JFreeChart
 * redraws once, whatever the number of points behind it.
 */
final class LineDataset extends AbstractXYDataset {

    /**
     * @param xScale multiplies x (1 for iterations, 1 / iterations-per-epoch for epochs)
     * @param shape  marker drawn at each point, or null for none
     * @param line   whether points are joined
     */
    record Entry(String key, Decimator.Line data, double xScale, Paint paint, Stroke stroke, Shape shape, boolean line) {}

    private List<Entry> entries = List.of();
    private boolean positiveOnly;

    void set(List<Entry> e, boolean positiveOnly) {
        this.entries = new ArrayList<>(e);
        this.positiveOnly = positiveOnly;
        fireDatasetChanged();
    }

    Entry entry(int series) {
        return entries.get(series);
    }

    @Override
    public int getSeriesCount() {
        return entries.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return entries.get(series).key();
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getItemCount(int series) {
        return entries.get(series).data().size();
    }

    @Override
    public double getXValue(int series, int item) {
        Entry e = entries.get(series);
        return e.data().x(item) * e.xScale();
    }

    /** On a log axis a loss of 0 has no place: it becomes a gap. */
    @Override
    public double getYValue(int series, int item) {
        double y = entries.get(series).data().y(item);
        return positiveOnly && y <= 0 ? Double.NaN : y;
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }
}
