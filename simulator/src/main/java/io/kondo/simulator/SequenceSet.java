package io.kondo.simulator;

import java.util.BitSet;

/**
 * A set of non-negative sequence numbers in bounded memory: every number below a low watermark is
 * in the set, and a bit set covers the window above it. Memory grows with the gaps in the set (lost
 * or not yet seen numbers), not with how many numbers it holds. Not thread-safe.
 */
final class SequenceSet {

    /** Slide the window once this many leading numbers are contiguous. */
    private static final int COMPACT_AT = 4_096;
    /** Bound on the window: a set with a gap wider than this refuses numbers past it. */
    static final long MAX_WINDOW = 1L << 30;

    private long base;
    private BitSet window = new BitSet();
    private long size;

    /** Adds {@code sequence}; false if it was already present. */
    boolean add(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence numbers are not negative, got " + sequence);
        }
        if (sequence < base) {
            return false;
        }
        long offset = sequence - base;
        if (offset >= MAX_WINDOW) {
            throw new IllegalStateException("sequence " + sequence + " is more than " + MAX_WINDOW + " past the first missing one " + base);
        }
        int bit = (int) offset;
        if (window.get(bit)) {
            return false;
        }
        window.set(bit);
        size++;
        int contiguous = window.nextClearBit(0);
        if (contiguous >= COMPACT_AT) {
            window = window.get(contiguous, Math.max(contiguous, window.length()));
            base += contiguous;
        }
        return true;
    }

    boolean contains(long sequence) {
        if (sequence < 0) {
            return false;
        }
        if (sequence < base) {
            return true;
        }
        long offset = sequence - base;
        return offset < MAX_WINDOW && window.get((int) offset);
    }

    long size() {
        return size;
    }

    /** How many numbers of this set are not in {@code other}. */
    long countMissingFrom(SequenceSet other) {
        long missing = 0;
        for (long s = other.base; s < base; s++) {
            if (!other.contains(s)) {
                missing++;
            }
        }
        for (int bit = window.nextSetBit(0); bit >= 0; bit = window.nextSetBit(bit + 1)) {
            if (!other.contains(base + bit)) {
                missing++;
            }
        }
        return missing;
    }
}
