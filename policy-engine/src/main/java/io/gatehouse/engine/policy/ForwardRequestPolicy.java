package io.gatehouse.engine.policy;

import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.context.HttpUrl;
import io.gatehouse.engine.pipeline.Body;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.HeaderSerialization;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code forward-request}: sends the request as policies left it to the backend through the engine's
 * {@link io.gatehouse.api.Backend} without blocking, and makes the answer {@code context.Response}.
 *
 * <p>{@code timeout}/{@code timeout-ms} bound the wait for response headers (default 300 s), and the network
 * backends ({@code JdkHttpBackend}, {@code NettyBackend}) also bound each wait for more of the body by it (DECISION:
 * APIM documents only the headers; a body that stops must not hold a call forever); a timeout is the error
 * {@code Timeout}, any other failure {@code BackendConnectionFailure}, both answered with the generic 500.
 * {@code fail-on-error-status-code} turns a 400–599 answer into the error {@code BackendResponseError}
 * (DECISION: APIM does not document this reason). Gatehouse buffers request bodies; the response body is buffered
 * unless no policy after forward-request can read or transform it ({@link ResponseBodyUse}), in which case the
 * backend may stream it to the client ({@code BackendOptions.responseBodyNeeded} false). So {@code
 * buffer-request-body} and {@code buffer-response} are accepted and have no further effect;
 * {@code continue-timeout} is accepted and not applied (the JDK client has no 100-continue timeout).
 */
final class ForwardRequestPolicy implements Step {
  /** Besides the hop-by-hop headers: what the backend request computes for itself. */
  private static final String[] COMPUTED = {"host", "content-length", "expect"};

  private final Value<Long> timeoutSeconds;
  private final Value<Long> timeoutMillis;
  private final Value<Boolean> followRedirects;
  private final BackendOptions.HttpVersion httpVersion;
  private final boolean failOnErrorStatus;
  /** The options of every call when no attribute is an expression and no client certificate is chosen. */
  private final BackendOptions constantOptions;
  private final boolean responseBodyNeeded;

  private ForwardRequestPolicy(Value<Long> timeoutSeconds, Value<Long> timeoutMillis, Value<Boolean> followRedirects,
      BackendOptions.HttpVersion httpVersion, boolean failOnErrorStatus, boolean responseBodyNeeded) {
    this.timeoutSeconds = timeoutSeconds;
    this.timeoutMillis = timeoutMillis;
    this.followRedirects = followRedirects;
    this.httpVersion = httpVersion;
    this.failOnErrorStatus = failOnErrorStatus;
    this.responseBodyNeeded = responseBodyNeeded;
    this.constantOptions = timeoutSeconds.isConstant() && (timeoutMillis == null || timeoutMillis.isConstant())
        && followRedirects.isConstant() ? options(null) : null;
  }

  static Step compile(XmlElement element, CompileContext context) {
    if (element.attribute("timeout").isPresent() && element.attribute("timeout-ms").isPresent()) {
      context.error(element.position(), "'timeout' and 'timeout-ms' are mutually exclusive");
      return null;
    }
    Value<Long> seconds = context.integer(element, "timeout", 300L);
    Value<Long> millis = context.integer(element, "timeout-ms", null);
    context.integer(element, "continue-timeout", null);
    Value<Boolean> follow = context.bool(element, "follow-redirects", false);
    BackendOptions.HttpVersion version = switch (String.valueOf(element.attributeValue("http-version")).strip()) {
      case "null", "1", "1.1" -> BackendOptions.HttpVersion.HTTP_1_1;
      case "2" -> BackendOptions.HttpVersion.HTTP_2;
      case "2or1" -> BackendOptions.HttpVersion.HTTP_2_OR_1;
      default -> null;
    };
    if (version == null) {
      context.error(element.attribute("http-version").orElseThrow().valuePosition(),
          "http-version must be 1, 2 or 2or1");
      return null;
    }
    String fail = element.attributeValue("fail-on-error-status-code");
    for (String literal : new String[] {"buffer-request-body", "buffer-response", "fail-on-error-status-code"}) {
      String v = element.attributeValue(literal);
      if (v != null && !v.strip().equalsIgnoreCase("true") && !v.strip().equalsIgnoreCase("false")) {
        context.error(element.attribute(literal).orElseThrow().valuePosition(), literal + " must be true or false");
        return null;
      }
    }
    if (seconds == null || millis == null && element.attribute("timeout-ms").isPresent() || follow == null) {
      return null;
    }
    return new ForwardRequestPolicy(seconds, millis, follow, version, fail != null && fail.strip()
        .equalsIgnoreCase("true"), context.responseBodyNeeded());
  }

