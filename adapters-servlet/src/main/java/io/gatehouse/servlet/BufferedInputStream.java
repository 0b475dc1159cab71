package io.gatehouse.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.Executor;

/** A {@link ServletInputStream} replaying a buffered request body; always ready, so listeners run at once. */
final class BufferedInputStream extends ServletInputStream {
  private final byte[] body;
  private final Executor listenerThreads;
  private int position;

  BufferedInputStream(byte[] body, Executor listenerThreads) {
    this.body = body == null ? new byte[0] : body;
    this.listenerThreads = listenerThreads;
  }

  @Override
  public int read() {
    return position < body.length ? body[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (position >= body.length) {
      return -1;
    }
    int n = Math.min(len, body.length - position);
    System.arraycopy(body, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return body.length - position;
  }

  @Override
  public boolean isFinished() {
    return position >= body.length;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setReadListener(ReadListener listener) {
    listenerThreads.execute(() -> {
      try {
        if (!isFinished()) {
          listener.onDataAvailable();
        }
        listener.onAllDataRead();
      } catch (IOException | RuntimeException e) {
        listener.onError(e);
      }
    });
  }
}
