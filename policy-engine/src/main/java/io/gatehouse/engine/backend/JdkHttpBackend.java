package io.gatehouse.engine.backend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.ClientCertificate;
import io.gatehouse.api.HttpHeaders;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The default {@link Backend}: the JDK's {@link HttpClient}, asynchronous, buffered bodies, redirects followed only
 * when {@code follow-redirects} asks for it. The timeout covers the wait for the response headers, as APIM's
 * {@code forward-request timeout} does, and then each wait for more of the body; a timeout is
 * {@link BackendException.Kind#TIMEOUT}, every other failure {@link BackendException.Kind#CONNECTION_FAILURE},
 * including a body over the bound ({@value #DEFAULT_MAX_RESPONSE_LENGTH} bytes unless given). The JDK's pool may
 * reuse a connection on which a backend sent more than its response, and a later call on it then fails (it never
 * received those bytes as its response in the hostile-backend tests); {@code NettyBackend} closes such connections.
 *
 * <p>Server certificates are checked against the JDK's default trust store or the one given. A request whose
 * {@link BackendOptions#clientCertificate()} is set goes through a client whose TLS context presents that
 * credential; such clients are cached per credential (at most {@value #MAX_CREDENTIAL_CLIENTS}, least recently used
 * evicted) so connections are reused.
 */
public final class JdkHttpBackend implements Backend {
  /** Besides the hop-by-hop headers: what the JDK client computes itself and refuses to accept. */
  private static final String[] RESTRICTED = {"host", "content-length", "expect"};

  static final int MAX_CREDENTIAL_CLIENTS = 64;
  /** Largest response body taken from a backend unless told otherwise (64 MiB, as the Netty backend). */
  public static final int DEFAULT_MAX_RESPONSE_LENGTH = 64 * 1024 * 1024;

  private final Duration connectTimeout;
  private final int maxResponseLength;
  private final TrustManager[] trustManagers;
  private final HttpClient noRedirects;
  private final HttpClient redirects;
  private final Cache<CredentialClient, HttpClient> credentialClients =
      Caffeine.newBuilder().maximumSize(MAX_CREDENTIAL_CLIENTS).build();

  /** Which client serves a request with a client certificate. */
  private record CredentialClient(ClientCertificate certificate, boolean followRedirects) {}

  /** A backend with a 30-second connect timeout. */
  public JdkHttpBackend() {
    this(Duration.ofSeconds(30));
  }

  public JdkHttpBackend(Duration connectTimeout) {
    this(connectTimeout, null);
  }

  /**
   * A backend trusting the server certificates of {@code trustStore} (null: the JDK's default trust store).
   *
   * @throws IllegalArgumentException when the trust store cannot be used
   */
  public JdkHttpBackend(Duration connectTimeout, KeyStore trustStore) {
    this(connectTimeout, trustStore, DEFAULT_MAX_RESPONSE_LENGTH);
  }

  /**
   * Like {@link #JdkHttpBackend(Duration, KeyStore)}, taking at most {@code maxResponseLength} bytes of a response
   * body (a longer one fails the call).
   */
  public JdkHttpBackend(Duration connectTimeout, KeyStore trustStore, int maxResponseLength) {
    if (maxResponseLength < 0) {
      throw new IllegalArgumentException("negative maxResponseLength");
    }
    this.maxResponseLength = maxResponseLength;
    this.connectTimeout = connectTimeout;
    this.trustManagers = trustStore == null ? null : trustManagers(trustStore);
    this.noRedirects = client(false, trustManagers == null ? null : sslContext(null));
    this.redirects = client(true, trustManagers == null ? null : sslContext(null));
  }

  private static TrustManager[] trustManagers(KeyStore trustStore) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unusable trust store: " + e.getMessage(), e);
    }
  }

  private HttpClient client(boolean followRedirects, SSLContext ssl) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    return builder.build();
  }

  /** A TLS context with this backend's trust and, when given, a client credential. */
  private SSLContext sslContext(ClientCertificate credential) {
    try {
      KeyManager[] keyManagers = null;
      if (credential != null) {
        char[] password = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", credential.privateKey(), password,
            credential.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        keyManagers = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("the client certificate cannot be used: " + e.getMessage(), e);
    }
  }

  private HttpClient clientFor(BackendOptions options) {
    if (options.clientCertificate() == null) {
      return options.followRedirects() ? redirects : noRedirects;
    }
    return credentialClients.get(new CredentialClient(options.clientCertificate(), options.followRedirects()),
        key -> client(key.followRedirects(), sslContext(key.certificate())));
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
        if (!HttpHeaders.isHopByHop(name) && !HttpHeaders.isOneOf(name, RESTRICTED)) {
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
    HttpClient client;
    try {
      client = clientFor(options);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new BackendException(BackendException.Kind.CONNECTION_FAILURE, e.getMessage(), e));
    }
    long idleMillis = options.timeout().isNegative() ? 0 : options.timeout().toMillis();
    return client.sendAsync(httpRequest, info -> new BoundedBody(maxResponseLength, idleMillis))
        .handle((response, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
            throw new BackendException(cause instanceof HttpTimeoutException
                ? BackendException.Kind.TIMEOUT : BackendException.Kind.CONNECTION_FAILURE,
                cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                cause);
          }
          if (response.statusCode() < 200 || response.statusCode() > 599) {
            // not a final status HTTP has, or a protocol switch nobody asked for
            throw new BackendException(BackendException.Kind.CONNECTION_FAILURE,
                "malformed response: status " + response.statusCode(), null);
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
