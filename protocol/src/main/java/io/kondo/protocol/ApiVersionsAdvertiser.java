package io.kondo.protocol;

import io.kondo.protocol.rewrite.ApiRewrite;
import io.kondo.protocol.rewrite.HandledApis;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersionCollection;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * Answers ApiVersions: the handled APIs, each at the versions both the gateway and the backing
 * cluster support, plus the connection's own SASL APIs. The backing cluster's features pass
 * through so clients pick the same transaction and group protocols the brokers run.
 */
public final class ApiVersionsAdvertiser {

    /**
     * SaslHandshake is advertised 0..1 as brokers do: librdkafka treats a range without v0 as "no
     * SASL" (though it then sends v1). A v0 request itself (raw SASL tokens outside Kafka framing) is
     * refused by {@link io.kondo.protocol.sasl.ClientAuthentication}.
     */
    private static final short SASL_HANDSHAKE_VERSION = 1;

    private final ApiVersionsResponseData advertised;

    public ApiVersionsAdvertiser(HandledApis apis, BackingApiVersions backing) {
        ApiVersionCollection keys = new ApiVersionCollection();
        own(keys, backing, ApiKeys.API_VERSIONS, ApiKeys.API_VERSIONS.oldestVersion(), ApiKeys.API_VERSIONS.latestVersion());
        own(keys, backing, ApiKeys.SASL_HANDSHAKE, (short) 0, SASL_HANDSHAKE_VERSION);
        own(keys, backing, ApiKeys.SASL_AUTHENTICATE, ApiKeys.SASL_AUTHENTICATE.oldestVersion(),
                ApiKeys.SASL_AUTHENTICATE.latestVersion());
        for (Map.Entry<ApiKeys, ApiRewrite<?, ?>> entry : apis.all().entrySet()) {
            own(keys, backing, entry.getKey(), entry.getValue().minVersion(), entry.getValue().maxVersion());
        }
        ApiVersionsResponseData backingResponse = backing.response();
        this.advertised = new ApiVersionsResponseData()
                .setErrorCode(Errors.NONE.code())
                .setApiKeys(keys)
                .setSupportedFeatures(backingResponse.supportedFeatures().duplicate())
                .setFinalizedFeatures(backingResponse.finalizedFeatures().duplicate())
                .setFinalizedFeaturesEpoch(backingResponse.finalizedFeaturesEpoch());
    }

    private static void own(ApiVersionCollection keys, BackingApiVersions backing, ApiKeys api, short min, short max) {
        Optional<ApiVersion> theirs = backing.versions(api);
        if (theirs.isEmpty()) {
            return;
        }
        short low = (short) Math.max(min, theirs.get().minVersion());
        short high = (short) Math.min(max, theirs.get().maxVersion());
        if (low <= high) {
            keys.add(new ApiVersion().setApiKey(api.id).setMinVersion(low).setMaxVersion(high));
        }
    }

    /** Whether the gateway advertises {@code api} at {@code version}. */
    public boolean advertises(ApiKeys api, short version) {
        ApiVersion range = advertised.apiKeys().find(api.id);
        return range != null && version >= range.minVersion() && version <= range.maxVersion();
    }

    /**
     * The response to an ApiVersions request frame. A version newer than Kondo knows gets the v0
     * answer UNSUPPORTED_VERSION with the list, as brokers do, so the client retries lower.
     */
    public ByteBuffer respond(ByteBuffer requestFrame) {
        int correlationId = requestFrame.getInt(requestFrame.position() + 4);
        short version = requestFrame.getShort(requestFrame.position() + 2);
        if (version > ApiKeys.API_VERSIONS.latestVersion() || version < 0) {
            ApiVersionsResponseData unsupported = new ApiVersionsResponseData()
                    .setErrorCode(Errors.UNSUPPORTED_VERSION.code())
                    .setApiKeys(advertised.apiKeys().duplicate());
            return Frames.encodeResponse(correlationId, ApiKeys.API_VERSIONS, (short) 0, unsupported);
        }
        return Frames.encodeResponse(correlationId, ApiKeys.API_VERSIONS, version, advertised.duplicate());
    }
}
