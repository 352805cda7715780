package io.kondo.embedded;

/** Where one node listens on loopback: its client (broker) port and its KRaft controller port. */
record NodeAddress(int nodeId, int brokerPort, int controllerPort) {

    static final String HOST = "127.0.0.1";

    /** {@code 127.0.0.1:<brokerPort>}, the address clients bootstrap from. */
    String brokerEndpoint() {
        return HOST + ":" + brokerPort;
    }

    /** {@code <id>@127.0.0.1:<controllerPort>}, this node's entry in {@code controller.quorum.voters}. */
    String voter() {
        return nodeId + "@" + HOST + ":" + controllerPort;
    }
}
