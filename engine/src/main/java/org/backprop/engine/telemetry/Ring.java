package org.backprop.engine.telemetry;

import java.util.ArrayList;
import java.util.List;

/** The newest {@code capacity} items; older ones are overwritten. Synchronized like {@link TimeSeries}. */
public final class Ring<T> {
    private final Object[] items;
    private int next;
    private int size;

    public Ring(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        items = new Object[capacity];
    }

    public synchronized void add(T item) {
        items[next] = item;
        next = (next + 1) % items.length;
        size = Math.min(size + 1, items.length);
    }

    /** Oldest first. */
    @SuppressWarnings("unchecked")
    public synchronized List<T> toList() {
        List<T> out = new ArrayList<>(size);
        int start = (next - size + items.length) % items.length;
        for (int i = 0; i < size; i++) out.add((T) items[(start + i) % items.length]);
        return out;
    }

    @SuppressWarnings("unchecked")
    public synchronized T newest() {
        return size == 0 ? null : (T) items[(next - 1 + items.length) % items.length];
    }

    public synchronized void clear() {
        java.util.Arrays.fill(items, null);
        next = 0;
        size = 0;
    }
}
