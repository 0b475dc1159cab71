package io.gatehouse.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Streams {@code /size} bytes of {@link #pattern} in 64 KiB chunks, flushing after each. */
final class LargeBodyServlet extends HttpServlet {
  static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i % 251);
    }
    return bytes;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    int size = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    byte[] bytes = pattern(size);
    resp.setContentType("application/octet-stream");
    ServletOutputStream out = resp.getOutputStream();
    for (int off = 0; off < size; off += 64 * 1024) {
      out.write(bytes, off, Math.min(64 * 1024, size - off));
      out.flush();
    }
  }
}
