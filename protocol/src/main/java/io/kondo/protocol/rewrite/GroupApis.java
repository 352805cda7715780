package io.kondo.protocol.rewrite;

import java.util.List;

/** Consumer groups (classic and KIP-848) and their committed offsets. */
final class GroupApis {

    private GroupApis() {
    }

    static List<ApiRewrite<?, ?>> all() {
        return List.of();
    }
}
