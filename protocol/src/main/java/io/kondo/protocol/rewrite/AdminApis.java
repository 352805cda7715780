package io.kondo.protocol.rewrite;

import java.util.List;

/** Administration: topics, partitions, records, configs, groups, cluster description. */
final class AdminApis {

    private AdminApis() {
    }

    static List<ApiRewrite<?, ?>> all() {
        return List.of(new CreateTopicsRewrite(), new DeleteTopicsRewrite(), new CreatePartitionsRewrite(),
                new DeleteRecordsRewrite(), new DescribeConfigsRewrite(), new IncrementalAlterConfigsRewrite(),
                new DescribeClusterRewrite(), new DescribeTopicPartitionsRewrite(), new DescribeProducersRewrite());
    }
}
