package io.kondo.protocol;

import java.nio.ByteBuffer;

/**
 * A response passed on to the tenant while it is still arriving from the broker (cut-through),
 * instead of being gathered whole first. Used for Fetch responses, whose record batches run to
 * megabytes and need no rewriting: only the small fields around them are read and checked, and
 * the tenant's frame has the same length as the broker's, so its length prefix can go out first.
 *
 * <p>The caller feeds the bytes after the frame's length prefix as they arrive, in order, and
 * sends on what the stream hands to its {@link Sink}, in order.
 */
public interface ResponseStream {

    /** Where the tenant's bytes go. */
    interface Sink {

        /** Bytes to send, in a buffer the sink may keep (a copy of fields, possibly rewritten). */
        void copied(ByteBuffer bytes);

        /** Bytes to send that are {@code length} bytes of the current input from {@code position} on, unchanged. */
        void shared(int position, int length);
    }

    /**
     * Reads what it can of {@code input} (from its position; on return the position is after what
     * was used) and hands what the tenant gets to {@code sink}. Bytes of an incomplete field may be
     * kept for the next call.
     *
     * @return true once the whole frame has been read; the rest of {@code input} belongs to the next frame
     * @throws org.apache.kafka.common.errors.InvalidRequestException if the bytes are not a valid
     *         response, or name data the tenant may not see; the connection must then be closed,
     *         as part of the frame has been sent
     */
    boolean read(ByteBuffer input, Sink sink);
}
