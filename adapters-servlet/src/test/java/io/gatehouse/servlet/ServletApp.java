package io.gatehouse.servlet;

import jakarta.servlet.Servlet;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A real servlet container on 127.0.0.1 and a free port running the test application behind a
 * {@link GatehouseFilter}: context {@code /shop}, the filter on {@code /*}, the servlets of {@link #servlets}.
 * Started by {@link JettyApp#start} or {@link TomcatApp#start}.
 */
interface ServletApp extends AutoCloseable {
  /** {@code http://127.0.0.1:PORT/shop} + {@code path}. */
  URI uri(String path);

  /** One servlet of the test application: its name, where it is mapped, and whether it supports async. */
  record Mapping(String name, Servlet servlet, String pattern, boolean asyncSupported) {}

  /** The test application's servlets, the same in every container. */
  static List<Mapping> servlets(boolean asyncSupported) {
    List<Mapping> servlets = new ArrayList<>(List.of(
        new Mapping("echo", new EchoServlet(), "/", asyncSupported),
        new Mapping("big", new LargeBodyServlet(), "/api/big/*", asyncSupported),
        new Mapping("stream", new StreamingServlet(false), "/api/stream/*", asyncSupported)));
    if (asyncSupported) {
      servlets.add(new Mapping("async", new AsyncServlet(), "/api/async/*", true));
      servlets.add(new Mapping("stream-async", new StreamingServlet(true), "/api/stream-async/*", true));
    }
    return servlets;
  }
}
