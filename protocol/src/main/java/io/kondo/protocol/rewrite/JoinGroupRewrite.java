package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * JoinGroup (classic protocol): the group id in. Protocol metadata passes opaque, and nothing in the
 * response is named in the backing namespace.
 */
final class JoinGroupRewrite implements ApiRewrite<JoinGroupRequestData, JoinGroupResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.JOIN_GROUP;
    }

    @Override
    public ResponseRewrite<JoinGroupResponseData> rewriteRequest(JoinGroupRequestData request, short version, TenantContext tenant) {
        request.setGroupId(Names.in(tenant.namespace(), request.groupId()));
        return (response, v) -> { };
    }
}
