package io.gatehouse.servlet;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.Charset;
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
    if (req.getRequestURI().endsWith("/servlet-6.1")) {
      servlet61(req, resp);
      return;
    }
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

  /**
   * Servlet 6.1's new response and request methods, called through method handles (this module compiles against
   * 6.0): a 301 redirect with {@code sendRedirect(String, int, boolean)} and a {@code Location} of {@code ?to=},
   * or, for a POST, the body read with {@code setCharacterEncoding(Charset)} UTF-16 and echoed in a UTF-8 response
   * declared with {@code setCharacterEncoding(Charset)}. 501 on a 6.0 container.
   */
  private static void servlet61(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      if (req.getMethod().equals("POST")) {
        lookup.findVirtual(ServletRequest.class, "setCharacterEncoding",
            MethodType.methodType(void.class, Charset.class)).invoke(req, StandardCharsets.UTF_16);
        String text = req.getReader().readLine();
        lookup.findVirtual(ServletResponse.class, "setCharacterEncoding",
            MethodType.methodType(void.class, Charset.class)).invoke(resp, StandardCharsets.UTF_8);
        resp.setContentType("text/plain");
        resp.getWriter().print("read " + text);
      } else {
        lookup.findVirtual(HttpServletResponse.class, "sendRedirect",
            MethodType.methodType(void.class, String.class, int.class, boolean.class))
            .invoke(resp, req.getParameter("to"), 301, true);
      }
    } catch (NoSuchMethodException e) {
      resp.setStatus(501);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
