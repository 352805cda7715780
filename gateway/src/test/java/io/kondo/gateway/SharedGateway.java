package io.kondo.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link GatewayFixture} (a 3-node cluster, the metadata, a gateway) for every gateway
 * integration test class in the JVM, closed when the run ends. Test classes ask for it as a
 * parameter of their {@code @BeforeAll} method. Every test makes its own tenants, so sharing the
 * cluster shares nothing a test can see; it saves a cluster start per class.
 */
final class SharedGateway implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedGateway.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GatewayFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("fixture", key -> Shared.start(), Shared.class).fixture;
    }

    /** The fixture and its data directory, closed and removed by JUnit at the end of the run. */
    private static final class Shared implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Path dataDir;
        private final GatewayFixture fixture;

        private Shared(Path dataDir, GatewayFixture fixture) {
            this.dataDir = dataDir;
            this.fixture = fixture;
        }

        static Shared start() {
            try {
                Path dataDir = Files.createTempDirectory("kondo-gateway-it");
                return new Shared(dataDir, new GatewayFixture(dataDir));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the shared gateway fixture", e);
            }
        }

        @Override
        public void close() {
            fixture.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
