package io.gatehouse.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads a request body into memory up to a limit, without blocking a container thread ({@link ReadListener}) or,
 * for chains that do not support async, by blocking reads ({@link #readBlocking}).
 */
final class RequestBodyReader implements ReadListener {
  /** Thrown (or reported) when the body exceeds the limit. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }

  private final ServletInputStream input;
  private final long limit;
  private final ByteArrayOutputStream body;
  private final Consumer<byte[]> onBody;
  private final Consumer<Throwable> onError;
  private final byte[] chunk = new byte[16 * 1024];
  private boolean failed;

  private RequestBodyReader(ServletInputStream input, long limit, int expected, Consumer<byte[]> onBody,
      Consumer<Throwable> onError) {
    this.input = input;
    this.limit = limit;
    this.body = new ByteArrayOutputStream(Math.max(expected, 256));
    this.onBody = onBody;
    this.onError = onError;
  }

  /**
   * Starts reading asynchronously; exactly one of {@code onBody} and {@code onError} (with {@link TooLarge} when the
   * limit is exceeded) is called later on a container thread.
   */
  static void readAsync(ServletInputStream input, long limit, long declaredLength, Consumer<byte[]> onBody,
      Consumer<Throwable> onError) {
    input.setReadListener(new RequestBodyReader(input, limit, expected(declaredLength, limit), onBody, onError));
  }

  /** Reads the whole body on the calling thread; throws {@link TooLarge} past the limit. */
  static byte[] readBlocking(InputStream input, long limit, long declaredLength) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(expected(declaredLength, limit), 256));
    byte[] chunk = new byte[16 * 1024];
    for (int n; (n = input.read(chunk)) != -1; ) {
      if (body.size() + (long) n > limit) {
        throw new TooLarge(limit);
      }
      body.write(chunk, 0, n);
    }
    return body.toByteArray();
  }

  private static int expected(long declaredLength, long limit) {
    return (int) Math.min(Math.max(declaredLength, 0), Math.min(limit, 1 << 20));
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!failed && input.isReady()) {
      int n = input.read(chunk);
      if (n == -1) {
        return;
      }
      if (body.size() + (long) n > limit) {
        failed = true;
        onError.accept(new TooLarge(limit));
        return;
      }
      body.write(chunk, 0, n);
    }
  }

  @Override
  public void onAllDataRead() {
    if (!failed) {
      onBody.accept(body.toByteArray());
    }
  }

  @Override
  public void onError(Throwable t) {
    if (!failed) {
      failed = true;
      onError.accept(t);
    }
  }
}
