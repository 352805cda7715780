package io.kondo.protocol.rewrite;

import java.util.List;

/** Administration: topics, partitions, records, configs, groups, cluster description. */
final class AdminApis {

    private AdminApis() {
    }

    static List<ApiRewrite<?, ?>> all() {
        return List.of();
    }
}
