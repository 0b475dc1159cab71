package io.gatehouse.api;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A request as a host (servlet, Netty, test harness, CLI) hands it to the engine.
 *
 * <p>The URL comes either whole ({@link #GatewayRequest(String, String, HttpHeaders, byte[], String, List)}) or in
 * the parts a server reads off the wire ({@link #fromParts}): then the engine splits the parts without building and
 * parsing the whole text again, and {@link #url()} builds it only when asked. Immutable apart from the body array
 * and header map it was given, which belong to it from then on; equal only to itself.
 */
public final class GatewayRequest {
  private final String method;
  private final String scheme; // with authority and target: the parts; all null when the URL came whole
  private final String authority;
  private final String target;
  private String url; // the whole URL: given, or built on first use (a race builds equal strings)
  private final HttpHeaders headers;
  private final byte[] body;
  private final String clientIp;
  private final List<X509Certificate> clientCertificates;

  /**
   * A request with a whole URL.
   *
   * @param method HTTP method, upper case
   * @param url absolute URL as received, e.g. {@code https://gw.example/orders/42?x=1}
   * @param headers request headers (the engine works on its own copy); null for none
   * @param body request body, or null when the request has none
   * @param clientIp IP address of the caller's connection (IPv4 or IPv6 text), or null if unknown
   * @param clientCertificates TLS client certificate chain, leaf first; null or empty when none was presented
   */
  public GatewayRequest(String method, String url, HttpHeaders headers, byte[] body, String clientIp,
      List<X509Certificate> clientCertificates) {
    this(method, null, null, null, Objects.requireNonNull(url, "url"), headers, body, clientIp, clientCertificates);
  }

  private GatewayRequest(String method, String scheme, String authority, String target, String url,
      HttpHeaders headers, byte[] body, String clientIp, List<X509Certificate> clientCertificates) {
    this.method = Objects.requireNonNull(method, "method");
    this.scheme = scheme;
    this.authority = authority;
    this.target = target;
    this.url = url;
    this.headers = headers == null ? new HttpHeaders() : headers;
    this.body = body;
    this.clientIp = clientIp;
    this.clientCertificates = clientCertificates == null || clientCertificates.isEmpty() ? List.of()
        : List.copyOf(clientCertificates);
  }

  /** A request without body, client IP or certificates. */
  public static GatewayRequest of(String method, String url, HttpHeaders headers) {
    return new GatewayRequest(method, url, headers, null, null, List.of());
  }

  /**
   * A request whose URL is {@code scheme://authority target}, given in those parts, as a server has them: the
   * connection's scheme, the {@code Host} header and the request line's target. Other parameters as in
   * {@link #GatewayRequest(String, String, HttpHeaders, byte[], String, List)}.
   *
   * @param scheme {@code http} or {@code https}, lower case
   * @param authority host and optional port, e.g. {@code gw.example:8443} (an IPv6 host in brackets)
   * @param target the request target in origin form, e.g. {@code /orders/42?x=1}
   */
  public static GatewayRequest fromParts(String method, String scheme, String authority, String target,
      HttpHeaders headers, byte[] body, String clientIp, List<X509Certificate> clientCertificates) {
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("scheme must be http or https: " + scheme);
    }
    return new GatewayRequest(method, scheme, Objects.requireNonNull(authority, "authority"),
        Objects.requireNonNull(target, "target"), null, headers, body, clientIp, clientCertificates);
  }

  /** HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The absolute URL, e.g. {@code https://gw.example/orders/42?x=1}. */
  public String url() {
    String u = url;
    if (u == null) {
      u = scheme + "://" + authority + target;
      url = u;
    }
    return u;
  }

  /** The scheme when the URL was given in parts ({@link #fromParts}), else null. */
  public String scheme() {
    return scheme;
  }

  /** The authority (host and optional port) when the URL was given in parts, else null. */
  public String authority() {
    return authority;
  }

  /** The request target when the URL was given in parts, else null. */
  public String target() {
    return target;
  }

  /** Request headers (the engine works on its own copy). */
  public HttpHeaders headers() {
    return headers;
  }

  /** Request body, or null when the request has none. */
  public byte[] body() {
    return body;
  }

  /** IP address of the caller's connection, or null if unknown. */
  public String clientIp() {
    return clientIp;
  }

  /** TLS client certificate chain, leaf first; empty when none was presented. */
  public List<X509Certificate> clientCertificates() {
    return clientCertificates;
  }

  /** Method, URL and sizes; no header values (they carry keys and tokens, and this text ends up in logs). */
  @Override
  public String toString() {
    return "GatewayRequest[" + method + " " + url() + ", headers=" + headers.size() + ", body="
        + (body == null ? "none" : body.length + " bytes") + ", clientIp=" + clientIp + ", clientCertificates="
        + clientCertificates.size() + "]";
  }
}
