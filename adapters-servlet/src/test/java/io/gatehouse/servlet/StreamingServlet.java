package io.gatehouse.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@code /size} bytes of {@link #body} in 16 KiB chunks, without flushing; the asynchronous variant writes
 * from a thread of its own and then completes its context. Query parameters: {@code id} names the call in {@link
 * #OUTCOMES}; {@code gate=N} waits, once N bytes are written, until the test opens {@link #gate}(id) (10 s at most);
 * {@code flushAt=N} flushes once N bytes are written (before the gate); {@code failAt=N} throws once N bytes are
 * written; {@code length=true} declares the length; {@code
 * replace=yes} answers the header {@code X-Replace: yes}.
 */
final class StreamingServlet extends HttpServlet {
  private static final int CHUNK = 16 * 1024;
  /** How each call ended: {@code ok}, {@code gate timed out} or {@code failed: ...}. */
  static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

  private final boolean async;

  StreamingServlet(boolean async) {
    this.async = async;
  }

  /** {@code size} ASCII letters, {@code abc...z} repeated. */
  static byte[] body(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  static CountDownLatch gate(String id) {
    return GATES.computeIfAbsent(id, k -> new CountDownLatch(1));
  }

  private record Call(String id, int size, int gateAt, int flushAt, int failAt, boolean length, boolean replace) {}

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
    String path = req.getRequestURI();
    Call call = new Call(String.valueOf(req.getParameter("id")),
        Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)), intParameter(req, "gate"),
        intParameter(req, "flushAt"), intParameter(req, "failAt"), "true".equals(req.getParameter("length")),
        "yes".equals(req.getParameter("replace")));
    if (!async) {
      write(call, resp);
      return;
    }
    AsyncContext context = req.startAsync();
    context.setTimeout(0);
    Thread writer = new Thread(() -> {
      try {
        write(call, (HttpServletResponse) context.getResponse());
      } finally {
        context.complete();
      }
    }, "streaming-servlet-writer");
    writer.start();
  }

  private static int intParameter(HttpServletRequest req, String name) {
    String value = req.getParameter(name);
    return value == null ? -1 : Integer.parseInt(value);
  }

  private static void write(Call call, HttpServletResponse resp) {
    try {
      resp.setContentType("text/plain");
      resp.setHeader("X-App", "streaming");
      if (call.replace()) {
        resp.setHeader("X-Replace", "yes");
      }
      if (call.length()) {
        resp.setContentLength(call.size());
      }
      ServletOutputStream out = resp.getOutputStream();
      byte[] bytes = body(call.size());
      boolean gated = call.gateAt() < 0;
      boolean flushed = call.flushAt() < 0;
      for (int off = 0; off < call.size(); off += CHUNK) {
        int n = Math.min(CHUNK, call.size() - off);
        out.write(bytes, off, n);
        if (!flushed && off + n >= call.flushAt()) {
          flushed = true;
          out.flush();
        }
        if (call.failAt() >= 0 && off + n >= call.failAt()) {
          throw new IllegalStateException("deliberate failure");
        }
        if (!gated && off + n >= call.gateAt()) {
          gated = true;
          if (!gate(call.id()).await(10, TimeUnit.SECONDS)) {
            OUTCOMES.put(call.id(), "gate timed out");
          }
        }
      }
      OUTCOMES.putIfAbsent(call.id(), "ok");
    } catch (IOException e) {
      OUTCOMES.put(call.id(), "failed: " + e);
    } catch (RuntimeException e) {
      OUTCOMES.put(call.id(), "failed: " + e);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      OUTCOMES.put(call.id(), "interrupted");
    }
  }
}
