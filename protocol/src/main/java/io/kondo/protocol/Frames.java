package io.kondo.protocol;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Encoding and decoding of whole frames. A frame here is the bytes after Kafka's 4-byte length
 * prefix; encoded frames carry the prefix, ready to write to a socket.
 */
public final class Frames {

    /** The first chunk for fields of a frame encoded in segments; later chunks grow as needed. */
    private static final int FIRST_CHUNK_BYTES = 4096;

    private Frames() {
    }

    /** A decoded request: its header and its body. */
    public record Request(RequestHeader header, ApiMessage body) {
        public ApiKeys api() {
            return header.apiKey();
        }

        public short version() {
            return header.apiVersion();
        }
    }

    /**
     * Decodes a request frame; the body may keep slices of {@code frame} (record batches), so the
     * frame's memory must stay valid until the request is encoded again.
     *
     * @throws InvalidRequestException for an unknown API, an unsupported version or malformed bytes
     */
    public static Request decodeRequest(ByteBuffer frame) {
        RequestHeader header = decodeHeader(frame);
        ApiMessage body = ApiMessageType.fromApiKey(header.apiKey().id).newRequest();
        readBody(body, frame, header.apiVersion());
        return new Request(header, body);
    }

    /** Decodes only the header, leaving {@code frame} positioned at the body. */
    public static RequestHeader decodeHeader(ByteBuffer frame) {
        if (frame.remaining() < 8) {
            throw new InvalidRequestException("frame of " + frame.remaining() + " bytes is too short for a request header");
        }
        short apiKey = frame.getShort(frame.position());
        if (!ApiKeys.hasId(apiKey)) {
            throw new InvalidRequestException("unknown API key " + apiKey);
        }
        short version = frame.getShort(frame.position() + 2);
        ApiKeys api = ApiKeys.forId(apiKey);
        if (version < api.oldestVersion() || version > api.latestVersion(true)) {
            throw new InvalidRequestException("unsupported version " + version + " of " + api);
        }
        try {
            return RequestHeader.parse(frame);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("malformed request header: " + e.getMessage());
        }
    }

    /** Decodes a response body of {@code api} at {@code version}; {@code frame} includes the response header. */
    public static ApiMessage decodeResponse(ByteBuffer frame, ApiKeys api, short version) {
        ResponseHeaderData header = new ResponseHeaderData();
        header.read(new ByteBufferAccessor(frame), api.responseHeaderVersion(version));
        ApiMessage body = ApiMessageType.fromApiKey(api.id).newResponse();
        readBody(body, frame, version);
        return body;
    }

    /**
     * Decodes a response as {@link #decodeResponse} does, wrapped in its {@link AbstractResponse},
     * which knows the response's throttle time field (if it has one).
     */
    public static AbstractResponse decodeResponseWithThrottle(ByteBuffer frame, ApiKeys api, short version) {
        ResponseHeaderData header = new ResponseHeaderData();
        header.read(new ByteBufferAccessor(frame), api.responseHeaderVersion(version));
        AbstractResponse response;
        try {
            response = AbstractResponse.parseResponse(api, new ByteBufferAccessor(frame), version);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("malformed " + api + " v" + version + " response: " + e.getMessage());
        }
        if (frame.hasRemaining()) {
            throw new InvalidRequestException(frame.remaining() + " unexpected trailing bytes after " + api + " v" + version);
        }
        return response;
    }

    /** The correlation id of a response frame, without consuming it. */
    public static int correlationId(ByteBuffer responseFrame) {
        return responseFrame.getInt(responseFrame.position());
    }

    /** A length-prefixed request frame. */
    public static ByteBuffer encodeRequest(RequestHeader header, ApiMessage body) {
        return encode(header.data(), header.headerVersion(), body, header.apiVersion());
    }

    /** A length-prefixed response frame answering a request of {@code api} at {@code version}. */
    public static ByteBuffer encodeResponse(int correlationId, ApiKeys api, short version, ApiMessage body) {
        return encode(new ResponseHeaderData().setCorrelationId(correlationId), api.responseHeaderVersion(version), body, version);
    }

    /** {@code frame} (without its length prefix) to forward as it came: its own length, then a view of its bytes. */
    public static EncodedFrame asSent(ByteBuffer frame) {
        return EncodedFrame.of(ByteBuffer.allocate(4).putInt(0, frame.remaining()), frame.duplicate());
    }

    /** A length-prefixed request frame whose record batches are views of the frame they came from. */
    public static EncodedFrame encodeRequestSharingRecords(RequestHeader header, ApiMessage body) {
        return encodeSharingRecords(header.data(), header.headerVersion(), body, header.apiVersion());
    }

    /** A length-prefixed response frame whose record batches are views of the frame they came from. */
    public static EncodedFrame encodeResponseSharingRecords(int correlationId, ApiKeys api, short version, ApiMessage body) {
        return encodeSharingRecords(new ResponseHeaderData().setCorrelationId(correlationId), api.responseHeaderVersion(version),
                body, version);
    }

    private static EncodedFrame encodeSharingRecords(ApiMessage header, short headerVersion, ApiMessage body, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = header.size(cache, headerVersion) + body.size(cache, version);
        SegmentedWriter writer = new SegmentedWriter(Math.min(4 + size, FIRST_CHUNK_BYTES));
        writer.writeInt(size);
        header.write(writer, cache, headerVersion);
        body.write(writer, cache, version);
        EncodedFrame frame = new EncodedFrame(writer.finish());
        if (frame.sizeInBytes() != 4 + size) {
            throw new IllegalStateException("encoded " + frame.sizeInBytes() + " bytes of " + ApiKeys.forId(body.apiKey())
                    + " v" + version + ", expected " + (4 + size));
        }
        return frame;
    }

    private static ByteBuffer encode(ApiMessage header, short headerVersion, ApiMessage body, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int headerSize = header.size(cache, headerVersion);
        int bodySize = body.size(cache, version);
        ByteBuffer out = ByteBuffer.allocate(4 + headerSize + bodySize);
        out.putInt(headerSize + bodySize);
        ByteBufferAccessor accessor = new ByteBufferAccessor(out);
        header.write(accessor, cache, headerVersion);
        body.write(accessor, cache, version);
        return out.flip();
    }

    private static void readBody(ApiMessage body, ByteBuffer frame, short version) {
        try {
            body.read(new ByteBufferAccessor(frame), version);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("malformed " + ApiKeys.forId(body.apiKey()) + " v" + version + ": " + e.getMessage());
        }
        if (frame.hasRemaining()) {
            throw new InvalidRequestException(frame.remaining() + " unexpected trailing bytes after "
                    + ApiKeys.forId(body.apiKey()) + " v" + version);
        }
    }
}
