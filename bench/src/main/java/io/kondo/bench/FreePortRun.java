package io.kondo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A run of consecutive free loopback ports, as the gateway needs one for bootstrap and one per broker. */
final class FreePortRun {

    private static final int ATTEMPTS = 50;

    private FreePortRun() {
    }

    static int find(int count) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                first = socket.getLocalPort();
            }
            if (first + count <= 65_535 && allFree(first, count)) {
                return first;
            }
        }
        throw new IOException("no run of " + count + " free loopback ports after " + ATTEMPTS + " attempts");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try {
                new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
