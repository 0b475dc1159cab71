package io.gatehouse.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A static page server on its own free port (so its own origin) for the browser test. Once told the gateway with
 * {@link #target}, {@code GET /} serves a page whose script calls {@code GET {gateway}/api/orders} with {@code fetch} and the subscription-key and
 * {@code Authorization} headers, which forces a CORS preflight. The script then POSTs what happened to
 * {@code /result} on this same origin: {@code ok STATUS CALLER} or {@code blocked ERROR-NAME}. {@link #result()}
 * completes with it.
 */
final class CrossOriginPage implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final CompletableFuture<String> result = new CompletableFuture<>();
  private volatile String page;

  private CrossOriginPage(HttpServer server) {
    this.server = server;
  }

  /** Starts serving on a free port of 127.0.0.1; the page is there once {@link #target} is called. */
  static CrossOriginPage start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    CrossOriginPage pageServer = new CrossOriginPage(server);
    server.createContext("/", pageServer::handle);
    server.start();
    return pageServer;
  }

  /** Makes the page call {@code gateway} with {@code key} and {@code token}. */
  void target(URI gateway, String key, String token) throws IOException {
    String config = JSON.writeValueAsString(Map.of("url", gateway + "/api/orders", "key", key, "token", token));
    page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>cross-origin fetch</title></head><body>
        <p id="result">running</p>
        <script>
        const config = %s;
        function report(text) {
          document.getElementById('result').textContent = text;
          return fetch('/result', {method: 'POST', body: text});
        }
        fetch(config.url, {headers: {'Ocp-Apim-Subscription-Key': config.key,
                                     'Authorization': 'Bearer ' + config.token}})
          .then(response => response.json().then(body => report('ok ' + response.status + ' ' + body.caller)))
          .catch(error => report('blocked ' + error.name));
        </script>
        </body></html>
        """.formatted(config);
  }

  /** This page's origin, e.g. {@code http://127.0.0.1:41234}. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Completes with what the page's script reported. */
  CompletableFuture<String> result() {
    return result;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (exchange.getRequestMethod().equals("POST") && path.equals("/result")) {
        result.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(204, -1);
      } else if (exchange.getRequestMethod().equals("GET") && path.equals("/") && page != null) {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
