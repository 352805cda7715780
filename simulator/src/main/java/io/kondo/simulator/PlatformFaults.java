package io.kondo.simulator;

import java.util.List;

/**
 * The failures only the platform itself can cause: stopping and starting a backing broker, the
 * gateway or the control plane. The embedded platform implements it; against an external Kondo
 * there is {@link #NONE}, and only connection storms and noisy tenants can be injected.
 *
 * <p>Every method blocks until the action is done (a started component serves again) and throws
 * if it cannot be done.
 */
public interface PlatformFaults {

    /** No platform access: {@link #available()} is false and every action throws. */
    PlatformFaults NONE = new PlatformFaults() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public List<Integer> brokerIds() {
            return List.of();
        }

        @Override
        public void stopBroker(int nodeId) {
            throw unavailable();
        }

        @Override
        public void startBroker(int nodeId) {
            throw unavailable();
        }

        @Override
        public void stopGateway() {
            throw unavailable();
        }

        @Override
        public void startGateway() {
            throw unavailable();
        }

        @Override
        public void stopControlPlane() {
            throw unavailable();
        }

        @Override
        public void startControlPlane() {
            throw unavailable();
        }

        private UnsupportedOperationException unavailable() {
            return new UnsupportedOperationException("platform faults need the embedded platform");
        }
    };

    boolean available();

    /** The backing brokers that can be stopped, by node id. */
    List<Integer> brokerIds();

    void stopBroker(int nodeId);

    void startBroker(int nodeId);

    void stopGateway();

    void startGateway();

    void stopControlPlane();

    void startControlPlane();
}
