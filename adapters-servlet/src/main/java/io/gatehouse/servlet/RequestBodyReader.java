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
  /** How much of a rejected body is read and thrown away before the connection may close. */
  static final int DISCARD_LIMIT = 1 << 20;

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
  private long discarded = -1; // bytes dropped since the limit was passed, or -1 while the body is within it

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
   * limit is exceeded) is called later on a container thread. Past the limit the rest is read and dropped, up to
   * {@link #DISCARD_LIMIT} more bytes, before {@link TooLarge} is reported: as for a blocking read (see
   * {@code GatehouseFilter.discardRest}), a connection closed while the client still sends can be reset before the
   * client reads the 413.
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
      if (discarded >= 0) {
        discarded += n;
        if (discarded >= DISCARD_LIMIT) {
          tooLarge();
        }
      } else if (body.size() + (long) n > limit) {
        discarded = n;
        body.reset();
      } else {
        body.write(chunk, 0, n);
      }
    }
  }

  @Override
  public void onAllDataRead() {
    if (failed) {
      return;
    }
    if (discarded >= 0) {
      tooLarge();
    } else {
      onBody.accept(body.toByteArray());
    }
  }

  private void tooLarge() {
    failed = true;
    onError.accept(new TooLarge(limit));
  }

  @Override
  public void onError(Throwable t) {
    if (!failed) {
      failed = true;
      onError.accept(t);
    }
  }
}
