package io.kondo.protocol;

import java.nio.ByteBuffer;

/** What to do with one request frame from a tenant. */
public sealed interface RequestDecision {

    /**
     * Send {@code frame} upstream. {@code response} turns the upstream response into the tenant's;
     * null when the request has no response (produce with acks=0).
     */
    record Forward(EncodedFrame frame, ResponseHandler response) implements RequestDecision {
    }

    /** Answer the tenant with {@code frame} without going upstream. */
    record Respond(ByteBuffer frame) implements RequestDecision {
    }

    /** Close the connection; {@code reason} is for the log. */
    record Close(String reason) implements RequestDecision {
    }
}
