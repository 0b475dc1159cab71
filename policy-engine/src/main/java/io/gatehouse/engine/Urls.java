package io.gatehouse.engine;

import io.gatehouse.engine.context.UrlCodec;
import io.gatehouse.engine.context.UrlInfo;
import java.net.URI;

/** Parsing of request and service URLs into {@link UrlInfo}. */
final class Urls {
  private Urls() {}

  static UrlInfo info(URI uri) {
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new UrlInfo(scheme, uri.getHost(), port, path, UrlCodec.parseQuery(uri.getRawQuery()));
  }
}
