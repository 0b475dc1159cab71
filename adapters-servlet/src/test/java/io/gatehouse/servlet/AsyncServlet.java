package io.gatehouse.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An asynchronous application: answers 50 ms later from a thread of its own, then completes the context. */
final class AsyncServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
    AsyncContext async = req.startAsync();
    String path = req.getRequestURI();
    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> {
      try {
        HttpServletResponse r = (HttpServletResponse) async.getResponse();
        r.setStatus(202);
        r.setHeader("X-Async", "done");
        r.setContentType("text/plain;charset=utf-8");
        r.getWriter().write("async " + path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        async.complete();
      }
    });
  }
}
