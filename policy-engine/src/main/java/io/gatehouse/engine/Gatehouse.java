package io.gatehouse.engine;

import io.gatehouse.api.Backend;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.api.Subscription;
import io.gatehouse.api.SubscriptionStore;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.backend.JdkHttpBackend;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.ProductInfo;
import io.gatehouse.engine.context.SubscriptionInfo;
import io.gatehouse.engine.context.HttpUrl;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.context.UserInfo;
import io.gatehouse.engine.expr.CSharpExpressionCompiler;
import io.gatehouse.engine.expr.ExpressionCompiler;
import io.gatehouse.engine.expr.ExpressionOptions;
import io.gatehouse.engine.jwt.TokenValidation;
import io.gatehouse.engine.jwt.TokenValidationOptions;
import io.gatehouse.engine.pipeline.Body;
import io.gatehouse.engine.pipeline.ErrorResponses;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.HeaderSerialization;
import io.gatehouse.engine.pipeline.Pipeline;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.policy.PolicyServices;
import io.gatehouse.engine.routing.RouteMatch;
import io.gatehouse.engine.routing.Router;
import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.apiops.ApiOpsLoader;
import io.gatehouse.xml.apiops.ApiOpsOptions;
import io.gatehouse.xml.config.GatewayConfig;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A compiled gateway: APIM policy documents ready to run against requests in-process.
 *
 * <pre>{@code
 * Gatehouse gatehouse = Gatehouse.builder().apiOpsTree(Path.of("apim-artifacts")).build();
 * GatewayResponse response = gatehouse.handle(request).toCompletableFuture().join();
 * }</pre>
 *
 * <p>Building compiles everything (documents, composition, expressions) and either succeeds completely or throws
 * {@link PolicyLoadException} listing every diagnostic; there is no half-loaded gateway. A built instance is
 * immutable and thread-safe; requests never parse policy text.
 */
public final class Gatehouse {
  private final Router router;
  private final Map<String, Map<String, CompiledOperation>> operations;
  private final Backend backend;
  private final Clock clock;
  private final TraceSink traceSink;
  private final boolean recordSteps;
  private final SubscriptionStore subscriptions;
  private final List<Diagnostic> warnings;

