package io.gatehouse.servlet;

import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.Gatehouse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A Jakarta Servlet 6 filter that runs Gatehouse policies in front of the application it wraps; the application is
 * the backend of {@code forward-request}.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(GatehouseFilter.builder().apiOpsTree(Path.of("apim")).urlPrefix("/api")
 *     .build()), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>Only {@code REQUEST} dispatches are gated; requests outside the URL prefix go straight to the application. A
 * request with a body is read up to the limit, else 413. The engine runs on the request thread; when it has to wait
 * (an asynchronous application, a {@code send-request}, ...) the filter starts the container's asynchronous cycle
 * and releases the thread. When the chain does not support async the request thread waits instead. The application
 * is called through the {@code FilterChain}, which only Jetty keeps valid after {@code doFilter} returns: on Jetty
 * bodies are read with a {@code ReadListener} and the application may be called from the asynchronous cycle; on
 * other containers (Tomcat recycles its chains) bodies are read with blocking reads and the request thread waits
 * for the engine's answer, as for a chain without async (a streamed body still goes on asynchronously).
 *
 * <p>The application's response is buffered when an outbound or on-error policy may read or transform its body
 * (compile-time analysis of the pipeline; see {@code BackendOptions.responseBodyNeeded}), and when it is small: the
 * final {@code Content-Length} is then the final body's length. Otherwise it streams: once the application writes
 * more than 64 KiB or flushes, its status and headers go through the outbound policies, the client gets them (with
 * the application's own {@code Content-Length}, if it set one, else chunked), and the application's bytes then pass
 * straight through; the application's thread waits at that point until the policies have run. If a policy replaces
 * the body ({@code set-body}, {@code return-response}, an error), the client gets that response and the rest of the
 * application's body is dropped. An application writing with a {@code WriteListener} is buffered. {@code
 * Transfer-Encoding}/{@code Connection} are always the container's.
 *
 * <p>Configure it with {@link #builder()}, or in {@code web.xml} with the no-argument constructor and the init
 * parameters {@code apiOpsTree} (required), {@code urlPrefix}, {@code unmatchedRequests} ({@code
 * PASS_TO_APPLICATION} or {@code NOT_FOUND}), {@code trustedProxies} (comma-separated) and {@code
 * maxRequestBodyBytes}.
 */
public final class GatehouseFilter implements Filter {
  /** Default limit of a buffered request body: 16 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 16L << 20;

  private Gatehouse gatehouse;
  private String urlPrefix = "";
  private UnmatchedRequests unmatchedRequests = UnmatchedRequests.PASS_TO_APPLICATION;
  private TrustedProxies trustedProxies = TrustedProxies.NONE;
  private long maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
  private volatile Origin lastOrigin = Origin.NONE;
  // Whether the container's FilterChain may still be called once doFilter has returned (from the asynchronous
  // cycle). Jetty's chains are immutable and reusable; Tomcat recycles its chain as soon as doFilter returns. The
  // Servlet specification promises neither, so unless the container is known to allow it the application is called
  // on the filter's own thread, inside doFilter.
  private boolean chainOutlivesDoFilter;

  /** For containers that instantiate filters ({@code web.xml}); configured by init parameters. */
  public GatehouseFilter() {}

  private GatehouseFilter(Builder b) {
    this.gatehouse = b.gatehouse != null ? b.gatehouse : Gatehouse.builder().apiOpsTree(b.apiOpsTree).build();
    this.urlPrefix = b.urlPrefix;
    this.unmatchedRequests = b.unmatchedRequests;
    this.trustedProxies = b.trustedProxies;
    this.maxRequestBodyBytes = b.maxRequestBodyBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    ServletContext context = config.getServletContext();
    chainOutlivesDoFilter = context != null && keepsChains(context.getServerInfo());
    if (gatehouse != null) {
      return;
    }
    String tree = config.getInitParameter("apiOpsTree");
    if (tree == null || tree.isBlank()) {
      throw new ServletException("GatehouseFilter needs the init parameter apiOpsTree");
    }
    try {
      Builder b = builder().apiOpsTree(Path.of(tree.strip()));
      String prefix = config.getInitParameter("urlPrefix");
      if (prefix != null) {
        b.urlPrefix(prefix);
      }
      String unmatched = config.getInitParameter("unmatchedRequests");
      if (unmatched != null) {
        b.unmatchedRequests(parameter("unmatchedRequests", unmatched,
            v -> UnmatchedRequests.valueOf(v.toUpperCase(Locale.ROOT)), Arrays.toString(UnmatchedRequests.values())));
      }
      String proxies = config.getInitParameter("trustedProxies");
      if (proxies != null && !proxies.isBlank()) {
        b.trustedProxies(proxies.split(","));
      }
      String max = config.getInitParameter("maxRequestBodyBytes");
      if (max != null) {
        b.maxRequestBodyBytes(parameter("maxRequestBodyBytes", max, Long::parseLong, "a number of bytes"));
      }
      GatehouseFilter built = b.build();
      this.gatehouse = built.gatehouse;
      this.urlPrefix = built.urlPrefix;
      this.unmatchedRequests = built.unmatchedRequests;
      this.trustedProxies = built.trustedProxies;
      this.maxRequestBodyBytes = built.maxRequestBodyBytes;
    } catch (RuntimeException e) {
      throw new ServletException("GatehouseFilter configuration failed: " + e.getMessage(), e);
    }
  }

  /** An init parameter's value read by {@code parse}; a value it refuses is named with what was expected. */
  private static <T> T parameter(String name, String value, Function<String, T> parse, String expected) {
    try {
      return parse.apply(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("init parameter " + name + " is '" + value + "', expected " + expected, e);
    }
  }

  /** Whether a container ({@code ServletContext.getServerInfo()}) keeps filter chains valid after doFilter. */
  static boolean keepsChains(String serverInfo) {
    return serverInfo != null && serverInfo.toLowerCase(Locale.ROOT).startsWith("jetty/");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)
        || req.getDispatcherType() != DispatcherType.REQUEST) {
      chain.doFilter(request, response);
      return;
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (path.isEmpty()) {
      path = "/";
    }
    if (!insidePrefix(path)) {
      chain.doFilter(request, response);
      return;
    }
    long declared = req.getContentLengthLong();
    if (declared > maxRequestBodyBytes) {
      tooLarge(res);
      discardRest(req);
      return;
    }
    if (declared <= 0 && req.getHeader("Transfer-Encoding") == null) {
      exchange(new Call(req, res, chain, path, null, null));
      return;
    }
    if (!req.isAsyncSupported() || !chainOutlivesDoFilter) {
      byte[] body;
      try {
        body = RequestBodyReader.readBlocking(req.getInputStream(), maxRequestBodyBytes, declared);
      } catch (RequestBodyReader.TooLarge e) {
        tooLarge(res);
        discardRest(req);
        return;
      }
      exchange(new Call(req, res, chain, path, body, null));
      return;
    }
    AsyncContext async = req.startAsync();
    async.setTimeout(0);
    String inContext = path;
    RequestBodyReader.readAsync(req.getInputStream(), maxRequestBodyBytes, declared,
        body -> runAsync(async, () -> exchange(new Call(req, res, chain, inContext, body, async))),
        error -> {
          if (error instanceof RequestBodyReader.TooLarge) {
            tooLarge(res);
          }
          async.complete();
        });
  }

  /** One request on its way through the filter. */
  private record Call(HttpServletRequest req, HttpServletResponse res, FilterChain chain, String path,
      byte[] body, AsyncContext async) {
    Call withAsync(AsyncContext context) {
      return new Call(req, res, chain, path, body, context);
    }
  }

  private void exchange(Call call) throws IOException, ServletException {
    HttpServletRequest req = call.req();
    ContainerThreads threads = new ContainerThreads();
    if (call.async() != null) {
      threads.attach(call.async());
    }
    GatewayRequest gatewayRequest = new GatewayRequest(req.getMethod(), clientUrl(req),
        headers(req), call.body(), clientIp(req), certificates(req));
    ResponseHandover handover = new ResponseHandover(req, call.res());
    ApplicationBackend backend = new ApplicationBackend(req, call.res(), call.chain(), call.path(), threads,
        handover);
    CompletableFuture<ExchangeOutcome> outcome = backend.runInline(gatehouse, gatewayRequest, basePath(req));
    if (outcome.isDone()) {
      finish(call, outcome, threads, handover);
      return;
    }
    // Only where the chain outlives doFilter may the application be called (or called again, by a second
    // forward-request) from the asynchronous cycle; elsewhere this thread waits for the answer, as for a chain
    // without async.
    if (call.async() == null && req.isAsyncSupported() && chainOutlivesDoFilter) {
      AsyncContext async = req.startAsync();
      async.setTimeout(0);
      threads.attach(async);
      call = call.withAsync(async);
    }
    if (call.async() != null) {
      Call asyncCall = call;
      outcome.whenComplete((o, e) -> asyncCall.async().start(() -> runAsync(asyncCall.async(),
          () -> finish(asyncCall, outcome, threads, handover))));
      return;
    }
    try {
      threads.runUntil(outcome);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("interrupted while waiting for the gateway", e);
    }
    finish(call, outcome, threads, handover);
  }

  private void finish(Call call, CompletableFuture<ExchangeOutcome> outcome, ContainerThreads threads,
      ResponseHandover handover) throws IOException, ServletException {
    ExchangeOutcome result = outcome.join();
    if (handover.isStreaming()) {
      finishStreamed(call, result, threads, handover);
      return;
    }
    if (unmatchedRequests == UnmatchedRequests.PASS_TO_APPLICATION && isUnmatched(result)) {
      passToApplication(call, threads);
      return;
    }
    try {
      ClientResponse.write(call.req(), call.res(), result.response());
    } finally {
      if (call.async() != null) {
        call.async().complete();
      }
    }
  }

  /**
   * The application's body streams: the outcome is written (if the committing thread has not done so already) and
   * the client's response stays open until the application has finished writing.
   */
  private static void finishStreamed(Call call, ExchangeOutcome result, ContainerThreads threads,
      ResponseHandover handover) throws ServletException {
    handover.decide(result);
    AsyncContext async = call.async();
    if (async == null && !handover.isApplicationDone()) {
      async = call.req().startAsync();
      async.setTimeout(0);
      threads.attach(async);
    }
    if (async != null) {
      handover.whenApplicationDone(async::complete);
    } else if (handover.isTruncated()) {
      throw new ServletException("the application failed while its response was streaming");
    }
  }

  /** The engine's answer for a request that matches no operation (it ran no policy). */
  private static boolean isUnmatched(ExchangeOutcome outcome) {
    LastError error = outcome.lastError();
    return outcome.response().status() == 404 && outcome.backendRequest() == null && error != null
        && "OperationNotFound".equals(error.reason()) && "configuration".equals(error.source());
  }

  private void passToApplication(Call call, ContainerThreads threads) throws IOException, ServletException {
    if (call.body() == null && call.async() == null) {
      call.chain().doFilter(call.req(), call.res());
      return;
    }
    AsyncContext async = call.async();
    HttpServletRequest req = call.req();
    ApplicationRequest replay = new ApplicationRequest(req, req.getMethod(), call.path(), req.getQueryString(),
        headers(req), call.body(), threads, 30_000, async == null ? () -> { } : async::complete);
    replay.setResponse(call.res());
    try {
      call.chain().doFilter(replay, call.res());
    } finally {
      if (async != null && replay.applicationAsyncContext() == null) {
        async.complete();
      }
    }
  }

  /**
   * Reads and drops up to {@link RequestBodyReader#DISCARD_LIMIT} bytes of a rejected request body. A connection
   * closed while the client is still sending can be reset before the client reads the 413; consuming the rest first
   * lets it arrive.
   * Bounded, so a huge upload still ends with the connection closed.
   */
  private static void discardRest(HttpServletRequest req) {
    byte[] buffer = new byte[8192];
    long discarded = 0;
    try {
      var in = req.getInputStream();
      int n;
      while (discarded < RequestBodyReader.DISCARD_LIMIT && (n = in.read(buffer)) > 0) {
        discarded += n;
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone, or the body is being read asynchronously: nothing more to do
    }
  }

  private static void tooLarge(HttpServletResponse res) {
    if (res.isCommitted()) {
      return;
    }
    byte[] body = "{\"statusCode\": 413, \"message\": \"Request entity too large\"}".getBytes(StandardCharsets.UTF_8);
    try {
      res.setStatus(413);
      res.setHeader("Connection", "close");
      res.setContentType("application/json");
      res.setContentLength(body.length);
      res.getOutputStream().write(body);
    } catch (IOException e) {
      // The client is gone; nothing to answer.
    }
  }

  /** Runs filter work inside an asynchronous cycle: a failure answers 500 instead of leaving the request open. */
  private static void runAsync(AsyncContext async, ThrowingRunnable work) {
    try {
      work.run();
    } catch (Exception e) {
      HttpServletResponse res = (HttpServletResponse) async.getResponse();
      if (!res.isCommitted()) {
        res.setStatus(500);
      }
      async.complete();
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Whether {@code path} (inside the servlet context) is the URL prefix or below it. */
  private boolean insidePrefix(String path) {
    return urlPrefix.isEmpty() || path.startsWith(urlPrefix)
        && (path.length() == urlPrefix.length() || path.charAt(urlPrefix.length()) == '/');
  }

  /** Where the engine's routing begins: context path and URL prefix. */
  private String basePath(HttpServletRequest req) {
    return urlPrefix.isEmpty() ? req.getContextPath() : req.getContextPath() + urlPrefix;
  }

  /**
   * The URL as the client sent it (context path and URL prefix included, so OriginalUrl and the realm show them);
   * the engine routes below {@code contextPath + urlPrefix}.
   */
  private String clientUrl(HttpServletRequest req) {
    String scheme = req.getScheme();
    String host = JettyRequests.serverHost(req);
    int port;
    if (host != null) {
      port = JettyRequests.serverPort(req);
    } else {
      host = req.getServerName();
      port = req.getServerPort();
    }
    Origin origin = lastOrigin;
    if (!origin.is(scheme, host, port)) {
      origin = Origin.of(scheme, host, port);
      lastOrigin = origin;
    }
    String query = req.getQueryString();
    return query == null ? origin.text() + req.getRequestURI() : origin.text() + req.getRequestURI() + "?" + query;
  }

  /**
   * {@code scheme://host:port} of a client URL, kept from one request to the next: a server answers under few
   * names, so the text is built again only when they change.
   */
  private record Origin(String scheme, String host, int port, String text) {
    static final Origin NONE = new Origin("", "", -1, "");

    static Origin of(String scheme, String host, int port) {
      String bracketed = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
      return new Origin(scheme, host, port, scheme + "://" + bracketed + ":" + port);
    }

    boolean is(String scheme, String host, int port) {
      return this.port == port && this.host.equals(host) && this.scheme.equals(scheme);
    }
  }

  /**
   * The client's headers: Jetty's own fields when the request is Jetty's ({@link JettyRequests}), else read
   * straight from the container's enumerations (no intermediate lists).
   */
  private static HttpHeaders headers(HttpServletRequest req) {
    HttpHeaders headers = new HttpHeaders();
    if (JettyRequests.copy(req, headers)) {
      return headers;
    }
    Enumeration<String> names = req.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = req.getHeaders(name);
      while (values.hasMoreElements()) {
        addRepresentable(headers, name, values.nextElement());
      }
    }
    return headers;
  }

  /** Adds a client header, unless the engine cannot represent it (then it is not passed on). */
  static void addRepresentable(HttpHeaders headers, String name, String value) {
    try {
      headers.add(name, value);
    } catch (IllegalArgumentException e) {
      // not a token name, or CR, LF or NUL in the value
    }
  }

  private String clientIp(HttpServletRequest req) {
    String remote = req.getRemoteAddr();
    if (trustedProxies.isEmpty()) {
      return remote; // X-Forwarded-For is not believed: no need to look it up
    }
    return trustedProxies.clientIp(remote, Collections.list(req.getHeaders("X-Forwarded-For")));
  }

  private static List<X509Certificate> certificates(HttpServletRequest req) {
    Object chain = req.getAttribute("jakarta.servlet.request.X509Certificate");
    return chain instanceof X509Certificate[] certs ? Arrays.asList(certs) : List.of();
  }

  /** Configures a {@link GatehouseFilter}. */
  public static final class Builder {
    private Gatehouse gatehouse;
    private Path apiOpsTree;
    private String urlPrefix = "";
    private UnmatchedRequests unmatchedRequests = UnmatchedRequests.PASS_TO_APPLICATION;
    private TrustedProxies trustedProxies = TrustedProxies.NONE;
    private long maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;

    private Builder() {}

    /** The gateway to run (built with subscriptions, certificates, ... as needed). */
    public Builder gatehouse(Gatehouse gatehouse) {
      this.gatehouse = Objects.requireNonNull(gatehouse, "gatehouse");
      return this;
    }

    /** Builds the gateway from an APIOps tree with default options instead. */
    public Builder apiOpsTree(Path root) {
      this.apiOpsTree = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * The path inside the servlet context where the gateway's API paths begin: with {@code /api}, {@code
     * /api/orders/1} is the gateway's {@code /orders/1}; requests outside it skip the filter. Default: none.
     */
    public Builder urlPrefix(String prefix) {
      String p = Objects.requireNonNull(prefix, "prefix").strip();
      while (p.endsWith("/")) {
        p = p.substring(0, p.length() - 1);
      }
      if (!p.isEmpty() && !p.startsWith("/")) {
        p = "/" + p;
      }
      this.urlPrefix = p;
      return this;
    }

    /** What to do with requests that match no operation; default {@link UnmatchedRequests#PASS_TO_APPLICATION}. */
    public Builder unmatchedRequests(UnmatchedRequests behaviour) {
      this.unmatchedRequests = Objects.requireNonNull(behaviour, "behaviour");
      return this;
    }

    /** Proxies (IPs or CIDR ranges) whose {@code X-Forwarded-For} is believed; default: none. */
    public Builder trustedProxies(String... addressesOrRanges) {
      this.trustedProxies = TrustedProxies.of(List.of(addressesOrRanges));
      return this;
    }

    /** Largest request body buffered for the policies; larger requests get 413. Default 16 MiB. */
    public Builder maxRequestBodyBytes(long max) {
      if (max < 0) {
        throw new IllegalArgumentException("max must be >= 0");
      }
      this.maxRequestBodyBytes = max;
      return this;
    }

    /** Builds the filter (compiling the APIOps tree if one was given). */
    public GatehouseFilter build() {
      if (gatehouse == null && apiOpsTree == null) {
        throw new IllegalStateException("set gatehouse(...) or apiOpsTree(...)");
      }
      return new GatehouseFilter(this);
    }
  }
}
