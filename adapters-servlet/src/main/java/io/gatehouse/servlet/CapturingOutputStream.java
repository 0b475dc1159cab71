package io.gatehouse.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Executor;

/** A {@link ServletOutputStream} that keeps what the application writes; always ready, flushing commits nothing. */
final class CapturingOutputStream extends ServletOutputStream {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final Executor listenerThreads;

  CapturingOutputStream(Executor listenerThreads) {
    this.listenerThreads = listenerThreads;
  }

  @Override
  public void write(int b) {
    buffer.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    buffer.write(b, off, len);
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setWriteListener(WriteListener listener) {
    listenerThreads.execute(() -> {
      try {
        listener.onWritePossible();
      } catch (IOException | RuntimeException e) {
        listener.onError(e);
      }
    });
  }

  byte[] toByteArray() {
    return buffer.toByteArray();
  }

  void reset() {
    buffer.reset();
  }
}
