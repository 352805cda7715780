package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.protocol.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsResponseData.ListedGroup;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * ListGroups: the state and type filters pass; of the broker's groups only the tenant's are
 * listed, unprefixed.
 */
final class ListGroupsRewrite implements ApiRewrite<ListGroupsRequestData, ListGroupsResponseData> {

    @Override
    public ApiKeys api() {
        return ApiKeys.LIST_GROUPS;
    }

    @Override
    public ResponseRewrite<ListGroupsResponseData> rewriteRequest(ListGroupsRequestData request, short version,
                                                                  TenantContext tenant) {
        TenantNamespace namespace = tenant.namespace();
        return (response, v) -> {
            List<ListedGroup> own = new ArrayList<>();
            for (ListedGroup group : response.groups()) {
                if (namespace.owns(group.groupId())) {
                    own.add(group.setGroupId(Names.out(namespace, group.groupId())));
                }
            }
            response.setGroups(own);
        };
    }
}
