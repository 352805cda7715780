package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * The handling of one Kafka API for tenants: "request in → rewritten request, and how to rewrite
 * its response". A request that cannot be served at all is refused by throwing one of Kafka's
 * {@link org.apache.kafka.common.errors.ApiException}s, which becomes that API's error response.
 *
 * @param <Q> the request message
 * @param <S> the response message
 */
public interface ApiRewrite<Q extends ApiMessage, S extends ApiMessage> {

    ApiKeys api();

    /** The lowest version handled. */
    default short minVersion() {
        return api().oldestVersion();
    }

    /** The highest version handled (the gateway advertises no more, whatever the backing cluster supports). */
    default short maxVersion() {
        return api().latestVersion();
    }

    /** Rewrites {@code request} in place into the tenant's backing namespace; returns its response's rewrite. */
    ResponseRewrite<S> rewriteRequest(Q request, short version, TenantContext tenant);

    /**
     * Whether {@link #rewriteRequest} will leave {@code request} exactly as the client sent it (asked
     * before rewriting). Such a request is forwarded as the bytes it came in, not encoded again.
     * Answering true for a request the rewrite would change forwards the client's names unchecked,
     * so an override must follow {@link #rewriteRequest} to the letter; the default never says so.
     */
    default boolean leavesUnchanged(Q request, short version, TenantContext tenant) {
        return false;
    }
}
