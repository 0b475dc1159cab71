package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** validate-client-certificate through the harness, with a keytool-made PKI. */
class ValidateClientCertificatePolicyTest {
  private static final String ALL_OFF = "validate-revocation=\"false\" validate-trust=\"false\" "
      + "validate-not-before=\"false\" validate-not-after=\"false\"";
  private final TestPki pki = TestPki.get();

  private CertificateStore store() {
    return CertificateStore.builder().trustedCa(pki.ca).crl(pki.crl).certificate("ca", pki.ca).build();
  }

  private TestGateway gateway(String policy, CertificateStore store) {
    GatewayConfig config = GatewayConfig.builder()
        .globalPolicy("<policies><inbound>" + policy + "</inbound><backend><forward-request /></backend>"
            + "<outbound /><on-error /></policies>")
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test/v1")
            .subscriptionRequired(false).operation("get-order", "GET", "/{id}").build())
        .build();
    return TestGateway.builder().config(config).certificates(store).clockAt(Instant.now()).build();
  }

  private TestResult send(String policy, X509Certificate... chain) {
    return gateway(policy, store()).send(TestRequest.get("https://gw.test/orders/1").clientCertificates(chain));
  }

  private static String identity(String attributes) {
    return "<validate-client-certificate " + ALL_OFF + "><identities><identity " + attributes
        + " /></identities></validate-client-certificate>";
  }

  private static void assertDenied(TestResult r, String reason, String detail) {
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.bodyText()).contains("Forbidden");
    assertThat(r.lastError().reason()).isEqualTo(reason);
    assertThat(r.lastError().source()).isEqualTo("validate-client-certificate");
    assertThat(r.lastError().message()).contains(detail);
    assertThat(r.backendRequest()).isNull();
  }

  @Test
  void defaultsAcceptAValidTrustedUnrevokedCertificate() {
    TestResult r = send("<validate-client-certificate />", pki.client, pki.ca);
    assertThat(r.status()).isEqualTo(200);
    assertThat(send("<validate-client-certificate />", pki.client).status()).isEqualTo(200);
  }

  @Test
  void noCertificateIsNotPresent() {
    assertDenied(send("<validate-client-certificate " + ALL_OFF + " />"), "ClientCertificateNotPresent",
        "Client certificate is not present.");
  }

  @Test
  void ignoreErrorContinues() {
    assertThat(send("<validate-client-certificate ignore-error=\"true\" />").status()).isEqualTo(200);
    assertThat(send("<validate-client-certificate ignore-error=\"true\" />", pki.impostor).status()).isEqualTo(200);
  }

  @Test
  void timeChecksUseTheEngineClock() {
    String policy = "<validate-client-certificate validate-revocation=\"false\" validate-trust=\"false\" />";
    TestGateway gw = gateway(policy, store());
    TestRequest request = TestRequest.get("https://gw.test/orders/1").clientCertificates(pki.client);
    assertThat(gw.send(request).status()).isEqualTo(200);
    gw.clock().advance(Duration.ofDays(40));
    assertDenied(gw.send(request), "ClientCertificateInvalid", "expired");
    TestGateway early = gateway(policy, store());
    early.clock().advance(Duration.ofDays(-2));
    assertDenied(early.send(request), "ClientCertificateInvalid", "not valid before");
  }

  @Test
  void disabledTimeChecksAreNotReintroducedByTheTrustCheck() {
    TestGateway gw = gateway("<validate-client-certificate validate-revocation=\"false\" "
        + "validate-not-after=\"false\" />", store());
    // the path is checked on the leaf's last valid day (PKIX does not check the trust anchor's own dates)
    gw.clock().advance(Duration.ofDays(40));
    TestRequest request = TestRequest.get("https://gw.test/orders/1").clientCertificates(pki.client);
    assertThat(gw.send(request).status()).isEqualTo(200);
  }

  @Test
  void trustNeedsAPathToAConfiguredCa() {
    String policy = "<validate-client-certificate validate-revocation=\"false\" />";
    assertDenied(send(policy, pki.impostor), "ClientCertificateInvalid", "does not lead to a trusted CA");
    TestResult noCas = gateway(policy, CertificateStore.EMPTY)
        .send(TestRequest.get("https://gw.test/orders/1").clientCertificates(pki.client));
    assertDenied(noCas, "ClientCertificateInvalid", "no trusted CA certificates are configured");
    TestResult trustedLeaf = gateway(policy, CertificateStore.builder().trustedCa(pki.impostor).build())
        .send(TestRequest.get("https://gw.test/orders/1").clientCertificates(pki.impostor));
    assertThat(trustedLeaf.status()).isEqualTo(200);
  }

  @Test
  void revocationUsesTheConfiguredCrlsAndFailsClosedWithoutThem() {
    String policy = "<validate-client-certificate validate-trust=\"false\" />";
    assertThat(send(policy, pki.client).status()).isEqualTo(200);
    assertDenied(send(policy, pki.revoked), "ClientCertificateInvalid", "is revoked");
    CertificateStore noCrl = CertificateStore.builder().trustedCa(pki.ca).build();
    assertDenied(gateway(policy, noCrl).send(TestRequest.get("https://gw.test/orders/1")
        .clientCertificates(pki.client)), "ClientCertificateInvalid", "no certificate revocation lists");
    CertificateStore foreignCrlOnly = CertificateStore.builder().crl(pki.crl).build();
    assertDenied(gateway(policy, foreignCrlOnly).send(TestRequest.get("https://gw.test/orders/1")
        .clientCertificates(pki.client)), "ClientCertificateInvalid", "the issuer of CN=client.example");
    TestGateway later = gateway("<validate-client-certificate validate-trust=\"false\" validate-not-after=\"false\" />",
        store());
    later.clock().advance(Duration.ofDays(120));
    assertDenied(later.send(TestRequest.get("https://gw.test/orders/1").clientCertificates(pki.client)),
        "ClientCertificateInvalid", "no current revocation list");
    assertThat(gateway("<validate-client-certificate validate-trust=\"false\" ignore-error=\"true\" />", noCrl)
        .send(TestRequest.get("https://gw.test/orders/1").clientCertificates(pki.client)).status()).isEqualTo(200);
  }

  @Test
  void thumbprintIdentity() {
    String thumbprint = CertificateStore.thumbprint(pki.client);
    assertThat(send(identity("thumbprint=\"" + thumbprint.toLowerCase() + "\""), pki.client).status())
        .isEqualTo(200);
    assertDenied(send(identity("thumbprint=\"" + thumbprint + "\""), pki.impostor), "ClientCertificateInvalid",
        "none of the allowed identities");
  }

  @Test
  void serialNumberIdentityComparesNumbers() {
    String serial = pki.client.getSerialNumber().toString(16).toUpperCase();
    assertThat(send(identity("serial-number=\"00" + serial + "\""), pki.client).status()).isEqualTo(200);
    assertThat(send(identity("serial-number=\"" + serial + "\""), pki.revoked).status()).isEqualTo(403);
  }

  @Test
  void commonNameIdentity() {
    assertThat(send(identity("common-name=\"CLIENT.example\""), pki.client).status()).isEqualTo(200);
    assertThat(send(identity("common-name=\"client\""), pki.client).status()).isEqualTo(403);
  }

  @Test
  void subjectIdentityParsesQuotedCommas() {
    assertThat(send(identity("subject=\"CN=client.example, O=&quot;Acme, Inc&quot;, C=US\""), pki.client).status())
        .isEqualTo(200);
    assertThat(send(identity("subject=\"CN=client.example,O=Acme\\, Inc,C=us\""), pki.client).status())
        .isEqualTo(200);
    // a textual prefix is not a match, nor is another order
    assertThat(send(identity("subject=\"CN=client.example, O=&quot;Acme, Inc&quot;\""), pki.client).status())
        .isEqualTo(403);
    assertThat(send(identity("subject=\"C=US, O=&quot;Acme, Inc&quot;, CN=client.example\""), pki.client).status())
        .isEqualTo(403);
    assertThat(send(identity("subject=\"CN=client.example, O=Acme, OU=Inc, C=US\""), pki.client).status())
        .isEqualTo(403);
  }

  @Test
  void dnsNameIdentityLooksAtSubjectAlternativeNames() {
    assertThat(send(identity("dns-name=\"alt.example\""), pki.client).status()).isEqualTo(200);
    assertThat(send(identity("dns-name=\"other.example\""), pki.client).status()).isEqualTo(403);
    assertThat(send(identity("dns-name=\"alt.example\""), pki.revoked).status()).isEqualTo(403);
  }

  @Test
  void issuerIdentities() {
    String caSubject = "CN=Gatehouse Test Root CA, O=Gatehouse";
    assertThat(send(identity("issuer-subject=\"" + caSubject + "\""), pki.client).status()).isEqualTo(200);
    assertThat(send(identity("issuer-subject=\"" + caSubject + "\""), pki.impostor).status()).isEqualTo(403);
    String caThumbprint = CertificateStore.thumbprint(pki.ca);
    assertThat(send(identity("issuer-thumbprint=\"" + caThumbprint + "\""), pki.client, pki.ca).status())
        .isEqualTo(200);
    assertThat(send(identity("issuer-thumbprint=\"" + caThumbprint + "\""), pki.impostor).status()).isEqualTo(403);
    assertThat(send(identity("issuer-certificate-id=\"ca\""), pki.client).status()).isEqualTo(200);
    assertThat(send(identity("issuer-certificate-id=\"ca\""), pki.impostor).status()).isEqualTo(403);
  }

  @Test
  void everyAttributeOfOneIdentityMustMatch() {
    String policy = "<validate-client-certificate " + ALL_OFF + "><identities>"
        + "<identity common-name=\"client.example\" dns-name=\"nope.example\" />"
        + "<identity common-name=\"revoked.example\" issuer-certificate-id=\"ca\" />"
        + "</identities></validate-client-certificate>";
    assertThat(send(policy, pki.client).status()).isEqualTo(403);
    assertThat(send(policy, pki.revoked).status()).isEqualTo(200);
  }

  @Test
  void loadErrors() {
    assertThatThrownBy(() -> gateway(identity("issuer-certificate-id=\"missing\""), store()))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("certificate-id 'missing'");
    assertThatThrownBy(() -> gateway(identity("issuer-certificate-id=\"ca\" issuer-subject=\"CN=x\""), store()))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("cannot be combined");
    assertThatThrownBy(() -> gateway(identity("serial-number=\"xyz\""), store()))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("hexadecimal");
    assertThatThrownBy(() -> gateway(identity("subject=\"not a dn\""), store()))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("not a distinguished name");
    assertThatThrownBy(() -> gateway("<validate-client-certificate validate-trust=\"maybe\" />", store()))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("validate-trust");
  }

  @Test
  void aCertificateThatCannotBeReadIsDeniedNotACrash() {
    X509Certificate hostile = new HostileCertificate(pki.client);
    for (String policy : List.of("<validate-client-certificate />",
        identity("thumbprint=\"" + CertificateStore.thumbprint(pki.client) + "\""),
        identity("dns-name=\"alt.example\""), identity("common-name=\"client.example\""),
        identity("issuer-certificate-id=\"ca\""),
        "<validate-client-certificate validate-not-after=\"false\" validate-not-before=\"false\" />")) {
      TestResult r = send(policy, hostile);
      assertThat(r.status()).as(policy).isEqualTo(403);
      assertThat(r.lastError().reason()).isEqualTo("ClientCertificateInvalid");
    }
  }

  /** A certificate whose every accessor throws, as a broken adapter or parser might hand over. */
  private static final class HostileCertificate extends X509Certificate {
    private static final long serialVersionUID = 1L;
    private final transient X509Certificate real;

    HostileCertificate(X509Certificate real) {
      this.real = real;
    }

    private static RuntimeException boom() {
      return new IllegalStateException("malformed");
    }

    @Override public void checkValidity() {
      throw boom();
    }

    @Override public void checkValidity(java.util.Date date) {
      throw boom();
    }

    @Override public int getVersion() {
      throw boom();
    }

    @Override public BigInteger getSerialNumber() {
      throw boom();
    }

    @Override public java.security.Principal getIssuerDN() {
      throw boom();
    }

    @Override public X500Principal getIssuerX500Principal() {
      throw boom();
    }

    @Override public java.security.Principal getSubjectDN() {
      throw boom();
    }

    @Override public X500Principal getSubjectX500Principal() {
      throw boom();
    }

    @Override public java.util.Date getNotBefore() {
      return real.getNotBefore();
    }

    @Override public java.util.Date getNotAfter() {
      return real.getNotAfter();
    }

    @Override public byte[] getTBSCertificate() {
      throw boom();
    }

    @Override public byte[] getSignature() {
      throw boom();
    }

    @Override public String getSigAlgName() {
      throw boom();
    }

    @Override public String getSigAlgOID() {
      throw boom();
    }

    @Override public byte[] getSigAlgParams() {
      throw boom();
    }

    @Override public boolean[] getIssuerUniqueID() {
      throw boom();
    }

    @Override public boolean[] getSubjectUniqueID() {
      throw boom();
    }

    @Override public boolean[] getKeyUsage() {
      throw boom();
    }

    @Override public int getBasicConstraints() {
      throw boom();
    }

    @Override public Collection<List<?>> getSubjectAlternativeNames() {
      throw boom();
    }

    @Override public byte[] getEncoded() {
      throw boom();
    }

    @Override public void verify(PublicKey key) {
      throw boom();
    }

    @Override public void verify(PublicKey key, String sigProvider) {
      throw boom();
    }

    @Override public String toString() {
      return "HostileCertificate";
    }

    @Override public PublicKey getPublicKey() {
      throw boom();
    }

    @Override public boolean hasUnsupportedCriticalExtension() {
      throw boom();
    }

    @Override public java.util.Set<String> getCriticalExtensionOIDs() {
      throw boom();
    }

    @Override public java.util.Set<String> getNonCriticalExtensionOIDs() {
      throw boom();
    }

    @Override public byte[] getExtensionValue(String oid) {
      throw boom();
    }

    @Override public boolean equals(Object other) {
      return this == other;
    }

    @Override public int hashCode() {
      return 7;
    }
  }
}
