package io.gatehouse.servlet;

import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.HttpHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the engine's final response to the client. {@code Content-Length} is computed here, {@code
 * Transfer-Encoding}, {@code Connection} and the other hop-by-hop headers are the container's: a policy's values for
 * them are not sent.
 */
final class ClientResponse {
  /** Besides the hop-by-hop headers: what the container computes. */
  private static final String[] COMPUTED = {"content-length"};

  private ClientResponse() {}

  /** Status, headers and the buffered body, with its length. */
  static void write(HttpServletRequest req, HttpServletResponse res, GatewayResponse response) throws IOException {
    if (res.isCommitted()) {
      return;
    }
    head(res, response);
    byte[] body = response.body();
    if (isHead(req)) {
      // The length a GET would have: the application's body when it wrote one, else the length it declared.
      String length = response.headers().first("Content-Length");
      if (body.length > 0) {
        res.setContentLengthLong(body.length);
      } else if (length != null && length.strip().matches("\\d{1,18}")) {
        res.setContentLengthLong(Long.parseLong(length.strip()));
      }
      return;
    }
    if (!hasBody(response.status())) {
      return;
    }
    res.setContentLengthLong(body.length);
    if (body.length > 0) {
      res.getOutputStream().write(body);
    }
  }

  /**
   * Status and headers of a response whose body the application streams after them, with the length it declared
   * ({@code declaredLength}, -1 for none: the container then chunks). Returns whether a body may follow.
   */
  static boolean writeStreamedHead(HttpServletRequest req, HttpServletResponse res, GatewayResponse response,
      long declaredLength) {
    if (res.isCommitted()) {
      return false;
    }
    head(res, response);
    boolean body = !isHead(req) && hasBody(response.status());
    if (declaredLength >= 0 && (body || isHead(req))) {
      res.setContentLengthLong(declaredLength);
    }
    return body;
  }

  private static void head(HttpServletResponse res, GatewayResponse response) {
    res.setStatus(response.status());
    response.headers().forEach((name, values) -> {
      if (!HttpHeaders.isHopByHop(name) && !HttpHeaders.isOneOf(name, COMPUTED)) {
        for (String value : values) {
          res.addHeader(name, value);
        }
      }
    });
  }

  private static boolean isHead(HttpServletRequest req) {
    return "HEAD".equalsIgnoreCase(req.getMethod());
  }

  private static boolean hasBody(int status) {
    return status >= 200 && status != 204 && status != 304;
  }
}
