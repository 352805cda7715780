package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** LeaveGroup: the group id in; members (member and instance ids, the tenant's own) pass both ways. */
final class LeaveGroupRewrite implements ApiRewrite<LeaveGroupRequestData, LeaveGroupResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.LEAVE_GROUP;
    }

    @Override
    public ResponseRewrite<LeaveGroupResponseData> rewriteRequest(LeaveGroupRequestData request, short version, TenantContext tenant) {
        request.setGroupId(Names.in(tenant.namespace(), request.groupId()));
        return (response, v) -> { };
    }
}
