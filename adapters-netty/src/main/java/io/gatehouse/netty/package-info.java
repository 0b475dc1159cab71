/**
 * Netty 4 adapter: a handler in front of an application's next handler, or a reverse proxy.
 *
 * <p>Not implemented yet; it lands with the adapters issue. This package intentionally holds no code.
 */
package io.gatehouse.netty;
