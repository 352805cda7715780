package io.kondo.protocol.sasl;

import io.kondo.core.credential.ApiKey;
import java.nio.ByteBuffer;

/** The outcome of one frame of a client's authentication. */
public sealed interface AuthStep {

    /** Send {@code frame} and wait for the client's next one. */
    record Reply(ByteBuffer frame) implements AuthStep {
    }

    /** Send {@code frame}: the client is now authenticated as {@code apiKey}. */
    record Authenticated(ByteBuffer frame, ApiKey apiKey, String mechanism) implements AuthStep {
    }

    /** Send {@code frame} if not null, then close. {@code reason} is for the log, never the client. */
    record Refused(ByteBuffer frame, String reason) implements AuthStep {
    }
}
