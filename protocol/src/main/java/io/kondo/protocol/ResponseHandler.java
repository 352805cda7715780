package io.kondo.protocol;

import java.nio.ByteBuffer;

/** Turns the upstream response to one forwarded request into the tenant's response frame. */
public interface ResponseHandler {

    /** The correlation id the upstream response must carry (the tenant's, unchanged). */
    int correlationId();

    /** Whether the request is a Fetch, whose response a fetch quota may replace with {@link #throttledFetch}. */
    boolean isFetch();

    /**
     * The tenant's length-prefixed response frame, with a throttle time of at least
     * {@code throttleTimeMs} where the response has that field (KIP-219: the client then holds back
     * for that long). Its record batches are views of {@code upstreamFrame}, which must stay valid
     * until the result is written.
     */
    EncodedFrame onResponse(ByteBuffer upstreamFrame, int throttleTimeMs);

    /**
     * A stream passing the response on as it arrives, instead of {@link #onResponse}; null when the
     * response must be gathered whole.
     *
     * @param frameLength    the response's length, from its prefix
     * @param throttleTimeMs the least throttle time the tenant's response carries
     */
    ResponseStream streamed(int frameLength, int throttleTimeMs);

    /**
     * For a Fetch over the tenant's fetch quota: an empty response carrying {@code throttleTimeMs},
     * as Kafka's broker answers (the client fetches the same offsets again after the throttle).
     * An incremental fetch session stays open; a full fetch gets no session.
     *
     * @throws IllegalStateException if the request is not a Fetch
     */
    EncodedFrame throttledFetch(int throttleTimeMs);
}
