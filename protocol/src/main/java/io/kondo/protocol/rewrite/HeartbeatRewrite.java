package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** Heartbeat (classic protocol): the group id in; the response names nothing. */
final class HeartbeatRewrite implements ApiRewrite<HeartbeatRequestData, HeartbeatResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.HEARTBEAT;
    }

    @Override
    public ResponseRewrite<HeartbeatResponseData> rewriteRequest(HeartbeatRequestData request, short version, TenantContext tenant) {
        request.setGroupId(Names.in(tenant.namespace(), request.groupId()));
        return (response, v) -> { };
    }
}
