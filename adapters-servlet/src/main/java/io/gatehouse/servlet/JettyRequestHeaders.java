package io.gatehouse.servlet;

import io.gatehouse.api.HttpHeaders;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * The client's headers read from Jetty 12's own fields, in one pass, for Jetty's own servlet requests (ee10 and
 * ee11). Through the Servlet API the same copy costs about half a microsecond more: {@code getHeaderNames()} builds a
 * set of names on every call and each {@code getHeaders(name)} scans all fields again.
 *
 * <p>Only the container's request object itself is read this way, never a wrapper (whose headers may differ from
 * the container's), and only where the filter sees Jetty's classes: in an embedded Jetty, not in a web application
 * deployed into a Jetty distribution (which hides them). Anywhere else {@link #copy} answers false and the filter
 * uses the Servlet API; Jetty is an optional dependency of this module.
 */
final class JettyRequestHeaders {
  private static final String EE10 = "org.eclipse.jetty.ee10.servlet.ServletApiRequest";
  private static final String EE11 = "org.eclipse.jetty.ee11.servlet.ServletApiRequest";
  /** Set once Jetty's classes turned out not to be visible from here. */
  private static volatile boolean unavailable;

  private JettyRequestHeaders() {}

  /**
   * Adds the headers of {@code req} to {@code into} when it is Jetty's own request object; a header the engine cannot
   * represent is left out, as by the Servlet API path. Returns false, having added nothing, for any other request.
   */
  static boolean copy(HttpServletRequest req, HttpHeaders into) {
    if (unavailable) {
      return false;
    }
    String type = req.getClass().getName();
    HttpFields fields;
    try {
      if (type.equals(EE10)) {
        fields = Ee10.fields(req);
      } else if (type.equals(EE11)) {
        fields = Ee11.fields(req);
      } else {
        return false;
      }
    } catch (LinkageError e) {
      unavailable = true; // the request is Jetty's, but its classes are not this class loader's to see
      return false;
    }
    for (HttpField field : fields) {
      String name = field.getName();
      String value = field.getValue();
      if (name != null && value != null) {
        try {
          into.add(name, value);
        } catch (IllegalArgumentException e) {
          // not passed on, as on the Servlet API path
        }
      }
    }
    return true;
  }

  // One class per Jetty environment: each is loaded only when a request of its environment arrives.
  private static final class Ee10 {
    static HttpFields fields(HttpServletRequest req) {
      return ((org.eclipse.jetty.ee10.servlet.ServletApiRequest) req).getRequest().getHeaders();
    }
  }

  private static final class Ee11 {
    static HttpFields fields(HttpServletRequest req) {
      return ((org.eclipse.jetty.ee11.servlet.ServletApiRequest) req).getRequest().getHeaders();
    }
  }
}
