package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** SyncGroup (classic protocol): the group id in. Assignments pass opaque both ways. */
final class SyncGroupRewrite implements ApiRewrite<SyncGroupRequestData, SyncGroupResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.SYNC_GROUP;
    }

    @Override
    public ResponseRewrite<SyncGroupResponseData> rewriteRequest(SyncGroupRequestData request, short version, TenantContext tenant) {
        request.setGroupId(Names.in(tenant.namespace(), request.groupId()));
        return (response, v) -> { };
    }
}
