package io.gatehouse.api;

import java.net.URI;
import java.util.Objects;

/**
 * The request the engine sends to a backend ({@code forward-request}).
 *
 * <p>The engine creates it from the URL text it built ({@link #of}); the {@link URI} is parsed only when a backend
 * asks for it, since hosts that dispatch in-process (servlet filter, Netty handler in front of its application)
 * need just the {@link #rawPath()} and {@link #rawQuery()}.
 */
public final class BackendRequest {
  private final String method;
  private final String url;
  private final String rawPath;
  private final String rawQuery;
  private final HttpHeaders headers;
  private final byte[] body;
  private volatile URI uri;

  /**
   * @param method HTTP method
   * @param uri absolute backend URI
   * @param headers headers to send (null: none)
   * @param body body to send, or null for none
   */
  public BackendRequest(String method, URI uri, HttpHeaders headers, byte[] body) {
    this(method, Objects.requireNonNull(uri, "uri").toString(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    this.uri = uri;
  }

  private BackendRequest(String method, String url, String rawPath, String rawQuery, HttpHeaders headers,
      byte[] body) {
    this.method = Objects.requireNonNull(method, "method");
    this.url = url;
    this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers == null ? new HttpHeaders() : headers;
    this.body = body;
  }

  /**
   * A request to an absolute URL given as text, which must be a valid URI ({@link #uri()} throws
   * {@link IllegalArgumentException} otherwise).
   */
  public static BackendRequest of(String method, String absoluteUrl, HttpHeaders headers, byte[] body) {
    String url = Objects.requireNonNull(absoluteUrl, "absoluteUrl");
    int authority = url.indexOf("://");
    if (authority < 0) {
      throw new IllegalArgumentException("not an absolute URL: " + url);
    }
    int end = url.indexOf('#');
    end = end < 0 ? url.length() : end;
    int path = authority + 3;
    while (path < end && url.charAt(path) != '/' && url.charAt(path) != '?') {
      path++;
    }
    int query = url.indexOf('?', path);
    query = query < 0 || query > end ? -1 : query;
    return new BackendRequest(method, url, url.substring(path, query < 0 ? end : query),
        query < 0 ? null : url.substring(query + 1, end), headers, body);
  }

  /** HTTP method. */
  public String method() {
    return method;
  }

  /** The absolute backend URI. */
  public URI uri() {
    URI u = uri;
    if (u == null) {
      u = URI.create(url);
      uri = u;
    }
    return u;
  }

  /** The absolute backend URL as text. */
  public String url() {
    return url;
  }

  /** The URL's percent-encoded path; {@code /} when it has none. */
  public String rawPath() {
    return rawPath;
  }

  /** The URL's percent-encoded query without {@code ?}, or null. */
  public String rawQuery() {
    return rawQuery;
  }

  /** Headers to send. */
  public HttpHeaders headers() {
    return headers;
  }

  /** Body to send, or null for none. */
  public byte[] body() {
    return body;
  }

  @Override
  public String toString() {
    return method + " " + url;
  }
}
