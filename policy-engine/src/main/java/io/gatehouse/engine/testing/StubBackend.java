package io.gatehouse.engine.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link Backend} for tests: answers by route (method and URL prefix) with fixed responses or functions, and
 * falls back to echoing: 200 with a JSON body describing the request it received
 * ({@code {"method", "url", "headers": {name: [values]}, "body"}}). Records every request.
 */
public final class StubBackend implements Backend {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<BackendRequest> received = new CopyOnWriteArrayList<>();
  private volatile Function<BackendRequest, BackendResponse> fallback = StubBackend::echo;

  private record Route(String method, String urlPrefix, Function<BackendRequest, BackendResponse> responder) {
    boolean matches(BackendRequest request) {
      return (method == null || method.equalsIgnoreCase(request.method()))
          && request.uri().toString().startsWith(urlPrefix);
    }
  }

  /** A stub that echoes every request. */
  public static StubBackend echoing() {
    return new StubBackend();
  }

  /** A stub that answers everything with one response. */
  public static StubBackend always(int status, HttpHeaders headers, String body) {
    StubBackend stub = new StubBackend();
    stub.fallback = r -> new BackendResponse(status, "", headers.copy(), bytes(body));
    return stub;
  }

  /** Answers requests whose method matches ({@code null} = any) and whose URL starts with {@code urlPrefix}. */
  public StubBackend on(String method, String urlPrefix, int status, HttpHeaders headers, String body) {
    return on(method, urlPrefix, r -> new BackendResponse(status, "", headers.copy(), bytes(body)));
  }

  /** Answers matching requests with a function of the request. Earlier routes win. */
  public StubBackend on(String method, String urlPrefix, Function<BackendRequest, BackendResponse> responder) {
    routes.add(new Route(method == null ? null : method.toUpperCase(Locale.ROOT), urlPrefix, responder));
    return this;
  }

  /** Every request received so far, in order. */
  public List<BackendRequest> received() {
    return new ArrayList<>(received);
  }

  @Override
  public CompletionStage<BackendResponse> send(BackendRequest request, BackendOptions options) {
    received.add(request);
    for (Route route : routes) {
      if (route.matches(request)) {
        return CompletableFuture.completedFuture(route.responder().apply(request));
      }
    }
    return CompletableFuture.completedFuture(fallback.apply(request));
  }

  /** The echo response for a request. */
  public static BackendResponse echo(BackendRequest request) {
    ObjectNode node = JSON.createObjectNode();
    node.put("method", request.method());
    node.put("url", request.uri().toString());
    ObjectNode headers = node.putObject("headers");
    request.headers().forEach((name, values) -> {
      var array = headers.putArray(name);
      values.forEach(array::add);
    });
    node.put("body", request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8));
    return new BackendResponse(200, "OK", HttpHeaders.of("Content-Type", "application/json"),
        node.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String body) {
    return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
  }
}
