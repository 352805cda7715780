package io.kondo.protocol.sasl;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.credential.PlainAuthenticator;
import io.kondo.core.credential.SaslAuthenticationException;
import io.kondo.core.credential.ScramAuthenticator;
import io.kondo.core.credential.ScramMechanism;
import io.kondo.core.credential.ScramServerExchange;
import io.kondo.protocol.ApiVersionsAdvertiser;
import io.kondo.protocol.Frames;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * A client's authentication, frame by frame: ApiVersions at any time, then SaslHandshake (v1)
 * naming PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, then SaslAuthenticate until done. Any other
 * request before authentication, or any failure, ends the connection; a failed attempt is told
 * SASL_AUTHENTICATION_FAILED first. No session lifetime is announced, so clients do not re-authenticate
 * (revocation closes connections instead).
 */
public final class ClientAuthentication {

    public static final String PLAIN = "PLAIN";
    private static final List<String> MECHANISMS =
            List.of(PLAIN, ScramMechanism.SCRAM_SHA_256.saslName(), ScramMechanism.SCRAM_SHA_512.saslName());

    private enum State { AWAITING_HANDSHAKE, AWAITING_AUTHENTICATE, AWAITING_SCRAM_FINAL, DONE }

    private final PlainAuthenticator plain;
    private final ScramAuthenticator scram;
    private final ApiVersionsAdvertiser versions;
    private State state = State.AWAITING_HANDSHAKE;
    private String mechanism;
    private ScramServerExchange exchange;
    private RequestHeader authenticatedBy;

    public ClientAuthentication(PlainAuthenticator plain, ScramAuthenticator scram, ApiVersionsAdvertiser versions) {
        this.plain = plain;
        this.scram = scram;
        this.versions = versions;
    }

    /** Handles one frame (without its length prefix) from the unauthenticated client. */
    public AuthStep onFrame(ByteBuffer frame) {
        if (state == State.DONE) {
            throw new IllegalStateException("authentication is over");
        }
        if (frame.remaining() >= 8 && frame.getShort(frame.position()) == ApiKeys.API_VERSIONS.id
                && state == State.AWAITING_HANDSHAKE) {
            return new AuthStep.Reply(versions.respond(frame));
        }
        Frames.Request request;
        try {
            request = Frames.decodeRequest(frame);
        } catch (InvalidRequestException e) {
            return refuse(null, "undecodable frame before authentication: " + e.getMessage());
        }
        RequestHeader header = request.header();
        if (header.apiKey() == ApiKeys.SASL_HANDSHAKE && state == State.AWAITING_HANDSHAKE) {
            return handshake(header, (SaslHandshakeRequestData) request.body());
        }
        if (header.apiKey() == ApiKeys.SASL_AUTHENTICATE
                && (state == State.AWAITING_AUTHENTICATE || state == State.AWAITING_SCRAM_FINAL)) {
            return authenticate(header, (SaslAuthenticateRequestData) request.body());
        }
        return refuse(null, header.apiKey() + " before authentication");
    }

    private AuthStep handshake(RequestHeader header, SaslHandshakeRequestData body) {
        SaslHandshakeResponseData response = new SaslHandshakeResponseData().setMechanisms(MECHANISMS);
        if (header.apiVersion() < 1) {
            return refuse(respond(header, response.setErrorCode(Errors.UNSUPPORTED_VERSION.code())),
                    "SaslHandshake v0 (unframed SASL) is not supported");
        }
        if (!MECHANISMS.contains(body.mechanism())) {
            return refuse(respond(header, response.setErrorCode(Errors.UNSUPPORTED_SASL_MECHANISM.code())),
                    "unsupported SASL mechanism " + body.mechanism());
        }
        mechanism = body.mechanism();
        if (!mechanism.equals(PLAIN)) {
            exchange = scram.start(mechanism.equals(ScramMechanism.SCRAM_SHA_256.saslName())
                    ? ScramMechanism.SCRAM_SHA_256 : ScramMechanism.SCRAM_SHA_512);
        }
        state = State.AWAITING_AUTHENTICATE;
        return new AuthStep.Reply(respond(header, response.setErrorCode(Errors.NONE.code())));
    }

    private AuthStep authenticate(RequestHeader header, SaslAuthenticateRequestData body) {
        try {
            if (exchange == null) {
                ApiKey key = plain.authenticate(body.authBytes());
                return done(header, new byte[0], key);
            }
            byte[] challenge = exchange.evaluate(body.authBytes());
            if (exchange.isComplete()) {
                return done(header, challenge, exchange.authenticated());
            }
            state = State.AWAITING_SCRAM_FINAL;
            return new AuthStep.Reply(respond(header, new SaslAuthenticateResponseData()
                    .setErrorCode(Errors.NONE.code()).setAuthBytes(challenge)));
        } catch (SaslAuthenticationException e) {
            SaslAuthenticateResponseData failed = new SaslAuthenticateResponseData()
                    .setErrorCode(Errors.SASL_AUTHENTICATION_FAILED.code())
                    .setErrorMessage(e.getMessage() + " (mechanism " + mechanism + ")")
                    .setAuthBytes(new byte[0]);
            return refuse(respond(header, failed), "authentication failed with " + mechanism + ": " + e.getMessage());
        }
    }

    /**
     * The answer to the last SaslAuthenticate when the credentials were right but the connection may
     * not stay (the tenant has all the connections its plan allows). POLICY_VIOLATION rather than an
     * authentication error: Kafka clients treat authentication errors as fatal, but retry this one
     * after their reconnect backoff, by when a connection may have closed. {@code message} is shown
     * to the client.
     *
     * @throws IllegalStateException before the client is authenticated
     */
    public ByteBuffer refusalAfterLogin(String message) {
        if (authenticatedBy == null) {
            throw new IllegalStateException("the client is not authenticated");
        }
        return respond(authenticatedBy, new SaslAuthenticateResponseData().setErrorCode(Errors.POLICY_VIOLATION.code())
                .setErrorMessage(message).setAuthBytes(new byte[0]));
    }

    private AuthStep done(RequestHeader header, byte[] finalMessage, ApiKey key) {
        state = State.DONE;
        authenticatedBy = header;
        return new AuthStep.Authenticated(respond(header, new SaslAuthenticateResponseData()
                .setErrorCode(Errors.NONE.code()).setAuthBytes(finalMessage).setSessionLifetimeMs(0)), key, mechanism);
    }

    private AuthStep refuse(ByteBuffer frame, String reason) {
        state = State.DONE;
        return new AuthStep.Refused(frame, reason);
    }

    private static ByteBuffer respond(RequestHeader header, org.apache.kafka.common.protocol.ApiMessage body) {
        return Frames.encodeResponse(header.correlationId(), header.apiKey(), header.apiVersion(), body);
    }
}
