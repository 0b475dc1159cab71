package io.gatehouse.servlet;

import io.gatehouse.api.HttpHeaders;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The request the application sees behind the filter: the method, path, query, headers and body as the policies
 * left them; everything else (connection, server, session, context, servlet mapping) is the container's.
 *
 * <p>{@code Host} comes from the client's request unless a policy set one; {@code Content-Length} is the buffered
 * body's length; {@code Transfer-Encoding} is never shown. {@code startAsync} returns an {@link
 * ApplicationAsyncContext}, because the filter already owns the container's asynchronous cycle.
 */
final class ApplicationRequest extends HttpServletRequestWrapper {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final HttpHeaders headers;
  private final byte[] body;
  private final Executor containerThreads;
  private final long asyncTimeoutMillis;
  private final Runnable onAsyncComplete;
  private ServletResponse response;
  private String characterEncoding;
  private Map<String, String[]> parameters;
  private ServletInputStream input;
  private BufferedReader reader;
  private volatile ApplicationAsyncContext asyncContext;

  /**
   * @param rawPath the path inside the servlet context, still percent-encoded, starting with {@code /}
   * @param rawQuery the query, still percent-encoded, or null
   * @param body the body, or null when the request has none
   * @param onAsyncComplete runs once when the application completes its {@link AsyncContext}
   */
  ApplicationRequest(HttpServletRequest original, String method, String rawPath, String rawQuery, HttpHeaders headers,
      byte[] body, Executor containerThreads, long asyncTimeoutMillis, Runnable onAsyncComplete) {
    super(original);
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.containerThreads = containerThreads;
    this.asyncTimeoutMillis = asyncTimeoutMillis;
    this.onAsyncComplete = onAsyncComplete;
  }

  /** The response given to the application with this request (the default of {@code startAsync()}). */
  void setResponse(ServletResponse response) {
    this.response = response;
  }

  /** The application's asynchronous context, or null when it did not call {@code startAsync}. */
  ApplicationAsyncContext applicationAsyncContext() {
    return asyncContext;
  }

  private HttpServletRequest original() {
    return (HttpServletRequest) getRequest();
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getRequestURI() {
    return original().getContextPath() + rawPath;
  }

  @Override
  public StringBuffer getRequestURL() {
    String url = original().getRequestURL().toString();
    int authority = url.indexOf("//");
    int slash = url.indexOf('/', authority < 0 ? 0 : authority + 2);
    return new StringBuffer(slash < 0 ? url : url.substring(0, slash)).append(getRequestURI());
  }

  @Override
  public String getQueryString() {
    return rawQuery;
  }

  @Override
  public String getHeader(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return Collections.enumeration(headerValues(name));
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    List<String> names = new ArrayList<>();
    for (String name : headers.names()) {
      if (!name.equalsIgnoreCase("Transfer-Encoding") && !name.equalsIgnoreCase("Content-Length")) {
        names.add(name);
      }
    }
    if (!headers.contains("Host") && original().getHeader("Host") != null) {
      names.add("Host");
    }
    if (body != null) {
      names.add("Content-Length");
    }
    return Collections.enumeration(names);
  }

  private List<String> headerValues(String name) {
    if (name.equalsIgnoreCase("Content-Length")) {
      return body == null ? List.of() : List.of(Integer.toString(body.length));
    }
    if (name.equalsIgnoreCase("Transfer-Encoding")) {
      return List.of();
    }
    if (name.equalsIgnoreCase("Host") && !headers.contains("Host")) {
      return Collections.list(original().getHeaders("Host"));
    }
    return headers.get(name);
  }

  @Override
  public int getIntHeader(String name) {
    String value = getHeader(name);
    return value == null ? -1 : Integer.parseInt(value.strip());
  }

  @Override
  public long getDateHeader(String name) {
    String value = getHeader(name);
    if (value == null) {
      return -1;
    }
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an HTTP date: " + value, e);
    }
  }

  @Override
  public Cookie[] getCookies() {
    List<Cookie> cookies = new ArrayList<>();
    for (String line : headers.get("Cookie")) {
      for (String pair : line.split(";")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String value = pair.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        try {
          cookies.add(new Cookie(pair.substring(0, eq).strip(), value));
        } catch (IllegalArgumentException e) {
          // Not a valid cookie name: ignored, as containers do.
        }
      }
    }
    return cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
  }

  @Override
  public String getContentType() {
    return headers.first("Content-Type");
  }

  @Override
  public int getContentLength() {
    return body == null ? -1 : body.length;
  }

