package io.gatehouse.engine.pipeline;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.context.RequestContext;
import io.gatehouse.engine.context.UrlInfo;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code context.Request}: the request as policies modify it. The URL sent to the backend is kept as a base URL
 * (the API's service URL or {@code set-backend-service}), the operation-relative path and the query, so that
 * {@code rewrite-uri}, {@code set-query-parameter} and {@code set-backend-service} each change only their part.
 */
public final class MutableRequest implements RequestContext {
  private String method;
  private final UrlInfo originalUrl;
  private URI backendBase;
  private String relativePath;
  private LinkedHashMap<String, List<String>> query; // copied from the original URL on first use
  private final HttpHeaders headers;
  private Body body;
  private final Map<String, String> matchedParameters;
  private final String ipAddress;
  private final X509Certificate certificate;
  private final List<X509Certificate> certificateChain;
  private boolean targetChanged;

  MutableRequest(
      String method, UrlInfo originalUrl, URI backendBase, String relativePath, HttpHeaders headers, byte[] body,
      Map<String, String> matchedParameters, String ipAddress, X509Certificate certificate,
      List<X509Certificate> certificateChain) {
    this.method = method;
    this.originalUrl = originalUrl;
    this.backendBase = backendBase;
    this.relativePath = relativePath;
    this.headers = headers;
    this.body = body == null ? null : new Body(body, headers);
    this.matchedParameters = Map.copyOf(matchedParameters);
    this.ipAddress = ipAddress;
    this.certificate = certificate;
    this.certificateChain = List.copyOf(certificateChain);
  }

  @Override
  public String method() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  @Override
  public UrlInfo url() {
    URI base = backendBase;
    if (base == null) {
      return new UrlInfo(originalUrl.scheme(), originalUrl.host(), originalUrl.port(), relativePath, currentQuery());
    }
    String scheme = base.getScheme();
    int port = base.getPort() != -1 ? base.getPort() : UrlInfo.defaultPort(scheme);
    return new UrlInfo(scheme, base.getHost(), port, joinPath(base.getRawPath(), relativePath), currentQuery());
  }

  /**
   * {@code url().toString()} when there is a backend base (forward-request, every request), built in one buffer
   * without the intermediate {@link UrlInfo} and strings.
   */
  public String backendUrl() {
    URI base = backendBase;
    String scheme = base.getScheme();
    int port = base.getPort() != -1 ? base.getPort() : UrlInfo.defaultPort(scheme);
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (relativePath.startsWith("/") && !basePath.endsWith("/") && currentQuery().isEmpty()
        && ("http".equals(scheme) || "https".equals(scheme))) {
      // The usual URL (a service URL plus the operation path, no query) concatenated into its exact size.
      return port == UrlInfo.defaultPort(scheme) ? scheme + "://" + base.getHost() + basePath + relativePath
          : scheme + "://" + base.getHost() + ":" + port + basePath + relativePath;
    }
    StringBuilder sb = new StringBuilder(48 + basePath.length() + relativePath.length());
    UrlInfo.appendOrigin(sb, scheme, base.getHost(), port);
    // joinPath, appended
    int baseEnd = basePath.endsWith("/") ? basePath.length() - 1 : basePath.length();
    if (relativePath.isEmpty()) {
      if (baseEnd == 0) {
        sb.append('/');
      } else {
        sb.append(basePath, 0, baseEnd);
      }
    } else {
      sb.append(basePath, 0, baseEnd);
      if (!relativePath.startsWith("/")) {
        sb.append('/');
      }
      sb.append(relativePath);
    }
    UrlInfo.appendQueryString(sb, currentQuery());
    return sb.toString();
  }

  private Map<String, List<String>> currentQuery() {
    return query != null ? query : originalUrl.query();
  }

  /** Joins a base path and an operation-relative path with exactly one slash between them. */
  static String joinPath(String basePath, String relative) {
    String b = basePath == null ? "" : basePath;
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    if (relative.isEmpty()) {
      return b.isEmpty() ? "/" : b;
    }
    return b + (relative.startsWith("/") ? relative : "/" + relative);
  }

  @Override
  public UrlInfo originalUrl() {
    return originalUrl;
  }

  /** The backend base URL, or null when neither the API nor a policy defined one. */
  public URI backendBase() {
    return backendBase;
  }

  public void setBackendBase(URI backendBase) {
    this.backendBase = backendBase;
    this.targetChanged = true;
  }

  /**
   * Whether a policy changed the backend base or the relative path. Until then the backend URL is made of parts
   * that are valid by construction (the compiled service URL, the path of the parsed request URL, the encoded
   * query), so it need not be checked again.
   */
  public boolean targetChanged() {
    return targetChanged;
  }

  /** Operation-relative path (leading slash, or empty), as {@code rewrite-uri} sets it. */
  public String relativePath() {
    return relativePath;
  }

  public void setRelativePath(String relativePath) {
    this.relativePath = relativePath;
    this.targetChanged = true;
  }

  /** The mutable query parameters sent to the backend, in order. */
  public LinkedHashMap<String, List<String>> query() {
    if (query == null) {
      query = new LinkedHashMap<>();
      originalUrl.query().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
    }
    return query;
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public Body body() {
    return body;
  }

  public void setBody(byte[] bytes) {
    this.body = new Body(bytes, headers);
  }

  @Override
  public Map<String, String> matchedParameters() {
    return matchedParameters;
  }

  @Override
  public String ipAddress() {
    return ipAddress;
  }

  @Override
  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate chain the client presented, leaf first; empty without a client certificate. */
  public List<X509Certificate> certificateChain() {
    return certificateChain;
  }
}
