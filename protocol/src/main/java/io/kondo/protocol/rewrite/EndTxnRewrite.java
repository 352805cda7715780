package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.EndTxnRequestData;
import org.apache.kafka.common.message.EndTxnResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** EndTxn: the transactional id in; the response carries only producer ids and epochs. */
final class EndTxnRewrite implements ApiRewrite<EndTxnRequestData, EndTxnResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.END_TXN;
    }

    @Override
    public ResponseRewrite<EndTxnResponseData> rewriteRequest(EndTxnRequestData request, short version, TenantContext tenant) {
        request.setTransactionalId(Names.in(tenant.namespace(), request.transactionalId()));
        return (response, v) -> { };
    }
}
