package io.kondo.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A length-prefixed frame as a list of segments to write one after the other. Large byte fields
 * (record batches above all) are not copied: their segments are views of the frame they were
 * decoded from, so that frame's memory must stay valid until this one is written. The writer
 * decides how to hold on to it (the gateway turns such views into retained slices of the input).
 */
public final class EncodedFrame {

    private final List<ByteBuffer> segments;
    private final int sizeInBytes;

    EncodedFrame(List<ByteBuffer> segments) {
        this.segments = List.copyOf(segments);
        int size = 0;
        for (ByteBuffer segment : this.segments) {
            size += segment.remaining();
        }
        this.sizeInBytes = size;
    }

    /** A frame made of {@code segments}, written in order; the first starts with the length prefix. */
    public static EncodedFrame of(ByteBuffer... segments) {
        return new EncodedFrame(List.of(segments));
    }

    /** The segments in order, each positioned at its first byte; do not modify them. */
    public List<ByteBuffer> segments() {
        return segments;
    }

    /** The size of the whole frame, length prefix included. */
    public int sizeInBytes() {
        return sizeInBytes;
    }

    /** The frame copied into one buffer (for tests and small frames). */
    public ByteBuffer toByteBuffer() {
        ByteBuffer whole = ByteBuffer.allocate(sizeInBytes);
        for (ByteBuffer segment : segments) {
            whole.put(segment.duplicate());
        }
        return whole.flip();
    }
}
