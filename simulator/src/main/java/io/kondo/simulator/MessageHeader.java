package io.kondo.simulator;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The first bytes of every simulated message value: who sent it and in what order, so consumers can
 * tell lost, duplicated and reordered messages apart, and when, for end-to-end latency.
 * Layout (big-endian): version (1), run tag (4), tenant index (4), producer index (4), sequence (8),
 * send time in ticker nanoseconds (8).
 *
 * @param runTag   distinguishes this run's messages from anything else in the topic
 * @param tenant   the sending tenant's index
 * @param producer the producer's index within its tenant
 * @param sequence the message's position in the producer's stream to that partition, from 0
 * @param sentNanos when it was handed to the producer ({@link Ticker} time of the sending JVM)
 */
record MessageHeader(int runTag, int tenant, int producer, long sequence, long sentNanos) {

    static final int BYTES = 29;
    private static final byte VERSION = 1;

    /** A value of {@code size} bytes starting with this header, the rest copied from {@code filler}. */
    byte[] encode(int size, byte[] filler) {
        byte[] value = new byte[Math.max(size, BYTES)];
        ByteBuffer.wrap(value).put(VERSION).putInt(runTag).putInt(tenant).putInt(producer).putLong(sequence).putLong(sentNanos);
        int rest = value.length - BYTES;
        int offset = 0;
        while (offset < rest) {
            int chunk = Math.min(filler.length, rest - offset);
            System.arraycopy(filler, 0, value, BYTES + offset, chunk);
            offset += chunk;
        }
        return value;
    }

    /** The header of a value, or empty if it does not carry one (not the simulator's message). */
    static Optional<MessageHeader> decode(byte[] value) {
        if (value == null || value.length < BYTES || value[0] != VERSION) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(value, 1, BYTES - 1);
        return Optional.of(new MessageHeader(buffer.getInt(), buffer.getInt(), buffer.getInt(), buffer.getLong(), buffer.getLong()));
    }
}
