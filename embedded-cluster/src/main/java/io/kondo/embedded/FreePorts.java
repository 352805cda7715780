package io.kondo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks free loopback ports by binding them and releasing the sockets (for tests and ephemeral clusters). */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns {@code count} distinct ports that were free on 127.0.0.1 a moment ago. */
    static List<Integer> pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            List<Integer> ports = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // All sockets stay open until every port is chosen, so no port is handed out twice.
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("could not pick free loopback ports", e);
        } finally {
            sockets.forEach(FreePorts::closeQuietly);
        }
    }

    /**
     * The first of {@code count} consecutive ports that were free on 127.0.0.1 a moment ago, for
     * components that derive ports from a base (the gateway serves broker i at base + 1 + i).
     */
    public static int consecutive(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = pick(1).get(0);
            if (first + count <= 65_535 && allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no run of " + count + " free loopback ports found");
    }

    private static boolean allFree(int first, int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int port = first; port < first + count; port++) {
                sockets.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            }
            return true;
        } catch (IOException taken) {
            return false;
        } finally {
            sockets.forEach(FreePorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The port is released either way once the socket is garbage; nothing else to do.
        }
    }
}
