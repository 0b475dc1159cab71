package io.gatehouse.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pretend "orders service" behind the quickstart gateway: an in-memory JSON API on 127.0.0.1 under
 * {@code /api/orders}. {@code GET /api/orders[?status=]}, {@code GET /api/orders/{id}}, and {@code POST /api/orders}
 * (201; a repeated {@code Idempotency-Key} returns the first order with 200).
 */
public final class DemoOrdersBackend implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "/api/orders";

  private final Map<Integer, ObjectNode> orders = new ConcurrentSkipListMap<>();
  private final Map<String, ObjectNode> byIdempotencyKey = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final HttpServer server;
  private final ExecutorService executor;

  private DemoOrdersBackend(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the backend on 127.0.0.1:{@code port} (0 = any free port) with two sample orders. */
  public static DemoOrdersBackend start(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    ExecutorService executor = Executors.newFixedThreadPool(2, Threads.daemon("demo-backend"));
    DemoOrdersBackend backend = new DemoOrdersBackend(server, executor);
    backend.add("espresso beans", 2, "shipped");
    backend.add("oat milk", 6, "placed");
    server.createContext(PREFIX, backend::handle);
    server.setExecutor(executor);
    server.start();
    return backend;
  }

  /** The URL the gateway's {@code orders-backend-url} named value points at, e.g. {@code http://127.0.0.1:5080/api}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private ObjectNode add(String item, int quantity, String status) {
    int id = nextId.getAndIncrement();
    ObjectNode order = JSON.createObjectNode().put("id", String.valueOf(id)).put("item", item)
        .put("quantity", quantity).put("status", status);
    orders.put(id, order);
    return order;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String rest = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String method = exchange.getRequestMethod();
      if (rest.isEmpty() || rest.equals("/")) {
        switch (method) {
          case "GET" -> list(exchange);
          case "POST" -> create(exchange);
          default -> send(exchange, 405, error("method-not-allowed", method + " is not supported here"));
        }
      } else if (method.equals("GET") && rest.matches("/\\d{1,9}")) {
        ObjectNode order = orders.get(Integer.parseInt(rest.substring(1)));
        send(exchange, order == null ? 404 : 200, order == null ? error("order-not-found", "No order " + rest) : order);
      } else {
        send(exchange, 404, error("not-found", "No resource " + exchange.getRequestURI().getPath()));
      }
    } finally {
      exchange.close();
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    String status = query != null && query.startsWith("status=") ? query.substring("status=".length()) : null;
    var array = JSON.createArrayNode();
    orders.values().stream().filter(o -> status == null || o.get("status").asText().equals(status))
        .forEach(array::add);
    send(exchange, 200, array);
  }

  private void create(HttpExchange exchange) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(exchange.getRequestBody());
    } catch (IOException e) {
      send(exchange, 400, error("invalid-json", "The body is not JSON"));
      return;
    }
    if (body == null || !body.path("item").isTextual() || !body.path("quantity").canConvertToInt()
        || body.path("quantity").asInt() < 1) {
      send(exchange, 400, error("invalid-order", "Send {\"item\": text, \"quantity\": a positive number}"));
      return;
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    ObjectNode earlier = key == null ? null : byIdempotencyKey.get(key);
    if (earlier != null) {
      send(exchange, 200, earlier);
      return;
    }
    ObjectNode order = add(body.get("item").asText(), body.get("quantity").asInt(), "placed");
    if (key != null) {
      byIdempotencyKey.put(key, order);
    }
    send(exchange, 201, order);
  }

  private static ObjectNode error(String code, String message) {
    return JSON.createObjectNode().put("error", code).put("message", message);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
