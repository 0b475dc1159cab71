/**
 * Jakarta Servlet 6 adapter: a {@code Filter} that runs Gatehouse pipelines in front of an existing application.
 *
 * <p>Not implemented yet; it lands with the adapters issue. This package intentionally holds no code.
 */
package io.gatehouse.servlet;
