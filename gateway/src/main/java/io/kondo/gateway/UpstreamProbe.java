package io.kondo.gateway;

import io.kondo.protocol.BackingApiVersions;
import io.kondo.protocol.sasl.UpstreamCredentials;
import io.kondo.protocol.sasl.UpstreamLogin;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Logs into one backing broker at start, with a plain blocking socket, to learn what the backing
 * cluster supports (the gateway advertises the intersection) and to check Kondo's credentials
 * before any tenant connects.
 */
final class UpstreamProbe {

    private UpstreamProbe() {
    }

    static BackingApiVersions fetch(InetSocketAddress broker, UpstreamCredentials credentials, Duration timeout)
            throws IOException {
        UpstreamLogin login = new UpstreamLogin(credentials);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(broker.getHostString(), broker.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            write(out, login.start());
            while (true) {
                int length = in.readInt();
                if (length < 0 || length > 1024 * 1024) {
                    throw new IOException("implausible response of " + length + " bytes from " + broker);
                }
                byte[] frame = new byte[length];
                in.readFully(frame);
                UpstreamLogin.Step step = login.onResponse(ByteBuffer.wrap(frame));
                if (step instanceof UpstreamLogin.Step.Send send) {
                    write(out, send.frame());
                } else if (step instanceof UpstreamLogin.Step.Done done) {
                    return done.versions();
                } else {
                    throw new IOException(((UpstreamLogin.Step.Failed) step).reason());
                }
            }
        }
    }

    private static void write(OutputStream out, ByteBuffer frame) throws IOException {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        out.write(bytes);
        out.flush();
    }
}
