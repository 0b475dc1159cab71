package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.engine.Gatehouse;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on both sides of the proxy: an HTTPS gateway requesting client certificates (the chain reaches the engine)
 * and an HTTPS backend reached through {@link NettyBackend} with a given trust store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyTlsTest {
  static {
    LeakRecorder.install();
  }

  private Path dir;
  private TestKeys server;
  private TestKeys client;
  private HttpsServer backend;
  private NettyBackend nettyBackend;
  private NettyGateway gateway;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    server = TestKeys.generate(dir, "server");
    client = TestKeys.generate(dir, "client");
    backend = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.setHttpsConfigurator(new HttpsConfigurator(server.sslContext(client)));
    backend.createContext("/", exchange -> {
      byte[] body = ("tls backend " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    backend.start();
    Path tree = Files.createDirectories(dir.resolve("tree/apis/tls"));
    Files.writeString(dir.resolve("tree/policy.xml"), "<policies><inbound /><backend><forward-request />"
        + "</backend><outbound /><on-error /></policies>");
    Files.writeString(tree.resolve("apiInformation.json"), "{\"properties\": {\"path\": \"tls\", \"serviceUrl\": "
        + "\"https://127.0.0.1:" + backend.getAddress().getPort() + "\", \"subscriptionRequired\": false}}");
    Files.writeString(tree.resolve("specification.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n"
        + "paths:\n  /who:\n    get:\n      operationId: who\n      responses: {'200': {description: ok}}\n");
    Files.writeString(tree.resolve("policy.xml"), "<policies><inbound><base /><validate-client-certificate "
        + "validate-revocation=\"false\" validate-trust=\"false\"><identities><identity thumbprint=\""
        + thumbprint(client) + "\" /></identities></validate-client-certificate></inbound><backend><base />"
        + "</backend><outbound><base /></outbound><on-error><base /></on-error></policies>");
    nettyBackend = NettyBackend.builder().threads(1).trustStore(server.trustStore()).build();
    gateway = NettyGateway.builder().gatehouse(Gatehouse.builder().apiOpsTree(dir.resolve("tree")).build())
        .backend(nettyBackend).threads(1)
        .tls(SslContextBuilder.forServer(server.key(), server.certificate()).sslProvider(SslProvider.JDK)
            .clientAuth(ClientAuth.OPTIONAL).trustManager(client.certificate()).build())
        .start();
  }

  @AfterAll
  void stop() {
    gateway.close();
    nettyBackend.close();
    backend.stop(0);
  }

  private HttpResponse<String> get(HttpClient httpClient) throws Exception {
    return httpClient.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/tls/who"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void clientCertificateChainReachesTheEngineAndTheBackendIsHttps() throws Exception {
    assertThat(gateway.url()).startsWith("https://127.0.0.1:");
    HttpClient withCertificate = HttpClient.newBuilder().sslContext(client.sslContext(server)).build();
    HttpResponse<String> r = get(withCertificate);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("tls backend /who");
  }

  private static String thumbprint(TestKeys keys) throws Exception {
    return HexFormat.of().withUpperCase().formatHex(
        MessageDigest.getInstance("SHA-1").digest(keys.certificate().getEncoded()));
  }

  @Test
  void withoutTheExpectedClientCertificateValidationRefuses() throws Exception {
    HttpClient anonymous = HttpClient.newBuilder().sslContext(server.sslContext(server)).build();
    HttpResponse<String> r = get(anonymous);
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void untrustedBackendCertificateIsAConnectionFailure() throws Exception {
    try (NettyBackend defaultTrust = NettyBackend.builder().threads(1).build()) {
      Throwable failure = defaultTrust.send(new BackendRequest("GET",
          URI.create("https://127.0.0.1:" + backend.getAddress().getPort() + "/x"), null, null),
          BackendOptions.DEFAULT).toCompletableFuture().handle((r, e) -> e).join();
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      assertThat(cause).isInstanceOf(BackendException.class);
      assertThat(((BackendException) cause).kind()).isEqualTo(BackendException.Kind.CONNECTION_FAILURE);
    }
  }
}
