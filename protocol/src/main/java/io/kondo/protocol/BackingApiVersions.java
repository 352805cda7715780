package io.kondo.protocol;

import java.util.Optional;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;

/** What the backing brokers support, as one of them answered Kondo's ApiVersions request. */
public final class BackingApiVersions {

    private final ApiVersionsResponseData response;

    BackingApiVersions(ApiVersionsResponseData response) {
        this.response = response.duplicate();
    }

    /** From a broker's ApiVersions response (used by the upstream login). */
    public static BackingApiVersions of(ApiVersionsResponseData response) {
        return new BackingApiVersions(response);
    }

    Optional<ApiVersion> versions(ApiKeys api) {
        return Optional.ofNullable(response.apiKeys().find(api.id));
    }

    ApiVersionsResponseData response() {
        return response;
    }
}
