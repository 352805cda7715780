package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.AddOffsetsToTxnRequestData;
import org.apache.kafka.common.message.AddOffsetsToTxnResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** AddOffsetsToTxn: the transactional id and the group id in; the response names nothing. */
final class AddOffsetsToTxnRewrite implements ApiRewrite<AddOffsetsToTxnRequestData, AddOffsetsToTxnResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.ADD_OFFSETS_TO_TXN;
    }

    @Override
    public ResponseRewrite<AddOffsetsToTxnResponseData> rewriteRequest(AddOffsetsToTxnRequestData request, short version,
                                                                       TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setTransactionalId(Names.in(namespace, request.transactionalId()));
        request.setGroupId(Names.in(namespace, request.groupId()));
        return (response, v) -> { };
    }
}
