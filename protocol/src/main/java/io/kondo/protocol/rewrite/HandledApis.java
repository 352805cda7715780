package io.kondo.protocol.rewrite;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * The APIs the gateway handles for authenticated tenants, each with its rewrite. This list is the
 * allow-list: ApiVersions advertises only these (within the backing cluster's versions) and any
 * other request is refused. ApiVersions, SaslHandshake and SaslAuthenticate are handled by the
 * connection itself.
 */
public final class HandledApis {

    private final Map<ApiKeys, ApiRewrite<?, ?>> rewrites = new EnumMap<>(ApiKeys.class);

    public HandledApis() {
        Stream.of(DataApis.all(), GroupApis.all(), TransactionApis.all(), AdminApis.all())
                .flatMap(List::stream)
                .forEach(rewrite -> {
                    if (rewrites.putIfAbsent(rewrite.api(), rewrite) != null) {
                        throw new IllegalStateException(rewrite.api() + " has two rewrites");
                    }
                });
    }

    /** The rewrite for {@code api} at {@code version}, if the gateway handles that. */
    public Optional<ApiRewrite<?, ?>> rewrite(ApiKeys api, short version) {
        ApiRewrite<?, ?> rewrite = rewrites.get(api);
        if (rewrite == null || version < rewrite.minVersion() || version > rewrite.maxVersion()) {
            return Optional.empty();
        }
        return Optional.of(rewrite);
    }

    public Map<ApiKeys, ApiRewrite<?, ?>> all() {
        return Map.copyOf(rewrites);
    }
}
