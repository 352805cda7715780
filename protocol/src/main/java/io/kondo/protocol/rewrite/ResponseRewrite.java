package io.kondo.protocol.rewrite;

import org.apache.kafka.common.protocol.ApiMessage;

/** Rewrites a backing response in place for the tenant, with what its request's rewrite remembered. */
@FunctionalInterface
public interface ResponseRewrite<S extends ApiMessage> {

    void rewrite(S response, short version);
}
