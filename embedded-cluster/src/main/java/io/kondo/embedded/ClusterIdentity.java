package io.kondo.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The cluster id and the internal superuser's secret, persisted in {@code dataDir/cluster.properties}
 * (owner-only permissions) so a restarted cluster keeps its storage and credentials.
 */
record ClusterIdentity(String clusterId, String superuserSecret) {

    static final String SUPERUSER = "kondo";
    static final String FILE_NAME = "cluster.properties";

    private static final String CLUSTER_ID_KEY = "cluster.id";
    private static final String SECRET_KEY = "superuser.secret";
    private static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the identity from {@code dataDir}, or creates and persists a new one on first use. */
    static ClusterIdentity loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            ClusterIdentity created = new ClusterIdentity(Uuid.randomUuid().toString(), newSecret());
            created.write(file);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create " + file, e);
        }
    }

    /** The JAAS config a client uses to log in as the superuser. */
    String clientJaasConfig() {
        return PLAIN_LOGIN_MODULE + " required username=\"" + SUPERUSER + "\" password=\"" + superuserSecret + "\";";
    }

    /**
     * The JAAS config of a listener: the superuser is its only user, and the same credentials serve
     * the node's own outgoing connections (inter-broker and controller traffic).
     */
    String listenerJaasConfig() {
        return PLAIN_LOGIN_MODULE + " required username=\"" + SUPERUSER + "\" password=\"" + superuserSecret
                + "\" user_" + SUPERUSER + "=\"" + superuserSecret + "\";";
    }

    @Override
    public String toString() {
        return "ClusterIdentity[clusterId=" + clusterId + ", superuserSecret=***]";
    }

    private static ClusterIdentity read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String clusterId = properties.getProperty(CLUSTER_ID_KEY, "");
        String secret = properties.getProperty(SECRET_KEY, "");
        if (clusterId.isBlank() || secret.isBlank()) {
            throw new IllegalStateException(file + " must contain " + CLUSTER_ID_KEY + " and " + SECRET_KEY);
        }
        return new ClusterIdentity(clusterId, secret);
    }

    private void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(CLUSTER_ID_KEY, clusterId);
        properties.setProperty(SECRET_KEY, superuserSecret);
        Path temporary = OwnerOnlyFiles.create(file.resolveSibling(FILE_NAME + ".tmp"));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Kondo embedded cluster identity; keep private");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // URL-safe base64 has no quote or backslash, so it embeds verbatim in a JAAS config string.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
