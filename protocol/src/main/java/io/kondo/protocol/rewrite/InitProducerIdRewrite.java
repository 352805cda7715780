package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * InitProducerId: the transactional id in (null, for an idempotent producer, stays null); the
 * response carries only producer ids and epochs.
 */
final class InitProducerIdRewrite implements ApiRewrite<InitProducerIdRequestData, InitProducerIdResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.INIT_PRODUCER_ID;
    }

    @Override
    public ResponseRewrite<InitProducerIdResponseData> rewriteRequest(InitProducerIdRequestData request, short version,
                                                                      TenantContext tenant) {
        request.setTransactionalId(Names.in(tenant.namespace(), request.transactionalId()));
        return (response, v) -> { };
    }
}
