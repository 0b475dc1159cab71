package io.gatehouse.engine.context;

import java.util.List;
import java.util.Map;

/**
 * {@code IUrl}: an absolute URL split into parts.
 *
 * @param scheme {@code http} or {@code https}
 * @param host host name
 * @param port port number (the scheme's default when the URL has none)
 * @param path path with leading {@code /}, percent-encoding kept as received
 * @param query decoded query parameters, in order, names case-sensitive
 */
public record UrlInfo(String scheme, String host, int port, String path, Map<String, List<String>> query) {
  public UrlInfo {
    query = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
  }

  /** {@code QueryString}: the encoded query with a leading {@code ?}, or empty when there are no parameters. */
  public String queryString() {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      for (String v : e.getValue()) {
        sb.append(sb.length() == 0 ? '?' : '&').append(UrlCodec.encodeQueryComponent(e.getKey()));
        if (v != null) {
          sb.append('=').append(UrlCodec.encodeQueryComponent(v));
        }
      }
    }
    return sb.toString();
  }

  /** The full URL; the port is omitted when it is the scheme's default. */
  @Override
  public String toString() {
    boolean defaultPort = ("http".equalsIgnoreCase(scheme) && port == 80)
        || ("https".equalsIgnoreCase(scheme) && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + queryString();
  }
}
