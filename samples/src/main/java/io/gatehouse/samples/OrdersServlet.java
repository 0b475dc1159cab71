package io.gatehouse.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The "existing application" of the Jetty sample: a plain servlet, unaware of Gatehouse, serving an in-memory
 * orders API as JSON under {@code /api/orders}. {@code GET /api/orders} answers {@code {"caller": ..., "orders":
 * [...]}} (the caller is the {@code X-Caller} header, which the gateway sets from the token), {@code GET
 * /api/orders/{id}} one order, {@code POST /api/orders} creates one (201). Every response has
 * {@code X-Powered-By: orders-servlet}, which the gateway removes.
 */
public final class OrdersServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Integer, ObjectNode> orders = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final AtomicInteger calls = new AtomicInteger();

  public OrdersServlet() {
    add("espresso beans", 2, "shipped", "alice");
    add("oat milk", 6, "placed", "bob");
  }

  /** How many requests reached this servlet: what the gateway let through. */
  public int calls() {
    return calls.get();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    calls.incrementAndGet();
    response.setHeader("X-Powered-By", "orders-servlet");
    String rest = request.getPathInfo() == null ? "/" : request.getPathInfo();
    String method = request.getMethod();
    if (rest.equals("/") && method.equals("GET")) {
      ObjectNode body = JSON.createObjectNode();
      body.put("caller", request.getHeader("X-Caller"));
      orders.values().forEach(body.putArray("orders")::add);
      send(response, 200, body);
    } else if (rest.equals("/") && method.equals("POST")) {
      create(request, response);
    } else if (rest.matches("/\\d{1,9}") && method.equals("GET")) {
      ObjectNode order = orders.get(Integer.parseInt(rest.substring(1)));
      send(response, order == null ? 404 : 200, order == null ? error("order-not-found", "No order " + rest) : order);
    } else {
      send(response, 404, error("not-found", "No resource " + request.getRequestURI()));
    }
  }

  private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(request.getInputStream());
    } catch (IOException e) {
      send(response, 400, error("invalid-json", "The body is not JSON"));
      return;
    }
    if (body == null || !body.path("item").isTextual() || !body.path("quantity").canConvertToInt()
        || body.path("quantity").asInt() < 1) {
      send(response, 400, error("invalid-order", "Send {\"item\": text, \"quantity\": a positive number}"));
      return;
    }
    String caller = request.getHeader("X-Caller");
    send(response, 201, add(body.get("item").asText(), body.get("quantity").asInt(), "placed",
        caller == null ? "anonymous" : caller));
  }

  private ObjectNode add(String item, int quantity, String status, String placedBy) {
    int id = nextId.getAndIncrement();
    ObjectNode order = JSON.createObjectNode().put("id", String.valueOf(id)).put("item", item)
        .put("quantity", quantity).put("status", status).put("placedBy", placedBy);
    orders.put(id, order);
    return order;
  }

  private static ObjectNode error(String code, String message) {
    return JSON.createObjectNode().put("error", code).put("message", message);
  }

  private static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