  /** The options of one call; {@code exchange} is null only for {@link #constantOptions} (no expressions). */
  private BackendOptions options(Exchange exchange) {
    Long ms = timeoutMillis == null ? null : timeoutMillis.get(exchange);
    Duration timeout = ms != null ? Duration.ofMillis(Math.max(0, ms))
        : Duration.ofSeconds(Math.max(0, timeoutSeconds.get(exchange)));
    return new BackendOptions(timeout, followRedirects.get(exchange), httpVersion,
        exchange == null ? null : exchange.backendClientCertificate(), responseBodyNeeded);
  }


  private static boolean notForwarded(String name) {
    return HttpHeaders.isHopByHop(name) || HttpHeaders.isOneOf(name, COMPUTED);
  }

  @Override
  public Flow run(Exchange exchange) {
    String url = exchange.request().backendBase() == null ? null : exchange.request().backendUrl();
    if (url == null || exchange.request().targetChanged() && HttpUrl.parse(url) == null) {
      throw PolicyFailure.internal(null, "BackendConnectionFailure",
          "The backend service URL is not defined: the API has no service URL and no set-backend-service ran.");
    }
    BackendOptions options = constantOptions != null && exchange.backendClientCertificate() == null
        ? constantOptions : options(exchange);
    HttpHeaders headers = HeaderSerialization.forWire(exchange.request().headers(),
        ForwardRequestPolicy::notForwarded);
    Body body = exchange.request().body();
    BackendRequest request = BackendRequest.of(exchange.request().method(), url, headers,
        body == null ? null : body.peek());
    exchange.setBackendRequest(request);
    CompletionStage<BackendResponse> sent;
    try {
      sent = exchange.backend().send(request, options);
    } catch (RuntimeException e) {
      throw connectionFailure(e);
    }
    if (sent instanceof CompletableFuture<BackendResponse> done && done.isDone()
        && !done.isCompletedExceptionally()) {
      // An in-process backend answered at once: take the answer here rather than through another stage, with the
      // outcome sent.handle(...) would have had.
      try {
        return answer(exchange, done.join());
      } catch (Throwable t) {
        return Flow.later(CompletableFuture.failedFuture(t));
      }
    }
    return Flow.later(sent.handle((response, error) -> {
      if (error != null) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause() : error;
        throw cause instanceof BackendException b && b.kind() == BackendException.Kind.TIMEOUT
            ? PolicyFailure.internal(null, "Timeout", "Request to the backend service timed out")
            : connectionFailure(cause);
      }
      return answer(exchange, response);
    }));
  }

  /** Makes the backend's answer {@code context.Response}. */
  private Flow answer(Exchange exchange, BackendResponse response) {
    if (response.streamed() != null) {
      exchange.response().replaceWithStreamed(response.status(), response.reason(), response.headers().copy(),
          response.streamed());
    } else {
      exchange.response().replaceWith(response.status(), response.reason(), response.headers().copy(),
          response.body());
    }
    if (failOnErrorStatus && response.status() >= 400 && response.status() <= 599) {
      throw PolicyFailure.of(null, "BackendResponseError",
          "The backend responded with status code " + response.status() + ".", response.status(),
          "Backend responded with an error");
    }
    return Flow.CONTINUE;
  }

  private static PolicyFailure connectionFailure(Throwable cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return PolicyFailure.internal(null, "BackendConnectionFailure",
        "Error occurred while calling the backend service: " + detail);
  }

}
