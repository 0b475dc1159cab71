package io.gatehouse.servlet;

import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The response the application writes behind the filter: status, headers and body are captured, nothing reaches
 * the client until the outbound policies have run on it as {@code context.Response}.
 *
 * <p>When no policy reads the response body, only a window of the body is captured ({@link CapturingOutputStream}):
 * a larger body or an explicit flush commits the response there, status and headers as they stand, and hands it
 * over as a {@link StreamedApplicationBody}; later status and header changes are ignored, as on any committed
 * response. Otherwise flushing commits nothing.
 *
 * <p>{@code sendError} keeps the status and the message as a plain-text body (no container error page);
 * {@code sendRedirect} answers 302 (or the status given to Servlet 6.1's form) with {@code Location} as given.
 */
final class ApplicationResponse extends HttpServletResponseWrapper {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final HttpHeaders headers = new HttpHeaders();
  private final CapturingOutputStream body;
  private final String defaultEncoding;
  private final Consumer<BackendResponse> onStreamed;
  private int status = 200;
  private boolean committed;
  private boolean usedStream;
  private ApplicationWriter writer;
  private String characterEncoding;
  private Locale locale;
  private Supplier<Map<String, String>> trailerFields;

  /**
   * @param defaultEncoding the context's response character encoding, or null for ISO-8859-1
   * @param onStreamed receives the response at the commit point, its body a {@link StreamedApplicationBody}; null
   *     to capture the whole body
   */
  ApplicationResponse(HttpServletResponse original, String defaultEncoding, Executor containerThreads,
      Consumer<BackendResponse> onStreamed) {
    super(original);
    this.defaultEncoding = defaultEncoding;
    this.onStreamed = onStreamed;
    this.body = new CapturingOutputStream(containerThreads, onStreamed == null ? null : this::committed);
  }

  /** The commit point of a streamed body: the response as it stands goes to {@code forward-request}. */
  private void committed(StreamedApplicationBody streamed) {
    BackendResponse response;
    synchronized (this) {
      committed = true;
      String length = headers.first("Content-Length");
      streamed.declareLength(length != null && length.strip().matches("\\d{1,18}") ? Long.parseLong(length.strip())
          : -1);
      response = BackendResponse.streamed(status, "", headers.copy(), streamed);
    }
    onStreamed.accept(response);
  }

  /** The call has failed (the application threw or timed out): what it writes from now on is only captured. */
  void abandon() {
    body.closeWindow();
  }

  /**
   * The application has finished: what it answered, as the backend response of {@code forward-request}, or null
   * when its body was handed over as a stream (what its writer still held is written to that stream first).
   */
  BackendResponse finish() {
    body.closeWindow();
    ApplicationWriter w;
    synchronized (this) {
      w = writer;
    }
    if (w != null) {
      w.drain();
    }
    synchronized (this) {
      byte[] captured = body.captured();
      return captured == null ? null : new BackendResponse(status, "", headers.copy(), captured);
    }
  }

  @Override
  public synchronized void setStatus(int sc) {
    if (!committed) {
      status = sc;
    }
  }

  @Override
  public synchronized int getStatus() {
    return status;
  }

  @Override
  public synchronized void sendError(int sc, String msg) throws IOException {
    checkNotCommitted();
    resetBuffer();
    body.closeWindow(); // the error message is the whole body: captured, never streamed
    status = sc;
    headers.remove("Content-Type");
    if (msg != null && !msg.isEmpty()) {
      headers.set("Content-Type", "text/plain;charset=utf-8");
      byte[] text = msg.getBytes(StandardCharsets.UTF_8);
      body.write(text, 0, text.length);
    }
    committed = true;
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public void sendRedirect(String location) {
    sendRedirect(location, SC_FOUND, true);
  }

  // The three sendRedirect overloads below and setCharacterEncoding(Charset) are Servlet 6.1 (Tomcat 11, Jetty
  // ee11): on such a container the wrapper would hand them to the client's response, past the outbound policies.
  // Compiled against 6.0, so no @Override.

  /** Servlet 6.1: a 302 redirect, the body kept when {@code clearBuffer} is false. */
  public void sendRedirect(String location, boolean clearBuffer) {
    sendRedirect(location, SC_FOUND, clearBuffer);
  }

  /** Servlet 6.1: a redirect with status {@code sc}. */
  public void sendRedirect(String location, int sc) {
    sendRedirect(location, sc, true);
  }

  /** Servlet 6.1: a redirect with status {@code sc}, the body written so far kept when {@code clearBuffer} is false. */
  public synchronized void sendRedirect(String location, int sc, boolean clearBuffer) {
    checkNotCommitted();
    if (clearBuffer) {
      resetBuffer();
    }
    body.closeWindow();
    status = sc;
    headers.set("Location", location);
    committed = true;
  }

  /** Servlet 6.1: as {@link #setCharacterEncoding(String)}. */
  public void setCharacterEncoding(Charset charset) {
    setCharacterEncoding(charset == null ? null : charset.name());
  }

  /**
   * Trailers are not part of the engine's response: those the application sets are kept here and never reach the
   * client (the wrapper would set them on the client's response).
   */
  @Override
  public synchronized void setTrailerFields(Supplier<Map<String, String>> supplier) {
    trailerFields = supplier;
  }

  @Override
  public synchronized Supplier<Map<String, String>> getTrailerFields() {
    return trailerFields;
  }

  private void checkNotCommitted() {
    if (committed) {
      throw new IllegalStateException("response already committed");
    }
  }

  @Override
  public synchronized void setHeader(String name, String value) {
    if (committed) {
      return;
    }
    if (name.equalsIgnoreCase("Content-Type")) {
      setContentType(value);
    } else if (value == null) {
      headers.remove(name);
    } else {
      headers.set(name, value);
    }
  }

  @Override
  public synchronized void addHeader(String name, String value) {
    if (committed || value == null) {
      return;
    }
    if (name.equalsIgnoreCase("Content-Type")) {
      setContentType(value);
    } else {
      headers.add(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, Integer.toString(value));
  }

  @Override
  public void setDateHeader(String name, long date) {
    setHeader(name, HTTP_DATE.format(Instant.ofEpochMilli(date)));
  }

  @Override
  public void addDateHeader(String name, long date) {
    addHeader(name, HTTP_DATE.format(Instant.ofEpochMilli(date)));
  }

  @Override
  public synchronized boolean containsHeader(String name) {
    return headers.contains(name);
  }

  @Override
  public synchronized String getHeader(String name) {
    return headers.first(name);
  }

  @Override
  public synchronized Collection<String> getHeaders(String name) {
    return List.copyOf(headers.get(name));
  }

  @Override
  public synchronized Collection<String> getHeaderNames() {
    return headers.names();
  }

  @Override
  public void addCookie(Cookie cookie) {
    addHeader("Set-Cookie", SetCookie.format(cookie));
  }

  @Override
  public synchronized void setContentType(String type) {
    if (committed) {
      return;
    }
    if (type == null) {
      headers.remove("Content-Type");
      return;
    }
    String declared = ApplicationRequest.charsetParameter(type);
    if (declared != null && writer == null) {
      characterEncoding = declared;
    }
    if (declared == null && characterEncoding != null) {
      type = type + ";charset=" + characterEncoding;
    }
    headers.set("Content-Type", type);
  }

  @Override
  public synchronized String getContentType() {
    return headers.first("Content-Type");
  }

  @Override
  public synchronized void setCharacterEncoding(String charset) {
    if (committed || writer != null) {
      return;
    }
    characterEncoding = charset;
    String type = headers.first("Content-Type");
    if (type != null) {
      String base = type.split(";")[0].strip();
      headers.set("Content-Type", charset == null ? base : base + ";charset=" + charset);
    }
  }

  @Override
  public synchronized String getCharacterEncoding() {
    if (characterEncoding != null) {
      return characterEncoding;
    }
    return defaultEncoding != null ? defaultEncoding : StandardCharsets.ISO_8859_1.name();
  }

  @Override
  public void setContentLength(int len) {
    setContentLengthLong(len);
  }

  @Override
  public void setContentLengthLong(long len) {
    setHeader("Content-Length", Long.toString(len));
  }

  @Override
  public synchronized void setLocale(Locale loc) {
    if (committed || loc == null) {
      return;
    }
    locale = loc;
    headers.set("Content-Language", loc.toLanguageTag());
  }

  @Override
  public synchronized Locale getLocale() {
    return locale != null ? locale : Locale.getDefault();
  }

  @Override
  public synchronized ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() was already called");
    }
    usedStream = true;
    return body;
  }

  @Override
  public synchronized PrintWriter getWriter() {
    if (usedStream) {
      throw new IllegalStateException("getOutputStream() was already called");
    }
    if (writer == null) {
      String name = getCharacterEncoding();
      Charset charset;
      try {
        charset = Charset.forName(name);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        charset = StandardCharsets.ISO_8859_1;
      }
      if (characterEncoding == null) {
        setCharacterEncoding(charset.name());
      }
      writer = new ApplicationWriter(body, charset);
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    ApplicationWriter w;
    synchronized (this) {
      w = writer;
    }
    if (w != null) {
      w.flush();
    } else {
      body.flush();
    }
  }

  @Override
  public synchronized void resetBuffer() {
    checkNotCommitted();
    if (writer != null) {
      writer.discard();
    }
    body.reset();
  }

  @Override
  public synchronized void reset() {
    checkNotCommitted();
    resetBuffer();
    headers.names().forEach(headers::remove);
    status = 200;
  }

  @Override
  public synchronized boolean isCommitted() {
    return committed;
  }

  @Override
  public void setBufferSize(int size) {
    // The body is captured whole, or up to the streaming window; the size has no effect.
  }

  @Override
  public int getBufferSize() {
    return onStreamed == null ? Integer.MAX_VALUE : CapturingOutputStream.WINDOW;
  }
}
