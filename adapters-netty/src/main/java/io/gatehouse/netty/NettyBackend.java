package io.gatehouse.netty;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.ClientCertificate;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPoolHandler;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A {@link Backend} over a pooled Netty HTTP/1.1 client: one keep-alive connection pool per scheme, host, port and
 * client certificate, each bound to one event loop, so a response completes the engine's stage on that loop.
 *
 * <p>The timeout of {@link BackendOptions#timeout()} runs from the call until the response headers arrive, and
 * then bounds each wait for more of the body ({@link BackendException.Kind#TIMEOUT} either way); everything else
 * that yields no response is {@link BackendException.Kind#CONNECTION_FAILURE}, including a response the client
 * cannot trust: one it cannot decode (a head over 8 KiB, a broken chunk), a status outside 100–599 or an unasked
 * {@code 101}. A connection returns to the pool only after a complete keep-alive response with no bytes after it,
 * and is closed if bytes arrive while it is idle. HTTPS uses the JDK TLS provider with host name verification,
 * trusting the JDK's default trust store or the one given, and presents {@link BackendOptions#clientCertificate()}
 * when set. Requests that failed on a reused connection before any response (the server closed it while idle) are
 * retried once on a new connection when their method is idempotent. HTTP/2 is not spoken: {@code http-version="2"}
 * and {@code "2or1"} use HTTP/1.1.
 */
public final class NettyBackend implements Backend, AutoCloseable {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
  private static final int MAX_REDIRECTS = 10;

  private final EventLoopGroup group;
  private final boolean ownsGroup;
  private final TrustManagerFactory trust;
  private final int maxResponseLength;
  private final Bootstrap bootstrap;
  private final DnsAddressResolverGroup resolver;
  private final Map<ClientCertificate, SslContext> credentialContexts = new ConcurrentHashMap<>();
  private final SslContext defaultTls;
  private final Pools pools;

  /** Where one pool connects, and with which credential. */
  private record PoolKey(boolean tls, String host, int port, ClientCertificate certificate) {}

  private NettyBackend(Builder b) {
    this.ownsGroup = b.group == null;
    this.group = b.group != null ? b.group : new MultiThreadIoEventLoopGroup(b.threads, NioIoHandler.newFactory());
    this.trust = b.trustStore == null ? null : trustManagers(b.trustStore);
    this.maxResponseLength = b.maxResponseLength;
    // Netty's default resolver calls InetAddress.getByName on the event loop: a slow DNS server would stall every
    // connection of that loop. This one is asynchronous (hosts file first, then the system's name servers).
    this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
        .datagramChannelType(NioDatagramChannel.class).socketChannelType(NioSocketChannel.class));
    this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, b.connectTimeout.toMillis()))
        .option(ChannelOption.TCP_NODELAY, true)
        .resolver(resolver);
    this.defaultTls = sslContext(null);
    this.pools = new Pools(b.maxConnectionsPerHost);
  }

  /** A backend with its own event loops and default settings. */
  public static NettyBackend create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<BackendResponse> send(BackendRequest request, BackendOptions options) {
    CompletableFuture<BackendResponse> first = attempt(request, options, IDEMPOTENT.contains(request.method()));
    CompletionStage<BackendResponse> response = first.exceptionallyCompose(e -> {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      return cause instanceof BackendCall.StaleConnection ? attempt(request, options, false)
          : CompletableFuture.failedFuture(cause);
    });
    return options.followRedirects() ? response.thenCompose(r -> redirect(request, options, r, 0)) : response;
  }

  /** Follows 301, 302, 303, 307 and 308 with a Location; 303 (and 301/302 after POST) continue as GET. */
  private CompletionStage<BackendResponse> redirect(BackendRequest request, BackendOptions options,
      BackendResponse response, int hops) {
    int s = response.status();
    String location = response.headers().first("Location");
    if (location == null || hops >= MAX_REDIRECTS || !(s == 301 || s == 302 || s == 303 || s == 307 || s == 308)) {
      return CompletableFuture.completedFuture(response);
    }
    URI next;
    try {
      next = request.uri().resolve(location.strip());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(response);
    }
    boolean toGet = s == 303 || (s == 301 || s == 302) && request.method().equals("POST");
    BackendRequest followed = new BackendRequest(toGet ? "GET" : request.method(), next, request.headers(),
        toGet ? null : request.body());
    return send(followed, new BackendOptions(options.timeout(), false, options.httpVersion(),
        options.clientCertificate()))
        .thenCompose(r -> redirect(followed, options, r, hops + 1));
  }

  private CompletableFuture<BackendResponse> attempt(BackendRequest request, BackendOptions options,
      boolean mayRetry) {
    URI uri = request.uri();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return failed("unsupported backend URL: " + uri, null);
    }
    boolean tls = scheme.equals("https");
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
        : uri.getHost();
    int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
    FixedChannelPool pool;
    FullHttpRequest nettyRequest;
    try {
      pool = pools.get(new PoolKey(tls, host, port, options.clientCertificate()));
      nettyRequest = NettyMessages.toNettyRequest(request, uri.getRawAuthority());
    } catch (IllegalArgumentException e) {
      return failed(e.getMessage(), e);
    }
    BackendCall call = new BackendCall(maxResponseLength, mayRetry);
    long millis = options.timeout().toMillis();
    if (millis > 0) {
      call.timer(group.next().schedule(() -> call.timeout(millis), millis, TimeUnit.MILLISECONDS), millis);
    }
    pool.acquire().addListener((Future<Channel> acquired) -> {
      if (!acquired.isSuccess()) {
        nettyRequest.release();
        Throwable cause = acquired.cause();
        call.result.completeExceptionally(new BackendException(BackendException.Kind.CONNECTION_FAILURE,
            cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
            cause));
        return;
      }
      call.start(acquired.getNow(), pool, nettyRequest);
    });
    return call.result;
  }

  private static CompletableFuture<BackendResponse> failed(String message, Throwable cause) {
    return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.CONNECTION_FAILURE, message,
        cause));
  }

  private static TrustManagerFactory trustManagers(KeyStore store) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unusable trust store: " + e.getMessage(), e);
    }
  }

  /** A client TLS context: JDK provider, HTTPS host name verification, this backend's trust, the credential. */
  private SslContext sslContext(ClientCertificate credential) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
          .endpointIdentificationAlgorithm("HTTPS");
      if (trust != null) {
        builder.trustManager(trust);
      }
      if (credential != null) {
        builder.keyManager(credential.privateKey(), credential.chain());
      }
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalArgumentException("TLS cannot be set up: " + e.getMessage(), e);
    }
  }

  /** Closes every pooled connection and, when this backend created them, its event loops. */
  @Override
  public void close() {
    pools.close();
    resolver.close();
    if (ownsGroup) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
  }

  /** One fixed-size pool per key, each on one event loop (pool state and its connections share a thread). */
  private final class Pools extends AbstractChannelPoolMap<PoolKey, FixedChannelPool> {
    private final int maxConnections;

    Pools(int maxConnections) {
      this.maxConnections = maxConnections;
    }

    @Override
    protected FixedChannelPool newPool(PoolKey key) {
      SslContext tls = !key.tls() ? null : key.certificate() == null ? defaultTls
          : credentialContexts.computeIfAbsent(key.certificate(), NettyBackend.this::sslContext);
      Bootstrap b = bootstrap.clone(group.next()).remoteAddress(InetSocketAddress.createUnresolved(key.host(),
          key.port()));
      ChannelPoolHandler handler = new ChannelPoolHandler() {
        @Override
        public void channelCreated(Channel ch) {
          if (tls != null) {
            SslHandler ssl = tls.newHandler(ch.alloc(), key.host(), key.port());
            ch.pipeline().addLast(ssl);
          }
          BackendResponseDecoder decoder = new BackendResponseDecoder();
          BackendClientHandler calls = new BackendClientHandler(decoder);
          ch.pipeline().addLast(new IdleConnectionGuard(calls), new HttpRequestEncoder(), decoder, calls);
        }

        @Override
        public void channelAcquired(Channel ch) {}

        @Override
        public void channelReleased(Channel ch) {}
      };
      return new FixedChannelPool(b, handler, ChannelHealthChecker.ACTIVE, null, -1, maxConnections,
          Integer.MAX_VALUE, true, true);
    }
  }

  /** Settings of a {@link NettyBackend}. */
  public static final class Builder {
    private EventLoopGroup group;
    private int threads;
    private KeyStore trustStore;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private int maxConnectionsPerHost = 256;
    private int maxResponseLength = 64 * 1024 * 1024;

    private Builder() {}

    /** Share these event loops (a gateway's); the backend does not shut them down. Default: its own. */
    public Builder group(EventLoopGroup group) {
      this.group = Objects.requireNonNull(group, "group");
      return this;
    }

    /** Threads of the backend's own event loops; 0 (default) lets Netty choose. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Trust the server certificates of this store instead of the JDK's default trust store. */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = trustStore;
      return this;
    }

    /** How long establishing a TCP connection may take; default 30 seconds (the call's timeout still applies). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** Connections per pool; further calls wait for a free one. Default 256. */
    public Builder maxConnectionsPerHost(int max) {
      this.maxConnectionsPerHost = max;
      return this;
    }

    /** Largest response body accepted (larger ones fail as a connection failure); default 64 MiB. */
    public Builder maxResponseLength(int max) {
      this.maxResponseLength = max;
      return this;
    }

    public NettyBackend build() {
      return new NettyBackend(this);
    }
  }
}
