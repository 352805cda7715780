package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DeleteGroupsResponseData.DeletableGroupResult;
import org.apache.kafka.common.protocol.ApiKeys;

/** DeleteGroups: group ids in; out, only the tenant's groups, unprefixed. */
final class DeleteGroupsRewrite implements ApiRewrite<DeleteGroupsRequestData, DeleteGroupsResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.DELETE_GROUPS;
    }

    @Override
    public ResponseRewrite<DeleteGroupsResponseData> rewriteRequest(DeleteGroupsRequestData request, short version,
                                                                    TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setGroupsNames(new ArrayList<>(request.groupsNames().stream().map(id -> Names.in(namespace, id)).toList()));
        return (response, v) -> {
            for (DeletableGroupResult result : Collections.drain(response.results())) {
                if (namespace.owns(result.groupId())) {
                    response.results().add(result.setGroupId(Names.out(namespace, result.groupId())));
                }
            }
        };
    }
}
