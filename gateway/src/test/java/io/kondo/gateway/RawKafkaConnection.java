package io.kondo.gateway;

import io.kondo.protocol.Frames;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * A Kafka connection that sends exactly the requests a test builds, for requests no Kafka client
 * would send (a hostile tenant's). Logs in with SASL/PLAIN.
 */
final class RawKafkaConnection implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private int correlationId;

    private RawKafkaConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(15_000);
        in = new DataInputStream(socket.getInputStream());
    }

    static RawKafkaConnection plain(String host, int port, String username, String password) throws IOException {
        RawKafkaConnection connection = new RawKafkaConnection(host, port);
        try {
            connection.send(new SaslHandshakeRequestData().setMechanism("PLAIN"), (short) 1);
            connection.readFrame();
            byte[] token = ("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8);
            connection.send(new SaslAuthenticateRequestData().setAuthBytes(token), (short) 2);
            SaslAuthenticateResponseData answer = (SaslAuthenticateResponseData) Frames.decodeResponse(
                    connection.readFrame(), ApiKeys.SASL_AUTHENTICATE, (short) 2);
            if (answer.errorCode() != 0) {
                throw new IOException("login refused: " + answer.errorMessage());
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Sends {@code request} at {@code version}. */
    void send(ApiMessage request, short version) throws IOException {
        ApiKeys api = ApiKeys.forId(request.apiKey());
        RequestHeader header = new RequestHeader(new RequestHeaderData().setRequestApiKey(api.id).setRequestApiVersion(version)
                .setCorrelationId(++correlationId).setClientId("raw-test"), api.requestHeaderVersion(version));
        ByteBuffer frame = Frames.encodeRequest(header, request);
        socket.getOutputStream().write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        socket.getOutputStream().flush();
    }

    /** The next response frame, without its length prefix. */
    ByteBuffer readFrame() throws IOException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return ByteBuffer.wrap(frame);
    }

    /** Everything the peer sends until it closes the connection (or the read times out, which fails). */
    byte[] readUntilClosed() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            // A reset is a close too.
        } catch (EOFException end) {
            // Closed.
        }
        return received.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
