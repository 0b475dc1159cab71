package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.ClientCertificate;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** authentication-certificate: which credential reaches the backend options, load errors, secrecy. */
class AuthenticationCertificatePolicyTest {
  private static final String P12_PASSWORD = "Very-Secret-P12-Pass";
  private final TestPki pki = TestPki.get();
  private final List<BackendOptions> seen = new ArrayList<>();

  private Gatehouse.Builder gateway(String inbound, CertificateStore store) {
    GatewayConfig config = GatewayConfig.builder()
        .globalPolicy("<policies><inbound>" + inbound + "</inbound><backend><forward-request /></backend>"
            + "<outbound /><on-error /></policies>")
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test/v1")
            .subscriptionRequired(false).operation("get-order", "GET", "/{id}").build())
        .build();
    return Gatehouse.builder().config(config).certificates(store).recordSteps(true).backend((request, options) -> {
      seen.add(options);
      return CompletableFuture.completedFuture(new BackendResponse(200, "OK", new HttpHeaders(), new byte[0]));
    });
  }

  private ExchangeOutcome run(String inbound, CertificateStore store, String... headers) {
    return gateway(inbound, store).build()
        .execute(GatewayRequest.of("GET", "https://gw.test/orders/1", HttpHeaders.of(headers)))
        .toCompletableFuture().join();
  }

  private CertificateStore store() {
    return CertificateStore.builder()
        .certificate("with-key", pki.clientKey, pki.client, pki.ca)
        .certificate("public-only", pki.ca)
        .build();
  }

  @Test
  void noPolicyNoClientCertificate() {
    run("", store());
    assertThat(seen).singleElement().extracting(BackendOptions::clientCertificate).isNull();
  }

  @Test
  void certificateIdIsCaseInsensitiveAndCarriesTheChain() {
    run("<authentication-certificate certificate-id=\"WITH-KEY\" />", store());
    ClientCertificate c = seen.get(0).clientCertificate();
    assertThat(c.certificate()).isEqualTo(pki.client);
    assertThat(c.chain()).containsExactly(pki.client, pki.ca);
    assertThat(c.privateKey()).isEqualTo(pki.clientKey);
  }

  @Test
  void thumbprintIgnoresCaseSpacesAndColons() {
    String hex = CertificateStore.thumbprint(pki.client);
    String written = String.join(":", hex.toLowerCase().split("(?<=\\G..)"));
    run("<authentication-certificate thumbprint=\"" + written + "\" />", store());
    assertThat(seen.get(0).clientCertificate().certificate()).isEqualTo(pki.client);
  }

  @Test
  void expressionReferencesResolvePerRequest() {
    ExchangeOutcome ok = run("<authentication-certificate certificate-id=\"@(context.Request.Headers"
        + ".GetValueOrDefault(&quot;X-Cert&quot;, &quot;&quot;))\" />", store(), "X-Cert", "with-key");
    assertThat(ok.response().status()).isEqualTo(200);
    assertThat(seen.get(0).clientCertificate().certificate()).isEqualTo(pki.client);
    ExchangeOutcome missing = run("<authentication-certificate certificate-id=\"@(context.Request.Headers"
        + ".GetValueOrDefault(&quot;X-Cert&quot;, &quot;&quot;))\" />", store(), "X-Cert", "nope");
    assertThat(missing.response().status()).isEqualTo(500);
    assertThat(missing.lastError().reason()).isEqualTo("CertificateNotFound");
    assertThat(missing.lastError().source()).isEqualTo("authentication-certificate");
    ExchangeOutcome keyless = run("<authentication-certificate certificate-id=\"@(context.Request.Headers"
        + ".GetValueOrDefault(&quot;X-Cert&quot;, &quot;&quot;))\" />", store(), "X-Cert", "public-only");
    assertThat(keyless.lastError().reason()).isEqualTo("CertificateNotFound");
    assertThat(keyless.lastError().message()).contains("no private key");
    assertThat(seen).hasSize(1);
  }

  @Test
  void unknownLiteralReferencesAreLoadErrors() {
    assertThatThrownBy(() -> gateway("<authentication-certificate certificate-id=\"nope\" />", store()).build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("no certificate with certificate-id 'nope'");
    assertThatThrownBy(() -> gateway("<authentication-certificate thumbprint=\"ABCDEF\" />", store()).build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("no certificate with thumbprint 'ABCDEF'");
    assertThatThrownBy(() -> gateway("<authentication-certificate certificate-id=\"public-only\" />", store())
        .build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("has no private key");
  }

  @Test
  void exactlyOneSourceAndPasswordOnlyWithBody() {
    assertThatThrownBy(() -> gateway("<authentication-certificate certificate-id=\"with-key\" thumbprint=\"AB\" />",
        store()).build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("exactly one of");
    assertThatThrownBy(() -> gateway("<authentication-certificate certificate-id=\"with-key\" password=\"x\" />",
        store()).build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("'password' applies only to 'body'");
  }

  @Test
  void aWrongPasswordOrGarbageBodyIsReportedWithoutThePassword() {
    String p12 = Base64.getEncoder().encodeToString(
        TestPki.pkcs12(pki.clientKey, P12_PASSWORD.toCharArray(), pki.client));
    assertThatThrownBy(() -> gateway("<authentication-certificate body=\"" + p12 + "\" password=\"wrong-"
        + P12_PASSWORD + "\" />", store()).build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("'body' is not usable")
        .hasMessageNotContaining(P12_PASSWORD);
    ExchangeOutcome garbage = run("<authentication-certificate body=\"@(&quot;bm90IGEgcDEy&quot;)\" password=\""
        + P12_PASSWORD + "\" />", store());
    assertThat(garbage.response().status()).isEqualTo(500);
    assertThat(garbage.lastError().reason()).isEqualTo("CertificateInvalid");
    assertThat(garbage.lastError().message()).doesNotContain(P12_PASSWORD);
  }

  @Test
  void noPrivateKeyOrPasswordIsEverPrinted() throws Exception {
    String p12 = Base64.getEncoder().encodeToString(
        TestPki.pkcs12(pki.clientKey, P12_PASSWORD.toCharArray(), pki.client, pki.ca));
    ExchangeOutcome outcome = run("<authentication-certificate body=\"" + p12 + "\" password=\"" + P12_PASSWORD
        + "\" />", store());
    ClientCertificate credential = seen.get(0).clientCertificate();
    byte[] key = pki.clientKey.getEncoded();
    String keyHex = HexFormat.of().formatHex(key).substring(40, 104);
    String keyBase64 = Base64.getEncoder().encodeToString(key).substring(20, 60);
    var scalar = ((java.security.interfaces.ECPrivateKey) pki.clientKey).getS();
    String printed = credential + " " + seen.get(0) + " " + store() + " " + store().byId("with-key").orElseThrow()
        + " " + outcome + " " + outcome.steps();
    assertThat(printed).doesNotContain(P12_PASSWORD).doesNotContainIgnoringCase(keyHex).doesNotContain(keyBase64)
        .doesNotContain(scalar.toString()).doesNotContain(scalar.toString(16))
        .contains("redacted");
  }
}
