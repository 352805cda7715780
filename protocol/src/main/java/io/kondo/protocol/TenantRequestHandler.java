package io.kondo.protocol;

import io.kondo.protocol.rewrite.ApiRewrite;
import io.kondo.protocol.rewrite.HandledApis;
import io.kondo.protocol.rewrite.ResponseRewrite;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.FetchMetadata;
import org.apache.kafka.common.requests.RequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the requests of one authenticated tenant connection: decode, rewrite into the tenant's
 * namespace and forward, or answer here. Fails closed: an API or version the gateway does not
 * advertise is answered with that API's UNSUPPORTED_VERSION error and never forwarded; a frame it
 * cannot decode closes the connection.
 */
public final class TenantRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRequestHandler.class);

    private final TenantContext tenant;
    private final HandledApis apis;
    private final ApiVersionsAdvertiser versions;

    public TenantRequestHandler(TenantContext tenant, HandledApis apis, ApiVersionsAdvertiser versions) {
        this.tenant = tenant;
        this.apis = apis;
        this.versions = versions;
    }

    /**
     * Decides what to do with one request frame (without the length prefix). A forwarded frame's
     * record batches are views of {@code frame}, which must stay valid until it is written.
     */
    public RequestDecision onRequest(ByteBuffer frame) {
        if (frame.remaining() >= 8 && frame.getShort(frame.position()) == ApiKeys.API_VERSIONS.id) {
            return new RequestDecision.Respond(versions.respond(frame));
        }
        ByteBuffer original = frame.duplicate();
        RequestHeader header;
        ApiMessage body;
        try {
            Frames.Request request = Frames.decodeRequest(frame);
            header = request.header();
            body = request.body();
        } catch (InvalidRequestException e) {
            return new RequestDecision.Close(e.getMessage());
        }
        ApiKeys api = header.apiKey();
        if (api == ApiKeys.SASL_HANDSHAKE || api == ApiKeys.SASL_AUTHENTICATE) {
            return refuse(header, original, new IllegalSaslStateException("the connection is already authenticated"));
        }
        Optional<ApiRewrite<?, ?>> rewrite = apis.rewrite(api, header.apiVersion());
        if (rewrite.isEmpty() || !versions.advertises(api, header.apiVersion())) {
            LOG.debug("Refused unhandled API: tenant={} api={} version={}", tenant.namespace().cluster(), api, header.apiVersion());
            return refuse(header, original, new UnsupportedVersionException(api + " v" + header.apiVersion() + " is not supported"));
        }
        boolean unchanged = leavesUnchanged(rewrite.get(), body, header.apiVersion());
        ResponseRewrite<ApiMessage> responseRewrite;
        try {
            responseRewrite = rewriteRequest(rewrite.get(), body, header.apiVersion());
        } catch (ApiException e) {
            return refuse(header, original, e);
        }
        EncodedFrame upstream = unchanged ? Frames.asSent(original) : Frames.encodeRequestSharingRecords(header, body);
        if (api == ApiKeys.PRODUCE && ((ProduceRequestData) body).acks() == 0) {
            return new RequestDecision.Forward(upstream, null);
        }
        return new RequestDecision.Forward(upstream, new TenantResponse(header, responseRewrite, throttledFetchSession(body)));
    }

    /**
     * The session id an empty, throttled answer to a Fetch carries: the request's for an incremental
     * fetch (its session goes on), none for a full one (Kafka's {@code FullFetchContext} does the same).
     */
    private static int throttledFetchSession(ApiMessage body) {
        if (!(body instanceof FetchRequestData fetch)) {
            return FetchMetadata.INVALID_SESSION_ID;
        }
        boolean incremental = fetch.sessionEpoch() != FetchMetadata.INITIAL_EPOCH && fetch.sessionEpoch() != FetchMetadata.FINAL_EPOCH;
        return incremental ? fetch.sessionId() : FetchMetadata.INVALID_SESSION_ID;
    }

    @SuppressWarnings("unchecked")
    private boolean leavesUnchanged(ApiRewrite<?, ?> rewrite, ApiMessage body, short version) {
        return ((ApiRewrite<ApiMessage, ApiMessage>) rewrite).leavesUnchanged(body, version, tenant);
    }

    @SuppressWarnings("unchecked")
    private ResponseRewrite<ApiMessage> rewriteRequest(ApiRewrite<?, ?> rewrite, ApiMessage body, short version) {
        return (ResponseRewrite<ApiMessage>) ((ApiRewrite<ApiMessage, ApiMessage>) rewrite).rewriteRequest(body, version, tenant);
    }

    /** The API's own error response for the whole request. */
    private static RequestDecision refuse(RequestHeader header, ByteBuffer originalFrame, ApiException error) {
        try {
            Frames.decodeHeader(originalFrame);
            AbstractRequest request = AbstractRequest.parseRequest(header.apiKey(), header.apiVersion(),
                    new ByteBufferAccessor(originalFrame)).request;
            ApiMessage response = request.getErrorResponse(0, error).data();
            return new RequestDecision.Respond(Frames.encodeResponse(header.correlationId(), header.apiKey(),
                    header.apiVersion(), response));
        } catch (RuntimeException e) {
            return new RequestDecision.Close("cannot build an error response for " + header.apiKey() + ": " + e.getMessage());
        }
    }

    private static final class TenantResponse implements ResponseHandler {
        /** Fetch responses carry a session id from this version on. */
        private static final short FETCH_SESSIONS_VERSION = 7;

        private final RequestHeader header;
        private final ResponseRewrite<ApiMessage> rewrite;
        private final int throttledFetchSession;

        TenantResponse(RequestHeader header, ResponseRewrite<ApiMessage> rewrite, int throttledFetchSession) {
            this.header = header;
            this.rewrite = rewrite;
            this.throttledFetchSession = throttledFetchSession;
        }

        @Override
        public int correlationId() {
            return header.correlationId();
        }

        @Override
        public boolean isFetch() {
            return header.apiKey() == ApiKeys.FETCH;
        }

        @Override
        public EncodedFrame onResponse(ByteBuffer upstreamFrame, int throttleTimeMs) {
            AbstractResponse response = Frames.decodeResponseWithThrottle(upstreamFrame, header.apiKey(), header.apiVersion());
            rewrite.rewrite(response.data(), header.apiVersion());
            if (throttleTimeMs > response.throttleTimeMs()) {
                response.maybeSetThrottleTimeMs(throttleTimeMs);
            }
            return Frames.encodeResponseSharingRecords(header.correlationId(), header.apiKey(), header.apiVersion(), response.data());
        }

        @Override
        public ResponseStream streamed(int frameLength, int throttleTimeMs) {
            return rewrite.stream(header.apiVersion(), header.correlationId(), frameLength, throttleTimeMs);
        }

        @Override
        public EncodedFrame throttledFetch(int throttleTimeMs) {
            if (!isFetch()) {
                throw new IllegalStateException("only a Fetch is answered empty when throttled, not " + header.apiKey());
            }
            FetchResponseData empty = new FetchResponseData().setThrottleTimeMs(throttleTimeMs).setErrorCode(Errors.NONE.code());
            if (header.apiVersion() >= FETCH_SESSIONS_VERSION) {
                empty.setSessionId(throttledFetchSession);
            }
            return Frames.encodeResponseSharingRecords(header.correlationId(), header.apiKey(), header.apiVersion(), empty);
        }
    }
}
