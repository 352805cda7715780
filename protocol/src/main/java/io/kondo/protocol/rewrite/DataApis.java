package io.kondo.protocol.rewrite;

import java.util.List;

/** Reading and writing records, and finding where: the APIs every producer and consumer uses. */
final class DataApis {

    private DataApis() {
    }

    static List<ApiRewrite<?, ?>> all() {
        return List.of(new MetadataRewrite(), new ProduceRewrite(), new FetchRewrite(), new FindCoordinatorRewrite(),
                new ListOffsetsRewrite(), new OffsetForLeaderEpochRewrite());
    }
}
