/**
 * Netty 4 adapter: {@link io.gatehouse.netty.GatehouseHandler} in front of an application's next handler, and
 * {@link io.gatehouse.netty.NettyGateway}, a reverse proxy whose backend is the pooled
 * {@link io.gatehouse.netty.NettyBackend}.
 */
package io.gatehouse.netty;
