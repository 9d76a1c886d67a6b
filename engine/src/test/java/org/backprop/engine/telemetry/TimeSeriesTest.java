package org.backprop.engine.telemetry;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TimeSeriesTest {

    @Test
    void aMillionSamplesStayWithinTheCapacityAndKeepTheirExtremesCountsAndMean() {
        TimeSeries s = new TimeSeries(256);
        Random r = new Random(3);
        double total = 0;
        for (long i = 1; i <= 1_000_000; i++) {
            double v = r.nextGaussian();
            if (i == 123_457) v = 1e6;   // one spike in a million
            if (i == 777_777) v = -1e6;  // one dip
            s.add(i, v);
            total += v;
        }
        TimeSeries.Points p = s.points();
        assertTrue(p.size() <= s.capacity(), "bounded: " + p.size());
        assertTrue(p.size() >= s.capacity() / 2, "but not thrown away: " + p.size());
        assertEquals(1e6, Arrays.stream(p.max()).max().orElseThrow(), "the spike survives every merge");
        assertEquals(-1e6, Arrays.stream(p.min()).min().orElseThrow(), "so does the dip");
        assertEquals(1_000_000, Arrays.stream(p.count()).sum(), "every sample is counted once");
        double weighted = 0;
        for (int i = 0; i < p.size(); i++) weighted += p.mean()[i] * p.count()[i];
        assertEquals(total, weighted, 1e-6 * Math.abs(total) + 1e-6);
        assertEquals(1, p.first()[0]);
        assertEquals(1_000_000, p.last()[p.size() - 1]);
        for (int i = 1; i < p.size(); i++) assertEquals(p.last()[i - 1] + 1, p.first()[i], "points tile the iterations");
        assertEquals(Long.bitCount(s.stride()), 1, "each merge doubles the stride");
    }

    @Test
    void theBackingArraysNeverGrow() throws Exception {
        TimeSeries s = new TimeSeries(64);
        long[] before = (long[]) field(s, "first");
        for (long i = 1; i <= 100_000; i++) s.add(i, i);
        assertSame(before, field(s, "first"), "the same arrays, however long the run");
        assertEquals(64, ((long[]) field(s, "first")).length);
    }

    @Test
    void aNanSampleDoesNotEraseTheExtremesButShowsInTheMean() {
        TimeSeries s = new TimeSeries(4);
        s.add(1, 2);
        s.add(2, Double.NaN);
        s.add(3, -3);
        for (long i = 4; i <= 9; i++) s.add(i, 0); // forces merges
        TimeSeries.Points p = s.points();
        assertEquals(2, Arrays.stream(p.max()).filter(d -> !Double.isNaN(d)).max().orElseThrow());
        assertEquals(-3, Arrays.stream(p.min()).filter(d -> !Double.isNaN(d)).min().orElseThrow());
        assertTrue(Double.isNaN(p.mean()[0]));
    }

    @Test
    void clearStartsOver() {
        TimeSeries s = new TimeSeries(4);
        for (long i = 1; i <= 10; i++) s.add(i, i);
        s.clear();
        assertTrue(s.isEmpty());
        assertEquals(1, s.stride());
        s.add(1, 5);
        assertEquals(5, s.lastMean());
    }

    @Test
    void theRingKeepsTheNewest() {
        Ring<Integer> r = new Ring<>(3);
        for (int i = 1; i <= 5; i++) r.add(i);
        assertEquals(java.util.List.of(3, 4, 5), r.toList());
        assertEquals(5, r.newest());
    }

    private static Object field(Object o, String name) throws Exception {
        var f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }
}
