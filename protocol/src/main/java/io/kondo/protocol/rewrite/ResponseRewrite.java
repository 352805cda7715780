package io.kondo.protocol.rewrite;

import io.kondo.protocol.ResponseStream;
import org.apache.kafka.common.protocol.ApiMessage;

/** Rewrites a backing response in place for the tenant, with what its request's rewrite remembered. */
@FunctionalInterface
public interface ResponseRewrite<S extends ApiMessage> {

    void rewrite(S response, short version);

    /**
     * A stream that passes the response on as it arrives, or null when it must be gathered whole
     * and {@linkplain #rewrite rewritten} (the default: only responses whose tenant frame has the
     * broker frame's length can be streamed).
     *
     * @param frameLength    the response's length, from its prefix
     * @param throttleTimeMs the least throttle time the tenant's response carries
     */
    default ResponseStream stream(short version, int correlationId, int frameLength, int throttleTimeMs) {
        return null;
    }
}
