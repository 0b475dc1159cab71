package io.gatehouse.engine.jwt;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * A local identity provider for tests (JDK HttpServer on 127.0.0.1, ephemeral port): an openid-config discovery
 * document at {@code /{tenant}/v2.0/.well-known/openid-configuration} naming {@code /{tenant}/jwks}, whose keys can be
 * swapped (rotation) and which can be taken down (outage: HTTP 503).
 */
final class IdpServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger discoveryHits = new AtomicInteger();
  private final AtomicInteger jwksHits = new AtomicInteger();
  private volatile List<PublicJsonWebKey> keys;
  private volatile String issuer;
  private volatile boolean down;

  IdpServer(List<PublicJsonWebKey> keys) throws IOException {
    this.keys = keys;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.issuer = base() + "/tenant/v2.0";
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String body;
      if (path.endsWith("/.well-known/openid-configuration")) {
        discoveryHits.incrementAndGet();
        String tenantBase = path.substring(0, path.indexOf("/v2.0/"));
        body = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + base() + tenantBase + "/jwks\"}";
      } else if (path.endsWith("/jwks")) {
        jwksHits.incrementAndGet();
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        for (PublicJsonWebKey k : this.keys) {
          sb.append(sb.length() > 9 ? "," : "").append(k.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
        body = sb.append("]}").toString();
      } else {
        body = null;
      }
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(down ? 503 : body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String discoveryUrl() {
    return base() + "/tenant/v2.0/.well-known/openid-configuration";
  }

  String issuer() {
    return issuer;
  }

  void issuer(String issuer) {
    this.issuer = issuer;
  }

  void keys(List<PublicJsonWebKey> keys) {
    this.keys = keys;
  }

  void down(boolean down) {
    this.down = down;
  }

  int discoveryHits() {
    return discoveryHits.get();
  }

  int jwksHits() {
    return jwksHits.get();
  }

  /** Waits (briefly) until the JWKS was served {@code n} times, for background refreshes. */
  void awaitJwksHits(int n) throws InterruptedException {
    for (int i = 0; i < 200 && jwksHits.get() < n; i++) {
      Thread.sleep(10);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
