/** The {@code kondo} command line (picocli): {@code up}, {@code version} and the admin subcommands over the REST API. */
package io.kondo.app.cli;
