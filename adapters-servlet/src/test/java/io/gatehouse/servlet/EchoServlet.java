package io.gatehouse.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * The application under test: reports what it received as {@code X-Seen-*} response headers and answers the
 * request body as it came, or {@code hello <path>} when there is none.
 */
final class EchoServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    echo(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    echo(req, resp);
  }

  @Override
  protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    echo(req, resp);
  }

  private static void echo(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("X-Seen-Method", req.getMethod());
    resp.setHeader("X-Seen-Uri", req.getRequestURI());
    resp.setHeader("X-Seen-Query", String.valueOf(req.getQueryString()));
    resp.setHeader("X-Seen-Param-Q", String.valueOf(req.getParameter("q")));
    resp.setHeader("X-Seen-Remote-Port", Integer.toString(req.getRemotePort()));
    for (String name : Collections.list(req.getHeaderNames())) {
      resp.setHeader("X-Seen-" + name, String.join(",", Collections.list(req.getHeaders(name))));
    }
    byte[] body = req.getInputStream().readAllBytes();
    if (body.length > 0) {
      resp.setContentType(req.getContentType() == null ? "application/octet-stream" : req.getContentType());
      resp.getOutputStream().write(body);
    } else {
      resp.setContentType("text/plain;charset=utf-8");
      resp.getOutputStream().write(("hello " + req.getRequestURI()).getBytes(StandardCharsets.UTF_8));
    }
  }
}
