package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * DescribeGroups: group ids in; out, only the tenant's groups, ids unprefixed and error messages
 * without the prefix. Member metadata and assignments pass opaque.
 */
final class DescribeGroupsRewrite implements ApiRewrite<DescribeGroupsRequestData, DescribeGroupsResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_GROUPS;
    }

    @Override
    public ResponseRewrite<DescribeGroupsResponseData> rewriteRequest(DescribeGroupsRequestData request, short version,
                                                                      TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        request.setGroups(new ArrayList<>(request.groups().stream().map(id -> Names.in(namespace, id)).toList()));
        return (response, v) -> {
            List<DescribedGroup> own = new ArrayList<>();
            for (DescribedGroup group : response.groups()) {
                if (namespace.owns(group.groupId())) {
                    own.add(group.setGroupId(Names.out(namespace, group.groupId()))
                            .setErrorMessage(GroupApis.messageOut(namespace, group.errorMessage())));
                }
            }
            response.setGroups(own);
        };
    }
}
