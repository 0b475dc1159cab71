package io.gatehouse.engine.jwt;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * Certificates uploaded to the gateway, by their APIM {@code certificate-id}: public keys for
 * {@code issuer-signing-keys}, private keys for {@code decryption-keys}.
 */
public interface CertificateStore {
  /** A store without certificates. */
  CertificateStore NONE = id -> null;

  /** The certificate with this id, or null. */
  X509Certificate certificate(String id);

  /** The private key of the certificate with this id, or null when the store has none. */
  default PrivateKey privateKey(String id) {
    return null;
  }

  /** An in-memory store of certificates and (optionally) their private keys. */
  static CertificateStore of(Map<String, X509Certificate> certificates, Map<String, PrivateKey> privateKeys) {
    Map<String, X509Certificate> certs = Map.copyOf(certificates);
    Map<String, PrivateKey> keys = Map.copyOf(privateKeys);
    return new CertificateStore() {
      @Override
      public X509Certificate certificate(String id) {
        return certs.get(id);
      }

      @Override
      public PrivateKey privateKey(String id) {
        return keys.get(id);
      }
    };
  }
}
