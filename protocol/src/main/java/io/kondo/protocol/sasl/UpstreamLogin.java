package io.kondo.protocol.sasl;

import io.kondo.protocol.BackingApiVersions;
import io.kondo.protocol.Frames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Kondo's own start of a connection to a backing broker: ApiVersions (which also tells what the
 * backing cluster supports), then SASL/PLAIN as the internal superuser when configured. Correlation
 * ids are negative, so they cannot be mistaken for a client's.
 *
 * <p>Single use: once it has answered {@link Step.Done} or {@link Step.Failed} it keeps nothing of
 * the exchange (the broker's ApiVersions go out with {@code Done}, to a caller that wants them), so
 * a login held for the life of its connection costs no more than its credentials.
 */
public final class UpstreamLogin {

    /** The next thing to do on the upstream connection. */
    public sealed interface Step {
        record Send(ByteBuffer frame) implements Step {
        }

        record Done(BackingApiVersions versions) implements Step {
        }

        record Failed(String reason) implements Step {
        }
    }

    private static final String CLIENT_ID = "kondo-gateway";
    private static final short API_VERSIONS_VERSION = 3;
    private static final short HANDSHAKE_VERSION = 1;
    private static final short AUTHENTICATE_VERSION = 2;

    private final UpstreamCredentials credentials;
    private ApiKeys awaiting;
    private BackingApiVersions versions;

    public UpstreamLogin(UpstreamCredentials credentials) {
        this.credentials = credentials;
    }

    /** The first frame to send (length-prefixed). */
    public ByteBuffer start() {
        return send(ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, -1, new ApiVersionsRequestData()
                .setClientSoftwareName("kondo-gateway").setClientSoftwareVersion("1"));
    }

    /** Handles a response frame (without its length prefix). */
    public Step onResponse(ByteBuffer frame) {
        if (awaiting == null) {
            return new Step.Failed("a response from the backing broker after the login was over");
        }
        Step step;
        try {
            ApiMessage response = Frames.decodeResponse(frame, awaiting,
                    awaiting == ApiKeys.API_VERSIONS ? API_VERSIONS_VERSION
                            : awaiting == ApiKeys.SASL_HANDSHAKE ? HANDSHAKE_VERSION : AUTHENTICATE_VERSION);
            step = next(response);
        } catch (RuntimeException e) {
            step = new Step.Failed("unreadable " + awaiting + " response from the backing broker: " + e.getMessage());
        }
        if (!(step instanceof Step.Send)) {
            awaiting = null;
            versions = null;
        }
        return step;
    }

    private Step next(ApiMessage response) {
        if (response instanceof ApiVersionsResponseData apiVersions) {
            if (apiVersions.errorCode() != Errors.NONE.code()) {
                return new Step.Failed("backing broker refused ApiVersions: " + Errors.forCode(apiVersions.errorCode()));
            }
            versions = BackingApiVersions.of(apiVersions);
            if (credentials.username().isEmpty()) {
                return new Step.Done(versions);
            }
            return new Step.Send(send(ApiKeys.SASL_HANDSHAKE, HANDSHAKE_VERSION, -2,
                    new SaslHandshakeRequestData().setMechanism("PLAIN")));
        }
        if (response instanceof SaslHandshakeResponseData handshake) {
            if (handshake.errorCode() != Errors.NONE.code()) {
                return new Step.Failed("backing broker refused SASL/PLAIN: " + Errors.forCode(handshake.errorCode())
                        + ", it offers " + handshake.mechanisms());
            }
            byte[] token = ("\0" + credentials.username().get() + "\0" + credentials.password()).getBytes(StandardCharsets.UTF_8);
            return new Step.Send(send(ApiKeys.SASL_AUTHENTICATE, AUTHENTICATE_VERSION, -3,
                    new SaslAuthenticateRequestData().setAuthBytes(token)));
        }
        SaslAuthenticateResponseData authenticate = (SaslAuthenticateResponseData) response;
        if (authenticate.errorCode() != Errors.NONE.code()) {
            return new Step.Failed("backing broker refused Kondo's credentials: " + authenticate.errorMessage());
        }
        return new Step.Done(versions);
    }

    private ByteBuffer send(ApiKeys api, short version, int correlationId, ApiMessage body) {
        awaiting = api;
        RequestHeader header = new RequestHeader(new RequestHeaderData().setRequestApiKey(api.id).setRequestApiVersion(version)
                .setCorrelationId(correlationId).setClientId(CLIENT_ID), api.requestHeaderVersion(version));
        return Frames.encodeRequest(header, body);
    }
}
