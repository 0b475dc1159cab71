package io.gatehouse.servlet;

import io.gatehouse.api.HttpHeaders;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.URIUtil;

/**
 * What the filter reads of every request, read from Jetty 12's own request (ee10 and ee11) where the Servlet API
 * makes it slow: the headers in one pass over Jetty's fields ({@code getHeaderNames()} builds a set of names on every
 * call and each {@code getHeaders(name)} scans all fields again), and the server's host and port from the request's
 * URI ({@code getServerName()} and {@code getServerPort()} each format its authority as text first). Together about
 * 2 µs of server CPU per request under load (see {@code bench/README.md}).
 *
 * <p>Only the container's request object itself is read this way, never a wrapper (whose answers may differ from the
 * container's), and only where the filter sees Jetty's classes: in an embedded Jetty, not in a web application
 * deployed into a Jetty distribution (which hides them). For any other request every method here answers "not
 * mine" and the filter uses the Servlet API; Jetty is an optional dependency of this module.
 */
final class JettyRequests {
  private static final String EE10 = "org.eclipse.jetty.ee10.servlet.ServletApiRequest";
  private static final String EE11 = "org.eclipse.jetty.ee11.servlet.ServletApiRequest";
  /** Set once Jetty's classes turned out not to be visible from here. */
  private static volatile boolean unavailable;

  private JettyRequests() {}

  /**
   * Adds the headers of {@code req} to {@code into} when it is Jetty's own request object; a header the engine cannot
   * represent is left out, as on the Servlet API path
   * ({@link GatehouseFilter#addRepresentable}). Returns false, having added nothing, for any other request.
   */
  static boolean copy(HttpServletRequest req, HttpHeaders into) {
    Request request = jettyRequest(req);
    if (request == null) {
      return false;
    }
    for (HttpField field : request.getHeaders()) {
      String name = field.getName();
      String value = field.getValue();
      if (name != null && value != null) {
        GatehouseFilter.addRepresentable(into, name, value);
      }
    }
    return true;
  }

  /**
   * The host {@code getServerName()} answers for Jetty's own request whose URI has one (every HTTP/1.1 request's
   * has, from its {@code Host}), IPv6 brackets aside (the caller adds them); else null, and the caller asks the
   * Servlet API.
   */
  static String serverHost(HttpServletRequest req) {
    Request request = jettyRequest(req);
    String host = request == null ? null : request.getHttpURI().getHost();
    return host == null || host.isBlank() ? null : host;
  }

  /** The port {@code getServerPort()} answers, for a request whose {@link #serverHost} is not null. */
  static int serverPort(HttpServletRequest req) {
    HttpURI uri = jettyRequest(req).getHttpURI();
    int port = uri.getPort();
    return port > 0 ? port : URIUtil.getDefaultPortForScheme(req.getScheme());
  }

  /** Jetty's core request behind its own servlet request object, or null for any other request. */
  private static Request jettyRequest(HttpServletRequest req) {
    if (unavailable) {
      return null;
    }
    String type = req.getClass().getName();
    try {
      if (type.equals(EE10)) {
        return Ee10.request(req);
      }
      if (type.equals(EE11)) {
        return Ee11.request(req);
      }
      return null;
    } catch (LinkageError e) {
      unavailable = true; // the request is Jetty's, but its classes are not this class loader's to see
      return null;
    }
  }

  // One class per Jetty environment: each is loaded only when a request of its environment arrives.
  private static final class Ee10 {
    static Request request(HttpServletRequest req) {
      return ((org.eclipse.jetty.ee10.servlet.ServletApiRequest) req).getRequest();
    }
  }

  private static final class Ee11 {
    static Request request(HttpServletRequest req) {
      return ((org.eclipse.jetty.ee11.servlet.ServletApiRequest) req).getRequest();
    }
  }
}
