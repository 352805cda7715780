package io.kondo.app;

import java.io.IOException;
import java.net.ServerSocket;

/** Free loopback ports for tests that start Kondo on fixed ports. */
final class Ports {

    private Ports() {
    }

    /** The first of {@code count} consecutive ports that are free now. */
    static int freeRun(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0)) {
                first = socket.getLocalPort();
            }
            if (first + count > 65_535) {
                continue;
            }
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                try (ServerSocket ignored = new ServerSocket(port)) {
                    free = true;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no run of " + count + " free ports");
    }
}
