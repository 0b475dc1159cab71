package io.gatehouse.engine;

import io.gatehouse.api.ClientCertificate;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate of the gateway's {@link CertificateStore} (APIM's uploaded certificates), by id.
 *
 * @param id the certificate id ({@code certificate-id} attributes refer to it)
 * @param chain the certificate first, then its issuers as supplied
 * @param privateKey the certificate's private key, or null when only the certificate is known
 */
public record StoredCertificate(String id, List<X509Certificate> chain, PrivateKey privateKey) {
  public StoredCertificate {
    Objects.requireNonNull(id, "id");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("certificate '" + id + "' has no certificate");
    }
  }

  /** The certificate itself. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Upper-case hex SHA-1 of the certificate, as APIM shows thumbprints. */
  public String thumbprint() {
    return CertificateStore.thumbprint(certificate());
  }

  /** The credential to present to a backend, or null without a private key. */
  public ClientCertificate clientCertificate() {
    return privateKey == null ? null : new ClientCertificate(privateKey, chain);
  }

  @Override
  public String toString() {
    return "StoredCertificate[id=" + id + ", subject=" + certificate().getSubjectX500Principal().getName()
        + (privateKey == null ? "" : ", privateKey=(redacted)") + "]";
  }
}
