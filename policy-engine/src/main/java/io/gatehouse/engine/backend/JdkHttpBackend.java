package io.gatehouse.engine.backend;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The default {@link Backend}: the JDK's {@link HttpClient}, asynchronous, buffered bodies, redirects followed only
 * when {@code follow-redirects} asks for it. The timeout covers the wait for the response headers, as APIM's
 * {@code forward-request timeout} does; a timeout is {@link BackendException.Kind#TIMEOUT}, every other failure
 * {@link BackendException.Kind#CONNECTION_FAILURE}.
 */
public final class JdkHttpBackend implements Backend {
  /** Headers the JDK client computes itself and refuses to accept. */
  private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade",
      "keep-alive", "transfer-encoding", "te", "trailer");

  private final HttpClient noRedirects;
  private final HttpClient redirects;

  /** A backend with a 30-second connect timeout. */
  public JdkHttpBackend() {
    this(Duration.ofSeconds(30));
  }

  public JdkHttpBackend(Duration connectTimeout) {
    this.noRedirects = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.redirects = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @Override
  public CompletionStage<BackendResponse> send(BackendRequest request, BackendOptions options) {
    HttpRequest httpRequest;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
          .method(request.method(), request.body() == null || request.body().length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(request.body()))
          .version(options.httpVersion() == BackendOptions.HttpVersion.HTTP_1_1
              ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2);
      if (!options.timeout().isZero() && !options.timeout().isNegative()) {
        builder.timeout(options.timeout());
      }
      request.headers().forEach((name, values) -> {
        if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
          for (String v : values) {
            builder.header(name, v);
          }
        }
      });
      httpRequest = builder.build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new BackendException(BackendException.Kind.CONNECTION_FAILURE, "invalid backend request: "
              + e.getMessage(), e));
    }
    HttpClient client = options.followRedirects() ? redirects : noRedirects;
    return client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
        .handle((response, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
            throw new BackendException(cause instanceof HttpTimeoutException
                ? BackendException.Kind.TIMEOUT : BackendException.Kind.CONNECTION_FAILURE,
                cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                cause);
          }
          HttpHeaders headers = new HttpHeaders();
          for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            if (!e.getKey().startsWith(":")) {
              headers.set(e.getKey(), e.getValue());
            }
          }
          return new BackendResponse(response.statusCode(), "", headers, response.body());
        });
  }
}
