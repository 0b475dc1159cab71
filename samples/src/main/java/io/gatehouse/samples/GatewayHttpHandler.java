package io.gatehouse.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.Gatehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Adapts the JDK {@link com.sun.net.httpserver.HttpServer} to Gatehouse: each exchange becomes a
 * {@link GatewayRequest}, runs through the policies, and the {@link GatewayResponse} is written back. The handler
 * waits for the engine at most {@code timeout}, then answers 504, so a stuck backend never pins a server thread.
 */
final class GatewayHttpHandler implements HttpHandler {
  /** Headers the JDK server computes itself; copying them from a response would corrupt the framing. */
  private static final Set<String> MANAGED = Set.of("content-length", "transfer-encoding", "connection", "date");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

  private final Gatehouse gatehouse;
  private final Duration timeout;

  GatewayHttpHandler(Gatehouse gatehouse, Duration timeout) {
    this.gatehouse = gatehouse;
    this.timeout = timeout;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      GatewayResponse response;
      try {
        response = await(toGatewayRequest(exchange));
      } catch (IllegalArgumentException e) {
        response = error(400, "Bad request");
      }
      write(exchange, response);
    } finally {
      exchange.close();
    }
  }

  private GatewayResponse await(GatewayRequest request) {
    try {
      return gatehouse.handle(request).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return error(504, "Gateway timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(503, "Service unavailable");
    } catch (ExecutionException e) {
      return error(500, "Internal server error");
    }
  }

  /** Method, absolute URL (from the Host header and the request target), headers, body and caller IP. */
  static GatewayRequest toGatewayRequest(HttpExchange exchange) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
    byte[] body = exchange.getRequestBody().readAllBytes();
    return new GatewayRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), url(exchange), headers,
        body.length == 0 ? null : body, clientIp(exchange.getRemoteAddress()), List.of());
  }

  private static String url(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !HOST.matcher(host.strip()).matches()) {
      host = "127.0.0.1:" + exchange.getLocalAddress().getPort();
    }
    URI target = exchange.getRequestURI();
    String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    return "http://" + host.strip() + path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
  }

  private static String clientIp(InetSocketAddress remote) {
    if (remote == null || remote.getAddress() == null) {
      return null;
    }
    String ip = remote.getAddress().getHostAddress();
    int scope = ip.indexOf('%');
    return scope < 0 ? ip : ip.substring(0, scope);
  }

  private static void write(HttpExchange exchange, GatewayResponse response) throws IOException {
    com.sun.net.httpserver.Headers out = exchange.getResponseHeaders();
    response.headers().forEach((name, values) -> {
      if (!MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
        out.put(name, List.copyOf(values));
      }
    });
    byte[] body = response.body();
    int status = response.status();
    boolean noBody = "HEAD".equalsIgnoreCase(exchange.getRequestMethod()) || status == 204 || status == 304
        || body.length == 0;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
  }

  private static GatewayResponse error(int status, String message) {
    String json = "{\"statusCode\": " + status + ", \"message\": \"" + message + "\"}";
    return new GatewayResponse(status, message, HttpHeaders.of("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8));
  }
}