  @Override
  public long getContentLengthLong() {
    return getContentLength();
  }

  @Override
  public String getCharacterEncoding() {
    if (characterEncoding != null) {
      return characterEncoding;
    }
    String declared = charsetParameter(getContentType());
    return declared != null ? declared : original().getServletContext().getRequestCharacterEncoding();
  }

  @Override
  public void setCharacterEncoding(String encoding) throws UnsupportedEncodingException {
    if (reader != null) {
      return;
    }
    try {
      Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new UnsupportedEncodingException(encoding);
    }
    this.characterEncoding = encoding;
  }

  /**
   * Servlet 6.1 (Tomcat 11, Jetty ee11), declared here for containers of that version: the wrapper would set the
   * client's request's encoding, which this request's reader never reads. Compiled against 6.0, so no
   * {@code @Override}.
   */
  public void setCharacterEncoding(Charset encoding) {
    if (reader == null) {
      this.characterEncoding = encoding == null ? null : encoding.name();
    }
  }

  private Charset charset() {
    String name = getCharacterEncoding();
    try {
      return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  /**
   * The {@code charset} parameter of a media type, unquoted, or null. Scans the {@code ;}-separated parts in place:
   * a media type without one (the common case) costs no allocation.
   */
  static String charsetParameter(String contentType) {
    if (contentType == null) {
      return null;
    }
    int n = contentType.length();
    for (int start = 0; start < n; ) {
      int end = contentType.indexOf(';', start);
      if (end < 0) {
        end = n;
      }
      int from = start;
      while (from < end && Character.isWhitespace(contentType.charAt(from))) {
        from++;
      }
      if (end - from >= 8 && contentType.regionMatches(true, from, "charset=", 0, 8)) {
        String value = contentType.substring(from + 8, end).strip();
        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
            ? value.substring(1, value.length() - 1) : value;
      }
      start = end + 1;
    }
    return null;
  }

  @Override
  public ServletInputStream getInputStream() {
    if (reader != null) {
      throw new IllegalStateException("getReader() was already called");
    }
    if (input == null) {
      input = new BufferedInputStream(body, containerThreads);
    }
    return input;
  }

  @Override
  public BufferedReader getReader() {
    if (input != null && reader == null) {
      throw new IllegalStateException("getInputStream() was already called");
    }
    if (reader == null) {
      reader = new BufferedReader(new InputStreamReader(new BufferedInputStream(body, containerThreads), charset()));
    }
    return reader;
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters().get(name);
    return values == null ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters();
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters().keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] values = parameters().get(name);
    return values == null ? null : values.clone();
  }

  /** Query parameters, then {@code application/x-www-form-urlencoded} body parameters. */
  private Map<String, String[]> parameters() {
    if (parameters == null) {
      Map<String, List<String>> all = new LinkedHashMap<>();
      addParameters(all, rawQuery, StandardCharsets.UTF_8);
      String type = getContentType();
      if (body != null && type != null
          && type.strip().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : charset();
        addParameters(all, new String(body, charset), charset);
      }
      Map<String, String[]> result = new LinkedHashMap<>();
      all.forEach((k, v) -> result.put(k, v.toArray(new String[0])));
      parameters = Collections.unmodifiableMap(result);
    }
    return parameters;
  }

  private static void addParameters(Map<String, List<String>> into, String encoded, Charset charset) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
        into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        // A malformed escape drops that one parameter, as containers do.
      }
    }
  }

  @Override
  public AsyncContext startAsync() {
    return start(this, response, true);
  }

  @Override
  public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
    return start(servletRequest, servletResponse, servletRequest == this && servletResponse == response);
  }

  private synchronized AsyncContext start(ServletRequest req, ServletResponse res, boolean original) {
    if (!isAsyncSupported()) {
      throw new IllegalStateException("asynchronous processing is not supported by this filter chain");
    }
    if (asyncContext != null) {
      throw new IllegalStateException("startAsync was already called");
    }
    asyncContext = new ApplicationAsyncContext(req, res, original, containerThreads, asyncTimeoutMillis,
        onAsyncComplete);
    return asyncContext;
  }

  @Override
  public boolean isAsyncStarted() {
    ApplicationAsyncContext context = asyncContext;
    return context != null && !context.isCompleted();
  }

  @Override
  public AsyncContext getAsyncContext() {
    if (asyncContext == null) {
      throw new IllegalStateException("startAsync was not called");
    }
    return asyncContext;
  }
}
