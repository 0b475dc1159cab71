package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.backend.JdkHttpBackend;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** authentication-certificate against a real HTTPS server that requires a client certificate from the test CA. */
class AuthenticationCertificateHttpsTest {
  private static final char[] P12_PASSWORD = "p12-Passw0rd!".toCharArray();
  private static TestPki pki;
  private static HttpsServer server;
  private static JdkHttpBackend backend;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.get();
    char[] pass = "server".toCharArray();
    KeyStore serverKeys = KeyStore.getInstance("PKCS12");
    serverKeys.load(null, null);
    serverKeys.setKeyEntry("server", pki.serverKey, pass, new X509Certificate[] {pki.server, pki.ca});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(serverKeys, pass);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(TestPki.trustStore(pki.ca));
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = ssl.getDefaultSSLParameters();
        p.setNeedClientAuth(true);
        params.setSSLParameters(p);
      }
    });
    server.createContext("/", exchange -> {
      String peer;
      try {
        peer = ((X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0])
            .getSubjectX500Principal().getName();
      } catch (SSLPeerUnverifiedException e) {
        peer = "none";
      }
      byte[] out = ("client=" + peer).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
    backend = new JdkHttpBackend(Duration.ofSeconds(5), TestPki.trustStore(pki.ca));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static ExchangeOutcome call(String inbound, CertificateStore store) {
    String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/svc";
    GatewayConfig config = GatewayConfig.builder()
        .globalPolicy("<policies><inbound>" + inbound + "</inbound><backend><forward-request timeout=\"5\" />"
            + "</backend><outbound /><on-error /></policies>")
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl(url).subscriptionRequired(false)
            .operation("get-order", "GET", "/{id}").build())
        .build();
    Gatehouse gatehouse = Gatehouse.builder().config(config).certificates(store).backend(backend).build();
    return gatehouse.execute(GatewayRequest.of("GET", "https://gw.test/orders/1", new HttpHeaders()))
        .toCompletableFuture().join();
  }

  private static String body(ExchangeOutcome outcome) {
    return new String(outcome.response().body(), StandardCharsets.UTF_8);
  }

  private static CertificateStore store() {
    return CertificateStore.builder().certificate("backend-client", pki.clientKey, pki.client, pki.ca).build();
  }

  @Test
  void presentsTheCertificateNamedByCertificateId() {
    ExchangeOutcome outcome = call("<authentication-certificate certificate-id=\"backend-client\" />", store());
    assertThat(outcome.response().status()).isEqualTo(200);
    assertThat(body(outcome)).isEqualTo("client=" + pki.client.getSubjectX500Principal().getName());
  }

  @Test
  void presentsTheCertificateWithThatThumbprint() {
    String thumbprint = CertificateStore.thumbprint(pki.client).toLowerCase();
    ExchangeOutcome outcome = call("<authentication-certificate thumbprint=\"" + thumbprint + "\" />", store());
    assertThat(outcome.response().status()).isEqualTo(200);
    assertThat(body(outcome)).startsWith("client=CN=client.example");
  }

  @Test
  void presentsAPkcs12BodyFromAnExpression() {
    String base64 = Base64.getEncoder().encodeToString(
        TestPki.pkcs12(pki.clientKey, P12_PASSWORD, pki.client, pki.ca));
    String inbound = "<set-variable name=\"p12\" value=\"" + base64 + "\" />"
        + "<authentication-certificate body=\"@((string)context.Variables[&quot;p12&quot;])\" password=\"@(&quot;"
        + new String(P12_PASSWORD) + "&quot;)\" />";
    ExchangeOutcome outcome = call(inbound, CertificateStore.EMPTY);
    assertThat(outcome.response().status()).isEqualTo(200);
    assertThat(body(outcome)).startsWith("client=CN=client.example");
  }

  @Test
  void presentsALiteralPkcs12Body() {
    String base64 = Base64.getEncoder().encodeToString(
        TestPki.pkcs12(pki.clientKey, P12_PASSWORD, pki.client, pki.ca));
    ExchangeOutcome outcome = call("<authentication-certificate body=\"" + base64 + "\" password=\""
        + new String(P12_PASSWORD) + "\" />", CertificateStore.EMPTY);
    assertThat(outcome.response().status()).isEqualTo(200);
    assertThat(body(outcome)).startsWith("client=CN=client.example");
  }

  @Test
  void withoutTheCertificateTheServerRefusesTheHandshake() {
    ExchangeOutcome outcome = call("", store());
    assertThat(outcome.response().status()).isEqualTo(500);
    assertThat(outcome.lastError().reason()).isEqualTo("BackendConnectionFailure");
  }

  @Test
  void aCertificateTheServerDoesNotTrustIsRefused() {
    CertificateStore impostor = CertificateStore.builder()
        .certificate("backend-client", pki.clientKey, pki.impostor).build();
    // the impostor certificate does not belong to this key, and is not issued by the CA: TLS fails
    ExchangeOutcome outcome = call("<authentication-certificate certificate-id=\"backend-client\" />", impostor);
    assertThat(outcome.response().status()).isEqualTo(500);
    assertThat(outcome.lastError().reason()).isEqualTo("BackendConnectionFailure");
  }
}
