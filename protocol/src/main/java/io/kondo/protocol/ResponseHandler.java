package io.kondo.protocol;

import java.nio.ByteBuffer;

/** Turns the upstream response to one forwarded request into the tenant's response frame. */
public interface ResponseHandler {

    /** The correlation id the upstream response must carry (the tenant's, unchanged). */
    int correlationId();

    /**
     * The tenant's length-prefixed response frame. Its record batches are views of
     * {@code upstreamFrame}, which must stay valid until the result is written.
     */
    EncodedFrame onResponse(ByteBuffer upstreamFrame);
}
