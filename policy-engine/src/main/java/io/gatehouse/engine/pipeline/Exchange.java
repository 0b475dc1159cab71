package io.gatehouse.engine.pipeline;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.ClientCertificate;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.context.ProductInfo;
import io.gatehouse.engine.context.SubscriptionInfo;
import io.gatehouse.engine.context.UserInfo;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One request's state while its pipeline runs; implements APIM's {@code context} for expressions. Confined to one
 * request (never shared between threads at the same time), so it needs no locking.
 */
public final class Exchange implements PolicyContext {
  private final MutableRequest request;
  private final MutableResponse response = new MutableResponse();
  private Map<String, Object> variables; // created on first use: most requests set none
  private final ApiInfo api;
  private final OperationInfo operation;
  private final ProductInfo product;
  private final SubscriptionInfo subscription;
  private final UserInfo user;
  private final DeploymentInfo deployment;
  private UUID requestId; // drawn on first use: UUID.randomUUID() takes a lock on the shared SecureRandom
  private final Instant timestamp;
  private final Clock clock;
  private final Backend backend;
  private final TraceSink traceSink;
  private final boolean tracing;
  private final List<StepTrace> stepTraces;
  private final List<TraceSink.TraceEvent> traceEvents;
  private final MockResponses mockResponses;
  private LastError lastError;
  private BackendRequest backendRequest;
  private HttpHeaders corsHeaders;
  private ClientCertificate backendClientCertificate;
  private List<java.util.function.Consumer<Exchange>> onResponse;
  private java.util.Set<String> counted;

  /** Everything an exchange is created from. */
  public record Setup(
      MutableRequestSetup request,
      ApiInfo api,
      OperationInfo operation,
      ProductInfo product,
      SubscriptionInfo subscription,
      UserInfo user,
      DeploymentInfo deployment,
      Clock clock,
      Backend backend,
      TraceSink traceSink,
      boolean tracing,
      boolean recordSteps,
      MockResponses mockResponses) {}

  /**
   * The request part of {@link Setup}; {@code certificate} is the client's leaf certificate or null,
   * {@code certificateChain} the whole chain the client presented, leaf first (null: just {@code certificate}).
   */
  public record MutableRequestSetup(
      String method,
      io.gatehouse.engine.context.UrlInfo originalUrl,
      java.net.URI backendBase,
      String relativePath,
      HttpHeaders headers,
      byte[] body,
      Map<String, String> matchedParameters,
      String ipAddress,
      X509Certificate certificate,
      List<X509Certificate> certificateChain) {
    public MutableRequestSetup {
      certificateChain = certificateChain != null ? List.copyOf(certificateChain)
          : certificate == null ? List.of() : List.of(certificate);
      certificate = certificate != null || certificateChain.isEmpty() ? certificate : certificateChain.get(0);
    }

    /** A request with at most a leaf client certificate. */
    public MutableRequestSetup(String method, io.gatehouse.engine.context.UrlInfo originalUrl,
        java.net.URI backendBase, String relativePath, HttpHeaders headers, byte[] body,
        Map<String, String> matchedParameters, String ipAddress, X509Certificate certificate) {
      this(method, originalUrl, backendBase, relativePath, headers, body, matchedParameters, ipAddress, certificate,
          null);
    }
  }

  public Exchange(Setup setup) {
    this(setup, setup.clock().instant());
  }

  /** An exchange whose {@code context.Timestamp} is {@code timestamp} (read from the setup's clock by the caller). */
  public Exchange(Setup setup, Instant timestamp) {
    MutableRequestSetup r = setup.request();
    this.request = new MutableRequest(r.method(), r.originalUrl(), r.backendBase(), r.relativePath(), r.headers(),
        r.body(), r.matchedParameters(), r.ipAddress(), r.certificate(), r.certificateChain());
    this.api = setup.api();
    this.operation = setup.operation();
    this.product = setup.product();
    this.subscription = setup.subscription();
    this.user = setup.user();
    this.deployment = setup.deployment();
    this.clock = setup.clock();
    this.backend = setup.backend();
    this.traceSink = setup.traceSink();
    this.tracing = setup.tracing();
    this.stepTraces = setup.recordSteps() ? new ArrayList<>() : null;
    this.traceEvents = setup.recordSteps() ? new ArrayList<>() : null;
    this.mockResponses = setup.mockResponses() == null ? MockResponses.NONE : setup.mockResponses();
    this.timestamp = timestamp;
  }

  @Override
  public MutableRequest request() {
    return request;
  }

  @Override
  public MutableResponse response() {
    return response;
  }

  @Override
  public Map<String, Object> variables() {
    Map<String, Object> v = variables;
    if (v == null) {
      v = new HashMap<>();
      variables = v;
    }
    return v;
  }

  /** The variables when any was set or read through {@link #variables()}, else an empty read-only map. */
  public Map<String, Object> variablesSoFar() {
    return variables == null ? Map.of() : variables;
  }

