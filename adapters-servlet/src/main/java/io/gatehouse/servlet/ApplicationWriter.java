package io.gatehouse.servlet;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The application's {@link PrintWriter}: its {@code flush()} is the application's, so it also flushes the stream (a
 * commit point when the body may stream); the filter's own flushing ({@link #drain}) only turns the characters
 * written so far into bytes.
 */
final class ApplicationWriter extends PrintWriter {
  private final OutputStream stream;
  private final Charset charset;

  ApplicationWriter(OutputStream stream, Charset charset) {
    super(encoder(stream, charset), false);
    this.stream = stream;
    this.charset = charset;
  }

  /** Encodes into {@code stream} without ever flushing it. */
  private static OutputStreamWriter encoder(OutputStream stream, Charset charset) {
    return new OutputStreamWriter(new FilterOutputStream(stream) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void flush() {
        // only the application's flush() flushes the stream
      }
    }, charset);
  }

  @Override
  public void flush() {
    super.flush();
    try {
      stream.flush();
    } catch (IOException e) {
      setError();
    }
  }

  /** Writes the buffered characters to the stream without flushing it. */
  void drain() {
    super.flush();
  }

  /** Forgets the buffered characters ({@code resetBuffer}). */
  void discard() {
    synchronized (lock) {
      out = encoder(stream, charset);
    }
  }
}
