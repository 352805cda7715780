package io.kondo.protocol.rewrite;

import io.kondo.core.naming.TenantNamespace;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumer groups (classic and KIP-848) and their committed offsets. Group ids and topic names go
 * in prefixed; what comes back is unprefixed, and entries that are not the tenant's are dropped.
 * Classic protocol metadata and assignments stay opaque: every member of a group is the tenant's
 * and uses the tenant's names.
 */
final class GroupApis {

    private GroupApis() {
    }

    static List<ApiRewrite<?, ?>> all() {
        return List.of(new JoinGroupRewrite(), new SyncGroupRewrite(), new HeartbeatRewrite(), new LeaveGroupRewrite(),
                new OffsetCommitRewrite(), new OffsetFetchRewrite(), new OffsetDeleteRewrite(), new TxnOffsetCommitRewrite(),
                new DescribeGroupsRewrite(), new DeleteGroupsRewrite(), new ListGroupsRewrite(),
                new ConsumerGroupHeartbeatRewrite(), new ConsumerGroupDescribeRewrite());
    }

    /** Topic names into the backing namespace; null (meaning "unchanged" or "all") stays null. */
    static List<String> topicsIn(TenantNamespace namespace, List<String> names) {
        return names == null ? null : new ArrayList<>(names.stream().map(name -> Names.topicIn(namespace, name)).toList());
    }

    /** Only the tenant's names of {@code backingNames}, unprefixed. */
    static List<String> ownNamesOut(TenantNamespace namespace, List<String> backingNames) {
        return backingNames == null ? null
                : new ArrayList<>(backingNames.stream().filter(namespace::owns).map(name -> Names.out(namespace, name)).toList());
    }

    /** A broker's error message without the tenant's prefix in the names it quotes. */
    static String messageOut(TenantNamespace namespace, String message) {
        return message == null ? null : message.replace(namespace.prefix(), "");
    }
}
