package io.kondo.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.protocol.rewrite.HandledApis;
import java.nio.ByteBuffer;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Drives {@link TenantRequestHandler} with real encoded frames, as the gateway does: a tenant
 * request goes in, the backing request that would be forwarded comes out; a backing response goes
 * in, the tenant's response comes out. Used by the table-driven rewrite tests.
 */
public final class Exchange {

    public static final int CORRELATION_ID = 42;

    private final TenantRequestHandler handler;
    private ResponseHandler pending;

    public Exchange(TenantContext tenant) {
        this.handler = new TenantRequestHandler(tenant, new HandledApis(), new ApiVersionsAdvertiser(new HandledApis(), everything()));
    }

    /** A backing cluster that supports every version kafka-clients knows. */
    public static BackingApiVersions everything() {
        ApiVersionsResponseData data = new ApiVersionsResponseData();
        for (ApiKeys api : ApiKeys.values()) {
            data.apiKeys().add(new ApiVersion().setApiKey(api.id).setMinVersion(api.oldestVersion()).setMaxVersion(api.latestVersion(true)));
        }
        return new BackingApiVersions(data);
    }

    /** What the handler decides for {@code request} sent by a tenant at {@code version}. */
    public RequestDecision decide(ApiMessage request, short version) {
        return handler.onRequest(frame(request, version));
    }

    /** The frame (without its length prefix) a tenant sends for {@code request} at {@code version}. */
    public static ByteBuffer frame(ApiMessage request, short version) {
        ApiKeys api = ApiKeys.forId(request.apiKey());
        RequestHeader header = new RequestHeader(new RequestHeaderData().setRequestApiKey(api.id).setRequestApiVersion(version)
                .setCorrelationId(CORRELATION_ID).setClientId("test-client"), api.requestHeaderVersion(version));
        ByteBuffer frame = Frames.encodeRequest(header, request);
        frame.getInt();
        return frame;
    }

    /** What the handler decides for a request frame (without its length prefix). */
    public RequestDecision decide(ByteBuffer frame) {
        return handler.onRequest(frame);
    }

    /** The backing request the tenant's {@code request} becomes (asserts that it is forwarded). */
    public ApiMessage forward(ApiMessage request, short version) {
        RequestDecision decision = decide(request, version);
        assertThat(decision).isInstanceOf(RequestDecision.Forward.class);
        RequestDecision.Forward forward = (RequestDecision.Forward) decision;
        pending = forward.response();
        ByteBuffer upstream = forward.frame().toByteBuffer();
        assertThat(upstream.getInt()).as("length prefix").isEqualTo(upstream.remaining());
        Frames.Request backing = Frames.decodeRequest(upstream);
        assertThat(backing.header().correlationId()).isEqualTo(CORRELATION_ID);
        return backing.body();
    }

    /** The tenant's response for the backing {@code response} to the last forwarded request. */
    public ApiMessage respond(ApiMessage response, short version) {
        return respond(response, version, 0);
    }

    /** As {@link #respond(ApiMessage, short)}, with the gateway throttling the tenant for {@code throttleTimeMs}. */
    public ApiMessage respond(ApiMessage response, short version, int throttleTimeMs) {
        assertThat(pending).as("a forwarded request awaiting its response").isNotNull();
        ApiKeys api = ApiKeys.forId(response.apiKey());
        ByteBuffer upstream = Frames.encodeResponse(CORRELATION_ID, api, version, response);
        upstream.getInt();
        return decodeTenantFrame(pending.onResponse(upstream, throttleTimeMs), api, version);
    }

