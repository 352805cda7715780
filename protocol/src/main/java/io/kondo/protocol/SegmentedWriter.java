package io.kondo.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.protocol.Writable;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * Writes a message as segments: fields go into small heap chunks, byte fields of at least
 * {@link #SHARED_BYTES} (record batches) are referenced, not copied. This is what lets the gateway
 * forward a produce request or fetch response without copying its records.
 */
final class SegmentedWriter implements Writable {

    /** Byte fields this large are shared rather than copied; smaller ones cost less to copy. */
    static final int SHARED_BYTES = 1024;
    private static final int MIN_CHUNK = 256;

    private final List<ByteBuffer> segments = new ArrayList<>();
    private ByteBuffer chunk;
    private int chunkStart;

    /** @param expectedFieldBytes a guess at the bytes of fields; chunks grow beyond it as needed */
    SegmentedWriter(int expectedFieldBytes) {
        this.chunk = ByteBuffer.allocate(Math.max(MIN_CHUNK, expectedFieldBytes));
    }

    /** The segments written so far, ending the current chunk. */
    List<ByteBuffer> finish() {
        closeChunk();
        return segments;
    }

    private void closeChunk() {
        if (chunk.position() > chunkStart) {
            segments.add(chunk.duplicate().position(chunkStart).limit(chunk.position()).slice());
            chunkStart = chunk.position();
        }
    }

    private ByteBuffer room(int bytes) {
        if (chunk.remaining() < bytes) {
            closeChunk();
            chunk = ByteBuffer.allocate(Math.max(bytes, chunk.capacity() * 2));
            chunkStart = 0;
        }
        return chunk;
    }

    @Override
    public void writeByte(byte value) {
        room(1).put(value);
    }

    @Override
    public void writeShort(short value) {
        room(2).putShort(value);
    }

    @Override
    public void writeInt(int value) {
        room(4).putInt(value);
    }

    @Override
    public void writeLong(long value) {
        room(8).putLong(value);
    }

    @Override
    public void writeDouble(double value) {
        ByteUtils.writeDouble(value, room(8));
    }

    @Override
    public void writeByteArray(byte[] array) {
        room(array.length).put(array);
    }

    @Override
    public void writeUnsignedVarint(int value) {
        ByteUtils.writeUnsignedVarint(value, room(5));
    }

    @Override
    public void writeByteBuffer(ByteBuffer buffer) {
        if (buffer.remaining() >= SHARED_BYTES) {
            closeChunk();
            segments.add(buffer.duplicate());
        } else {
            room(buffer.remaining()).put(buffer.duplicate());
        }
    }

    @Override
    public void writeVarint(int value) {
        ByteUtils.writeVarint(value, room(5));
    }

    @Override
    public void writeVarlong(long value) {
        ByteUtils.writeVarlong(value, room(10));
    }
}