  private Gatehouse(Builder b, Router router, Map<String, Map<String, CompiledOperation>> operations,
      List<Diagnostic> warnings) {
    this.router = router;
    this.operations = operations;
    this.backend = b.backend != null ? b.backend : new JdkHttpBackend();
    this.clock = b.clock;
    this.traceSink = b.traceSink;
    this.recordSteps = b.recordSteps;
    this.subscriptions = b.subscriptions;
    this.warnings = warnings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Warnings reported while building (errors would have prevented the build). */
  public List<Diagnostic> warnings() {
    return warnings;
  }

  /** Runs a request through its operation's policies; the stage never completes exceptionally. */
  public CompletionStage<GatewayResponse> handle(GatewayRequest request) {
    return execute(request).thenApply(ExchangeOutcome::response);
  }

  /** Like {@link #handle} but also reports the backend request, variables, LastError and traces. */
  public CompletionStage<ExchangeOutcome> execute(GatewayRequest request) {
    return execute(request, backend);
  }

  /**
   * Like {@link #execute(GatewayRequest)} with {@code forward-request} going to {@code backendForThisRequest}: how a
   * servlet filter or a Netty handler makes the wrapped application the backend of one request.
   */
  public CompletionStage<ExchangeOutcome> execute(GatewayRequest request, Backend backendForThisRequest) {
    return execute(request, backendForThisRequest, "");
  }

  /**
   * Like {@link #execute(GatewayRequest, Backend)} for a gateway mounted below {@code basePath} (a servlet filter's
   * URL prefix such as {@code /gw}): APIs are routed on the path after it, while {@code context.Request.OriginalUrl}
   * and the {@code WWW-Authenticate} realm keep it, as the client sees them. A request outside it is not found.
   *
   * @param basePath empty, or a path starting with {@code /} and not ending with one (percent-encoded as sent)
   */
  public CompletionStage<ExchangeOutcome> execute(GatewayRequest request, Backend backendForThisRequest,
      String basePath) {
    Objects.requireNonNull(backendForThisRequest, "backendForThisRequest");
    Objects.requireNonNull(basePath, "basePath");
    HttpUrl url = request.target() != null ? HttpUrl.of(request.scheme(), request.authority(), request.target())
        : HttpUrl.parse(request.url());
    if (url == null) {
      return notFound();
    }
    String path = routedPath(url.rawPath(), basePath);
    if (path == null) {
      return notFound();
    }
    HttpHeaders headers = request.headers().copy();
    UrlInfo original = UrlInfo.of(url);
    if (isPreflight(request.method(), headers) && router.match("OPTIONS", path, url.rawQuery(), headers) == null) {
      RouteMatch target = router.match(headers.first("Access-Control-Request-Method").strip(), path,
          url.rawQuery(), headers);
      CompiledOperation op = target == null ? null : lookup(target);
      if (op != null) {
        // A preflight carries no key: it runs in the keyless context (an open product's, if any).
        CompiledOperation.ProductPipeline open = op.access().openProductId() == null ? null
            : op.products().get(op.access().openProductId());
        Pipeline pipeline = open == null ? op.pipeline() : open.pipeline();
        if (pipeline.handlesPreflight()) {
          Exchange exchange = exchange(request, original, headers, target, op,
              open == null ? null : open.product(), null, backendForThisRequest, clock.instant());
          pipeline.runPreflight(exchange);
          return CompletableFuture.completedFuture(outcome(exchange));
        }
      }
    }
    RouteMatch match = router.match(request.method(), path, url.rawQuery(), headers);
    CompiledOperation op = match == null ? null : lookup(match);
    if (op == null) {
      return notFound();
    }
    Instant now = clock.instant(); // the request's one clock read: context.Timestamp and the key's validity
    SubscriptionCheck.Access access;
    try {
      access = SubscriptionCheck.resolve(op.access(), headers, original, basePath, op.api().path(), subscriptions,
          now);
    } catch (PolicyFailure failure) {
      Exchange exchange = exchange(request, original, headers, match, op, null, null, backendForThisRequest, now);
      return finish(op.pipeline().fail(exchange, failure), exchange);
    }
    CompiledOperation.ProductPipeline product = access.productId() == null ? null
        : op.products().get(access.productId());
    Pipeline pipeline = product == null ? op.pipeline() : product.pipeline();
    Exchange exchange = exchange(request, original, headers, match, op,
        product == null ? null : product.product(), access, backendForThisRequest, now);
    CompletionStage<Void> pending = pipeline.start(exchange);
    return pending == null ? CompletableFuture.completedFuture(outcome(exchange)) : finish(pending, exchange);
  }

  private static CompletionStage<ExchangeOutcome> finish(CompletionStage<Void> run, Exchange exchange) {
    if (run instanceof CompletableFuture<Void> done && done.isDone()) {
      return CompletableFuture.completedFuture(outcome(exchange)); // the run never completes exceptionally
    }
    return run.thenApply(v -> outcome(exchange));
  }

  /** The path below {@code basePath}, or null when the request is outside it. */
  private static String routedPath(String rawPath, String basePath) {
    if (basePath.isEmpty()) {
      return rawPath;
    }
    if (!rawPath.startsWith(basePath)) {
      return null;
    }
    if (rawPath.length() == basePath.length()) {
      return "/";
    }
    return rawPath.charAt(basePath.length()) == '/' ? rawPath.substring(basePath.length()) : null;
  }

  private CompiledOperation lookup(RouteMatch match) {
    Map<String, CompiledOperation> api = operations.get(match.api().id().toLowerCase(Locale.ROOT));
    return api == null ? null : api.get(match.operation().id().toLowerCase(Locale.ROOT));
  }

  private static boolean isPreflight(String method, HttpHeaders headers) {
    return "OPTIONS".equalsIgnoreCase(method) && headers.contains("Origin")
        && headers.first("Access-Control-Request-Method") != null
        && !headers.first("Access-Control-Request-Method").isBlank();
  }

  private Exchange exchange(GatewayRequest request, UrlInfo original, HttpHeaders headers, RouteMatch match,
      CompiledOperation op, ProductInfo product, SubscriptionCheck.Access access, Backend backend, Instant now) {
    Subscription s = access == null ? null : access.subscription();
    SubscriptionInfo subscription = s == null ? null : new SubscriptionInfo(s.id(), s.name(), access.key(),
        s.primaryKey(), s.secondaryKey(), s.createdDate(), s.startDate(), s.endDate());
    UserInfo user = s == null || s.owner() == null ? null : new UserInfo(s.owner().id(), s.owner().email(),
        s.owner().firstName(), s.owner().lastName(), null, null, List.of());
    X509Certificate certificate = request.clientCertificates().isEmpty() ? null : request.clientCertificates().get(0);
    return new Exchange(new Exchange.Setup(
        new Exchange.MutableRequestSetup(upperCase(request.method()), original, op.serviceUrl(),
            match.operationPath(), headers, request.body(), match.parameters(), request.clientIp(), certificate,
            request.clientCertificates()),
        op.api(), op.operation(), product, subscription, user, DeploymentInfo.LOCAL, clock, backend, traceSink,
        false, recordSteps, op.mockResponses()), now);
  }

  /** The method in upper case; hosts usually hand it so, which needs no copy. */
  private static String upperCase(String method) {
    for (int i = 0, n = method.length(); i < n; i++) {
      char c = method.charAt(i);
      if (c < 'A' || c > 'Z') {
        return method.toUpperCase(Locale.ROOT);
      }
    }
    return method;
  }

  private static CompletionStage<ExchangeOutcome> notFound() {
    HttpHeaders headers = HttpHeaders.of("Content-Type", "application/json");
    GatewayResponse response = new GatewayResponse(404, ErrorResponses.reasonPhrase(404), headers,
        ErrorResponses.body(404, "Resource not found"));
    LastError error = new LastError("configuration", "OperationNotFound",
        "Unable to match incoming request to an operation.", null, null, null, null);
    return CompletableFuture.completedFuture(
        new ExchangeOutcome(response, null, Map.of(), error, List.of(), List.of()));
  }

  private static ExchangeOutcome outcome(Exchange exchange) {
    exchange.responseComplete();
    HttpHeaders headers = HeaderSerialization.forWire(exchange.response().headers());
    HttpHeaders cors = exchange.corsHeaders();
    if (cors != null) {
      headers.setAll(cors);
    }
    Body body = exchange.response().body();
    GatewayResponse response = new GatewayResponse(exchange.response().statusCode(),
        exchange.response().statusReason(), headers, body == null ? null : body.peek(),
        body == null ? null : body.streamed());
    return new ExchangeOutcome(response, exchange.backendRequest(), exchange.variablesSoFar(), exchange.lastError(),
        exchange.stepTraces(), exchange.traceEvents());
  }

  /** Configures and builds a {@link Gatehouse}. Not thread-safe; build once, share the result. */
  public static final class Builder {
    private GatewayConfig config;
    private Path apiOpsTree;
    private ApiOpsOptions apiOpsOptions;
    private Backend backend;
    private Clock clock = Clock.systemUTC();
    private TraceSink traceSink = TraceSink.NONE;
    private boolean recordSteps;
    private SubscriptionStore subscriptions = SubscriptionStore.EMPTY;
    private ExpressionCompiler expressions;
    private ExpressionOptions expressionOptions = ExpressionOptions.DEFAULTS;
    private CertificateStore certificates = CertificateStore.EMPTY;
    private TokenValidationOptions tokenValidation = TokenValidationOptions.defaults();
    private io.gatehouse.api.CounterStore counterStore;

    private Builder() {}

    /**
     * Where rate-limit, quota and limit-concurrency keep their counters; default: a fresh
     * {@link io.gatehouse.engine.counter.InMemoryCounterStore} on this engine's clock. Share one store (e.g. a
     * Redis store) between engines that must enforce limits together.
     */
    public Builder counterStore(io.gatehouse.api.CounterStore store) {
      this.counterStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Serve a programmatic configuration ({@link GatewayConfig#builder()}). */
    public Builder config(GatewayConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Serve an APIOps tree (the folder holding {@code policy.xml}, {@code apis/}, ...). */
    public Builder apiOpsTree(Path root) {
      this.apiOpsTree = Objects.requireNonNull(root, "root");
      return this;
    }

    /** Options for loading the APIOps tree (secret named values, ...). */
    public Builder apiOpsOptions(ApiOpsOptions options) {
      this.apiOpsOptions = options;
      return this;
    }

    /** Where {@code forward-request} sends requests; default: {@link JdkHttpBackend}. */
    public Builder backend(Backend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /** The clock behind {@code DateTime.UtcNow}, {@code context.Timestamp} and every time window. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Receives {@code trace} output; default: dropped. */
    public Builder traceSink(TraceSink traceSink) {
      this.traceSink = Objects.requireNonNull(traceSink, "traceSink");
      return this;
    }

    /**
     * Where subscription keys are looked up (keys are never in APIOps trees); default: none, so APIs that require
     * a subscription refuse every call. See {@code InMemorySubscriptionStore} and {@code SubscriptionFile}.
     */
    public Builder subscriptions(SubscriptionStore store) {
      this.subscriptions = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Record the statements that ran and trace output in each {@link ExchangeOutcome} (tests, CLI). */
    public Builder recordSteps(boolean record) {
      this.recordSteps = record;
      return this;
    }

    /** Budgets of every expression evaluation (steps, wall time, string and collection size). */
    public Builder expressionOptions(ExpressionOptions options) {
      this.expressionOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** The gateway's certificates: authentication-certificate, validate-client-certificate, validate-jwt certificate-id. */
    public Builder certificates(CertificateStore certificates) {
      this.certificates = Objects.requireNonNull(certificates, "certificates");
      return this;
    }

    /**
     * Settings of {@code validate-jwt} and {@code validate-azure-ad-token}: openid-config fetcher and intervals,
     * certificate store, signature cache (on by default), Entra authority.
     */
    public Builder tokenValidation(TokenValidationOptions options) {
      this.tokenValidation = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Replaces the expression compiler (for tests of the engine itself). */
    public Builder expressionCompiler(ExpressionCompiler compiler) {
      this.expressions = Objects.requireNonNull(compiler, "compiler");
      return this;
    }

    /** Compiles everything; throws {@link PolicyLoadException} with all diagnostics on any error. */
    public Gatehouse build() {
      Diagnostics diagnostics = new Diagnostics();
      Gatehouse gatehouse = compile(diagnostics);
      diagnostics.throwIfErrors();
      return gatehouse;
    }

    /** Compiles everything and returns the diagnostics, errors and warnings, without throwing (lint). */
    public List<Diagnostic> check() {
      Diagnostics diagnostics = new Diagnostics();
      compile(diagnostics);
      return diagnostics.all();
    }

    private Gatehouse compile(Diagnostics diagnostics) {
      GatewayConfig cfg = config;
      if (cfg == null && apiOpsTree != null) {
        cfg = ApiOpsLoader.load(apiOpsTree, apiOpsOptions == null ? ApiOpsOptions.defaults() : apiOpsOptions,
            diagnostics);
      }
      if (cfg == null) {
        if (config == null && apiOpsTree == null) {
          throw new IllegalStateException("set config(...) or apiOpsTree(...) before building");
        }
        return null;
      }
      ExpressionCompiler compiler = expressions != null ? expressions : new CSharpExpressionCompiler(expressionOptions);
      Map<String, Map<String, CompiledOperation>> compiled =
          new GatewayCompiler(cfg, compiler, diagnostics, new PolicyServices(certificates,
              TokenValidation.create(tokenValidation), counterStore != null ? counterStore
                  : io.gatehouse.engine.counter.InMemoryCounterStore.builder().clock(clock).build())).compile();
      if (diagnostics.hasErrors()) {
        return null;
      }
      List<Diagnostic> warnings = diagnostics.all();
      return new Gatehouse(this, new Router(cfg), Map.copyOf(compiled), warnings);
    }
  }
}