    /**
     * The tenant's frame (length prefix included) for the backing {@code response} to the last
     * forwarded request, streamed in pieces of {@code pieceBytes}; null when the response is not
     * streamed.
     */
    public ByteBuffer stream(ApiMessage response, short version, int throttleTimeMs, int pieceBytes) {
        assertThat(pending).as("a forwarded request awaiting its response").isNotNull();
        ByteBuffer upstream = Frames.encodeResponse(CORRELATION_ID, ApiKeys.forId(response.apiKey()), version, response);
        int frameLength = upstream.getInt();
        ResponseStream stream = pending.streamed(frameLength, throttleTimeMs);
        if (stream == null) {
            return null;
        }
        ByteBuffer tenant = ByteBuffer.allocate(4 + frameLength + pieceBytes);
        boolean done = false;
        while (!done) {
            // Each piece is a separate buffer, as socket reads are; what follows the frame is another frame's.
            int length = Math.min(pieceBytes, upstream.remaining());
            ByteBuffer piece = ByteBuffer.allocate(length + 3).put(upstream.slice(upstream.position(), length)).put(new byte[] {9, 9, 9});
            piece.flip().limit(length + (upstream.remaining() == length ? 3 : 0));
            upstream.position(upstream.position() + length);
            done = stream.read(piece, new ResponseStream.Sink() {
                @Override
                public void copied(ByteBuffer bytes) {
                    tenant.put(bytes);
                }

                @Override
                public void shared(int position, int length) {
                    tenant.put(piece.slice(position, length));
                }
            });
            if (done) {
                assertThat(upstream.hasRemaining()).as("a stream ends with its frame, not before").isFalse();
                assertThat(piece.remaining()).as("the next frame's bytes left unread").isEqualTo(3);
            } else {
                assertThat(piece.hasRemaining()).as("a stream that is not done reads all it is given").isFalse();
                assertThat(upstream.hasRemaining()).as("a stream does not run past its frame").isTrue();
            }
        }
        return tenant.flip();
    }

    /** The tenant's frame (length prefix included) for the backing {@code response}, gathered whole. */
    public ByteBuffer gathered(ApiMessage response, short version, int throttleTimeMs) {
        assertThat(pending).as("a forwarded request awaiting its response").isNotNull();
        ByteBuffer upstream = Frames.encodeResponse(CORRELATION_ID, ApiKeys.forId(response.apiKey()), version, response);
        upstream.getInt();
        return pending.onResponse(upstream, throttleTimeMs).toByteBuffer();
    }

    /** Decodes a tenant frame (length prefix included) of {@code api} at {@code version}. */
    public static ApiMessage decodeTenantFrame(ByteBuffer frame, ApiKeys api, short version) {
        return decodeTenantFrame(EncodedFrame.of(frame), api, version);
    }

    /** The empty response the tenant gets for the last forwarded Fetch when over its fetch quota. */
    public ApiMessage throttledFetch(short version, int throttleTimeMs) {
        assertThat(pending).as("a forwarded request awaiting its response").isNotNull();
        return decodeTenantFrame(pending.throttledFetch(throttleTimeMs), ApiKeys.FETCH, version);
    }

    /** The last forwarded request's response handler. */
    public ResponseHandler pending() {
        return pending;
    }

    private static ApiMessage decodeTenantFrame(EncodedFrame encoded, ApiKeys api, short version) {
        ByteBuffer tenantFrame = encoded.toByteBuffer();
        assertThat(tenantFrame.getInt()).as("length prefix").isEqualTo(tenantFrame.remaining());
        assertThat(Frames.correlationId(tenantFrame)).isEqualTo(CORRELATION_ID);
        return Frames.decodeResponse(tenantFrame, api, version);
    }

    /** The local answer to {@code request} (asserts that it is not forwarded). */
    public ApiMessage answer(ApiMessage request, short version) {
        RequestDecision decision = decide(request, version);
        assertThat(decision).isInstanceOf(RequestDecision.Respond.class);
        ByteBuffer frame = ((RequestDecision.Respond) decision).frame().duplicate();
        frame.getInt();
        return Frames.decodeResponse(frame, ApiKeys.forId(request.apiKey()), version);
    }
}
