package io.gatehouse.api;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A TLS client credential the gateway presents to a backend ({@code authentication-certificate}): a private key and
 * its certificate chain, leaf first. {@link #toString()} never prints the key.
 *
 * @param privateKey the leaf certificate's private key
 * @param chain the certificate chain, leaf first; not empty
 */
public record ClientCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
  public ClientCertificate {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain must hold at least the leaf certificate");
    }
  }

  /** The leaf certificate, the one the key belongs to. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "ClientCertificate[subject=" + certificate().getSubjectX500Principal().getName()
        + ", privateKey=(redacted)]";
  }
}
