package io.gatehouse.engine;

import io.gatehouse.engine.context.UrlCodec;
import io.gatehouse.engine.context.UrlInfo;
import java.net.URI;

/** Parsing of request and service URLs into {@link UrlInfo}. */
final class Urls {
  private Urls() {}

  /** The URI of an absolute http(s) URL, or null when it is not one. */
  static URI parseAbsolute(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  static UrlInfo info(URI uri) {
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new UrlInfo(scheme, uri.getHost(), port, path, UrlCodec.parseQuery(uri.getRawQuery()));
  }
}
