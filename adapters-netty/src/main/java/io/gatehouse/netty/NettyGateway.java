package io.gatehouse.netty;

import io.gatehouse.api.Backend;
import io.gatehouse.engine.Gatehouse;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A reverse proxy: a Netty HTTP/1.1 server that runs every request through a {@link Gatehouse} whose
 * {@code forward-request} goes to a {@link NettyBackend} sharing the server's event loops (or to the backend given).
 *
 * <pre>{@code
 * try (NettyGateway gateway = NettyGateway.builder().gatehouse(gatehouse).port(8080).start()) {
 *   gateway.closeFuture().await();
 * }
 * }</pre>
 *
 * <p>With {@link Builder#tls(SslContext)} the server speaks HTTPS; a context built with
 * {@code clientAuth(ClientAuth.OPTIONAL)} requests a client certificate, whose chain the engine receives.
 */
public final class NettyGateway implements AutoCloseable {
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final NettyBackend ownBackend;
  private final Channel server;
  private final boolean tls;

  private NettyGateway(Builder b) throws InterruptedException {
    this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.workers = new MultiThreadIoEventLoopGroup(b.threads, NioIoHandler.newFactory());
    this.ownBackend = b.backend == null ? NettyBackend.builder().group(workers).build() : null;
    Backend backend = b.backend != null ? b.backend : ownBackend;
    Supplier<Gatehouse> gatehouse = b.gatehouse;
    SslContext sslContext = b.tls;
    int maxContentLength = b.maxContentLength;
    long idleMillis = b.idleTimeout.toMillis();
    this.tls = sslContext != null;
    try {
      this.server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ChannelPipeline p = ch.pipeline();
              if (sslContext != null) {
                p.addLast(sslContext.newHandler(ch.alloc()));
              }
              if (idleMillis > 0) {
                p.addLast(new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));
              }
              p.addLast(new HttpServerCodec(), GatehouseHandler.proxy(gatehouse, backend, maxContentLength));
            }
          })
          .bind(b.address, b.port).sync().channel();
    } catch (InterruptedException | RuntimeException e) {
      shutdown();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The bound address (with the actual port when 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  /** {@code http://host:port} (or https) of the bound address. */
  public String url() {
    InetSocketAddress a = address();
    String host = a.getAddress().getHostAddress();
    return (tls ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  /** Completes when the server socket is closed. */
  public io.netty.channel.ChannelFuture closeFuture() {
    return server.closeFuture();
  }

  /**
   * Stops accepting, then shuts the event loops down gracefully (requests in flight get a short quiet period) and
   * closes the backend's connections; waits at most a few seconds. Never call it from an event loop.
   */
  @Override
  public void close() {
    server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    shutdown();
  }

  private void shutdown() {
    if (ownBackend != null) {
      ownBackend.close();
    }
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(100, 3000, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    boss.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  /** Settings of a {@link NettyGateway}. */
  public static final class Builder {
    private Supplier<Gatehouse> gatehouse;
    private String address = "127.0.0.1";
    private int port;
    private int threads;
    private int maxContentLength = 16 * 1024 * 1024;
    private SslContext tls;
    private Backend backend;
    private Duration idleTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** The gateway to run. */
    public Builder gatehouse(Gatehouse gatehouse) {
      Objects.requireNonNull(gatehouse, "gatehouse");
      this.gatehouse = () -> gatehouse;
      return this;
    }

    /** Read per request: swap what it returns (an {@code AtomicReference::get}) to reload without restarting. */
    public Builder gatehouse(Supplier<Gatehouse> gatehouse) {
      this.gatehouse = Objects.requireNonNull(gatehouse, "gatehouse");
      return this;
    }

    /** Address to bind; default 127.0.0.1. */
    public Builder address(String address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Port to bind; default 0 (any free port, see {@link NettyGateway#address()}). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Worker event loops; 0 (default) lets Netty choose (2 × cores). */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Largest request body accepted; larger requests get 413. Default 16 MiB. */
    public Builder maxContentLength(int max) {
      this.maxContentLength = max;
      return this;
    }

    /** Serve HTTPS with this server context (request client certificates with {@code ClientAuth.OPTIONAL}). */
    public Builder tls(SslContext serverContext) {
      this.tls = serverContext;
      return this;
    }

    /**
     * How long a connection may stay quiet while none of its requests is being answered (an idle keep-alive
     * connection, a client that stopped sending in the middle of a request) before it is closed; default 60 s, zero
     * for never.
     */
    public Builder idleTimeout(Duration timeout) {
      if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
        throw new IllegalArgumentException("negative idle timeout");
      }
      this.idleTimeout = timeout;
      return this;
    }

    /** Send {@code forward-request} here instead of the gateway's own {@link NettyBackend}. */
    public Builder backend(Backend backend) {
      this.backend = backend;
      return this;
    }

    /** Binds and starts serving; blocks until bound (call it from a normal thread). */
    public NettyGateway start() throws InterruptedException {
      if (gatehouse == null) {
        throw new IllegalStateException("set gatehouse(...) before starting");
      }
      return new NettyGateway(this);
    }
  }
}
