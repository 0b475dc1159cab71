package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.StoredCertificate;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CertificateStoreTest {
  private final TestPki pki = TestPki.get();

  @Test
  void thumbprintIsUpperHexSha1OfTheEncoding() throws Exception {
    String expected = HexFormat.of().withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-1").digest(pki.client.getEncoded()));
    assertThat(CertificateStore.thumbprint(pki.client)).isEqualTo(expected).hasSize(40);
  }

  @Test
  void looksUpByIdWithoutCaseAndByThumbprintPreferringKeys() {
    CertificateStore store = CertificateStore.builder()
        .certificate("public", pki.client)
        .certificate("Private", pki.clientKey, pki.client, pki.ca)
        .build();
    assertThat(store.byId("PRIVATE")).map(StoredCertificate::privateKey).contains(pki.clientKey);
    assertThat(store.byId("missing")).isEmpty();
    assertThat(store.byThumbprint(CertificateStore.thumbprint(pki.client).toLowerCase()))
        .map(StoredCertificate::id).contains("Private");
  }

  @Test
  void duplicateIdsAreRejected() {
    assertThatThrownBy(() -> CertificateStore.builder().certificate("a", pki.ca).certificate("A", pki.client))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("used twice");
  }

  @Test
  void readsPkcs12AndNeverEchoesThePassword() {
    char[] password = "pkcs12-pass-word".toCharArray();
    byte[] p12 = TestPki.pkcs12(pki.clientKey, password, pki.client, pki.ca);
    StoredCertificate read = CertificateStore.readPkcs12("x", p12, password);
    assertThat(read.chain()).containsExactly(pki.client, pki.ca);
    assertThat(read.privateKey()).isEqualTo(pki.clientKey);
    assertThat(read.toString()).contains("redacted").doesNotContain("pkcs12-pass-word");
    assertThatThrownBy(() -> CertificateStore.readPkcs12("x", p12, "Bad-Guess-42".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Bad-Guess-42");
    assertThatThrownBy(() -> CertificateStore.readPkcs12("x", new byte[] {1, 2, 3}, password))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
