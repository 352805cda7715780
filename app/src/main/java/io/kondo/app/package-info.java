/** Kondo's wiring and entry point: configuration, the platform started by {@code kondo up}, and the CLI. */
package io.kondo.app;
