package io.gatehouse.servlet;

import io.gatehouse.api.StreamedBody;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The application's response body once it streams: what it wrote before the commit point (the window), and where
 * the rest goes. Until the filter has decided, the application's writes wait; then they go to the client's output
 * ({@link #passThrough}) or are dropped ({@link #drop}, when a policy replaced the body).
 */
final class StreamedApplicationBody implements StreamedBody {
  private final byte[] window;
  private final CompletableFuture<OutputStream> target = new CompletableFuture<>();
  private volatile long declaredLength = -1;

  StreamedApplicationBody(byte[] window) {
    this.window = window;
  }

  /** The bytes the application wrote before the commit point, to be sent first. */
  byte[] window() {
    return window;
  }

  /** The {@code Content-Length} the application declared, or -1. */
  long declaredLength() {
    return declaredLength;
  }

  void declareLength(long length) {
    declaredLength = length;
  }

  /** From now on the application's bytes go to {@code client}. */
  void passThrough(OutputStream client) {
    target.complete(client);
  }

  /** From now on the application's bytes are thrown away. */
  void drop() {
    target.complete(null);
  }

  /** The client cannot be written to: the application's writes fail with {@code error}. */
  void fail(IOException error) {
    target.completeExceptionally(error);
  }

  void write(byte[] b, int off, int len) throws IOException {
    OutputStream out = await();
    if (out != null) {
      out.write(b, off, len);
    }
  }

  void flush() throws IOException {
    OutputStream out = await();
    if (out != null) {
      out.flush();
    }
  }

  /** Blocks until the filter has decided. Servlet output is blocking, so the application's thread may wait. */
  private OutputStream await() throws IOException {
    try {
      return target.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the gateway decided on the response");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? new IOException(io.getMessage(), io)
          : new IOException(e.getCause());
    }
  }
}
