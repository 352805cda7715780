/** Kondo's configuration: {@code kondo.yaml} overlaid by {@code KONDO_*} environment variables. */
package io.kondo.app.config;