  @Override
  public ApiInfo api() {
    return api;
  }

  @Override
  public OperationInfo operation() {
    return operation;
  }

  @Override
  public ProductInfo product() {
    return product;
  }

  @Override
  public SubscriptionInfo subscription() {
    return subscription;
  }

  @Override
  public UserInfo user() {
    return user;
  }

  @Override
  public LastError lastError() {
    return lastError;
  }

  public void setLastError(LastError lastError) {
    this.lastError = lastError;
  }

  @Override
  public DeploymentInfo deployment() {
    return deployment;
  }

  @Override
  public UUID requestId() {
    // the steps of one exchange run one after another (stage completions order them), so no race
    UUID id = requestId;
    if (id == null) {
      id = UUID.randomUUID();
      requestId = id;
    }
    return id;
  }

  @Override
  public Instant timestamp() {
    return timestamp;
  }

  @Override
  public Duration elapsed() {
    return Duration.between(timestamp, clock.instant());
  }

  @Override
  public boolean tracing() {
    return tracing;
  }

  @Override
  public void trace(String message) {
    trace(new TraceSink.TraceEvent("expression", "verbose", message == null ? "" : message, Map.of()));
  }

  /** Sends a trace event from the {@code trace} policy (and records it when recording). */
  public void trace(TraceSink.TraceEvent event) {
    if (traceEvents != null) {
      traceEvents.add(event);
    }
    traceSink.trace(event);
  }

  /** Recorded trace events, or an empty list. */
  public List<TraceSink.TraceEvent> traceEvents() {
    return traceEvents == null ? List.of() : List.copyOf(traceEvents);
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  /**
   * The engine clock to the millisecond, for policies that count in milliseconds or compare whole seconds (rate
   * limits, quotas, token lifetimes): the system clock's {@code millis()} is an intrinsic, its {@code instant()} a
   * native call that costs twice as much.
   */
  public Instant nowMillis() {
    return Instant.ofEpochMilli(clock.millis());
  }

  /** The operation's documented responses, for {@code mock-response}. */
  public MockResponses mockResponses() {
    return mockResponses;
  }

  /** The engine's backend SPI. */
  public Backend backend() {
    return backend;
  }

  /** The last request sent to the backend, or null. */
  public BackendRequest backendRequest() {
    return backendRequest;
  }

  public void setBackendRequest(BackendRequest backendRequest) {
    this.backendRequest = backendRequest;
  }

  /** The credential {@code authentication-certificate} chose for the backend call, or null. */
  public ClientCertificate backendClientCertificate() {
    return backendClientCertificate;
  }

  public void setBackendClientCertificate(ClientCertificate certificate) {
    this.backendClientCertificate = certificate;
  }

  /** Headers the {@code cors} policy adds to the final response, or null. Read-only (may be shared). */
  public HttpHeaders corsHeaders() {
    return corsHeaders;
  }

  /** Sets what {@link #corsHeaders()} gives; {@code corsHeaders} is not changed afterwards, here or elsewhere. */
  public void setCorsHeaders(HttpHeaders corsHeaders) {
    this.corsHeaders = corsHeaders;
  }

  /** Whether per-statement traces are being recorded (test harness, CLI {@code run}). */
  public boolean recordsSteps() {
    return stepTraces != null;
  }

  /** Records that a statement ran (only when recording). */
  public void recordStep(StepTrace trace) {
    if (stepTraces != null) {
      stepTraces.add(trace);
    }
  }

  /** Recorded statement traces, or an empty list. */
  public List<StepTrace> stepTraces() {
    return stepTraces == null ? List.of() : List.copyOf(stepTraces);
  }

  /**
   * Runs {@code callback} once the response is final (after on-error, before the outcome is built): deferred
   * counting such as {@code increment-condition} and bandwidth. Callbacks run in registration order on the thread
   * that completes the request; they must not block, and an exception in one does not stop the others.
   */
  public void onResponse(java.util.function.Consumer<Exchange> callback) {
    if (onResponse == null) {
      onResponse = new ArrayList<>(2);
    }
    onResponse.add(callback);
  }

  /** Runs the {@link #onResponse} callbacks once; the engine calls it when the response is final. */
  public void responseComplete() {
    List<java.util.function.Consumer<Exchange>> callbacks = onResponse;
    onResponse = null;
    if (callbacks != null) {
      for (java.util.function.Consumer<Exchange> callback : callbacks) {
        try {
          callback.accept(this);
        } catch (RuntimeException e) {
          // a counting callback must not change a response that is already final
        }
      }
    }
  }

  /** True the first time {@code key} is marked in this request ({@code quota-by-key} counts a key once). */
  public boolean markCounted(String key) {
    if (counted == null) {
      counted = new java.util.HashSet<>(4);
    }
    return counted.add(key);
  }
}
