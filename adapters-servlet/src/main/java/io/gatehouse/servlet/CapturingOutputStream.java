package io.gatehouse.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The {@link ServletOutputStream} the application writes to behind the filter; always ready.
 *
 * <p>Without a commit callback it keeps everything and flushing commits nothing. With one (the pipeline never reads
 * the response body) it keeps at most {@link #WINDOW} bytes: a write past the window or a {@code flush()} is the
 * commit point, where the kept bytes become a {@link StreamedApplicationBody} handed to the callback, and every later
 * write goes through that body. A {@link WriteListener} keeps the stream buffering: non-blocking output is not
 * streamed.
 */
final class CapturingOutputStream extends ServletOutputStream {
  /** The most the application's body is buffered before it streams. */
  static final int WINDOW = 64 * 1024;

  private static final byte[] EMPTY = new byte[0];

  // The kept bytes: a plain array under this stream's own lock (a ByteArrayOutputStream would lock again per call
  // and start with a 32-byte array most small bodies do not need).
  private byte[] buffer = EMPTY;
  private int count;
  private boolean handedOver; // buffer is also the captured body's: copied before it changes
  private final Executor listenerThreads;
  private final Consumer<StreamedApplicationBody> onCommit;
  private boolean windowOpen;
  private StreamedApplicationBody streamed;

  /** @param onCommit receives the streamed body at the commit point; null to buffer everything */
  CapturingOutputStream(Executor listenerThreads, Consumer<StreamedApplicationBody> onCommit) {
    this.listenerThreads = listenerThreads;
    this.onCommit = onCommit;
    this.windowOpen = onCommit != null;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    synchronized (this) {
      if (streamed == null && (!windowOpen || count + len <= WINDOW)) {
        keep(b, off, len);
        return;
      }
    }
    streamed().write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    synchronized (this) {
      if (streamed == null && !windowOpen) {
        return;
      }
    }
    streamed().flush();
  }

  /**
   * The streamed body; the first call makes it from the window and hands it over, outside this lock because the
   * outbound policies and the filter's decision may run in the callback.
   */
  private StreamedApplicationBody streamed() {
    StreamedApplicationBody body;
    synchronized (this) {
      if (streamed != null) {
        return streamed;
      }
      body = new StreamedApplicationBody(Arrays.copyOf(buffer, count));
      streamed = body;
      buffer = EMPTY; // the window is copied out; later bytes go through the streamed body
      count = 0;
      windowOpen = false;
    }
    onCommit.accept(body);
    return body;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setWriteListener(WriteListener listener) {
    closeWindow();
    listenerThreads.execute(() -> {
      try {
        listener.onWritePossible();
      } catch (IOException | RuntimeException e) {
        listener.onError(e);
      }
    });
  }

  /** From now on bytes are kept, however many: the application has finished, or writes without blocking. */
  synchronized void closeWindow() {
    windowOpen = false;
  }

  /**
   * What was kept, or null when the body was handed over as a stream. An array filled exactly (a body written at
   * once, the common case) is returned as it is, without a copy; this stream then copies it before changing it.
   */
  synchronized byte[] captured() {
    if (streamed != null) {
      return null;
    }
    if (count < buffer.length) {
      return Arrays.copyOf(buffer, count);
    }
    handedOver = true;
    return buffer;
  }

  synchronized void reset() {
    count = 0;
  }

  /** Appends to the kept bytes, growing the array to at least twice its size when full. */
  private void keep(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    int needed = count + len;
    if (needed < 0) {
      throw new OutOfMemoryError("response body too large to buffer");
    }
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(2L * buffer.length, Integer.MAX_VALUE - 8)));
      handedOver = false;
    } else if (handedOver) {
      buffer = buffer.clone();
      handedOver = false;
    }
    System.arraycopy(b, off, buffer, count, len);
    count = needed;
  }
}
