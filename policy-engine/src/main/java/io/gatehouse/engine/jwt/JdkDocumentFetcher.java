package io.gatehouse.engine.jwt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The default {@link DocumentFetcher}: JDK {@link HttpClient}, asynchronous, with a connect timeout, a whole-request
 * timeout, no redirects and a body size limit. The client is created on first use (lint never starts one).
 */
public final class JdkDocumentFetcher implements DocumentFetcher {
  /** Largest discovery document or JWKS accepted. */
  public static final int MAX_BODY_BYTES = 512 * 1024;

  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private volatile HttpClient client;

  public JdkDocumentFetcher(Duration connectTimeout, Duration requestTimeout) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public CompletionStage<String> fetch(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json")
        .GET().build();
    return client().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri.getHost());
        }
        return read(in);
      } catch (IOException e) {
        throw new IllegalStateException("reading a document from " + uri.getHost() + " failed", e);
      }
    });
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (out.size() + n > MAX_BODY_BYTES) {
        throw new IOException("document larger than " + MAX_BODY_BYTES + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
              .build();
          client = c;
        }
      }
    }
    return c;
  }
}
