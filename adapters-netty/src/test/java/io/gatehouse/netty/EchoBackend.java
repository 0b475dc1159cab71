package io.gatehouse.netty;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HttpServer backend on 127.0.0.1 answering under any prefix: {@code .../hello} (headers echoed as
 * {@code X-Echo-*}), {@code .../upload} (echoes the body), {@code .../big?n=BYTES} (a chunked body),
 * {@code .../slow} (answers after two seconds), {@code .../secret}. Records the client ports it saw.
 */
final class EchoBackend implements AutoCloseable {
  final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  EchoBackend() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    String path = exchange.getRequestURI().getPath();
    byte[] request = exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("X-Backend-Path", exchange.getRequestURI().toString());
    exchange.getResponseHeaders().set("X-Backend-Method", exchange.getRequestMethod());
    String gateway = exchange.getRequestHeaders().getFirst("X-Gateway");
    if (gateway != null) {
      exchange.getResponseHeaders().set("X-Echo-Gateway", gateway);
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (path.endsWith("/upload")) {
      send(exchange, 200, request);
    } else if (path.endsWith("/big")) {
      int n = Integer.parseInt(exchange.getRequestURI().getQuery().substring(2));
      exchange.sendResponseHeaders(200, 0); // chunked
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] block = new byte[8192];
        for (int i = 0; i < block.length; i++) {
          block[i] = (byte) ('a' + i % 26);
        }
        for (int sent = 0; sent < n; sent += block.length) {
          out.write(block, 0, Math.min(block.length, n - sent));
        }
      }
    } else if (path.endsWith("/slow")) {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(exchange, 200, "late".getBytes(StandardCharsets.UTF_8));
    } else if (head) {
      exchange.getResponseHeaders().set("Content-Length", "5");
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    } else {
      send(exchange, 200, "hello".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
