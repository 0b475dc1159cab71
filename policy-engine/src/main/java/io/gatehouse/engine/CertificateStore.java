package io.gatehouse.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's certificates, as APIM keeps uploaded and Key Vault certificates: certificates by id (with private keys
 * for {@code authentication-certificate}, without for signature keys and issuer checks), trusted CA certificates for
 * client-certificate chain validation ({@code validate-client-certificate validate-trust}) and the CRLs
 * revocation checks consult. Immutable; ids are case-insensitive, thumbprints are hex SHA-1 compared without case.
 *
 * <pre>{@code
 * CertificateStore store = CertificateStore.builder()
 *     .certificate("backend-client", privateKey, clientCert, intermediateCert)
 *     .trustedCa(rootCa)
 *     .build();
 * Gatehouse.builder().apiOpsTree(root).certificates(store).build();
 * }</pre>
 */
public final class CertificateStore {
  /** A store without certificates. */
  public static final CertificateStore EMPTY = builder().build();

  private final Map<String, StoredCertificate> byId;
  private final Map<String, StoredCertificate> byThumbprint;
  private final List<X509Certificate> trustedCas;
  private final List<X509CRL> crls;

  private CertificateStore(Builder b) {
    this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(b.byId));
    Map<String, StoredCertificate> thumbprints = new LinkedHashMap<>();
    for (StoredCertificate c : byId.values()) {
      String thumbprint = c.thumbprint();
      StoredCertificate previous = thumbprints.get(thumbprint);
      if (thumbprint != null && previous == null || previous.privateKey() == null) {
        thumbprints.put(thumbprint, c);
      }
    }
    this.byThumbprint = Collections.unmodifiableMap(thumbprints);
    this.trustedCas = List.copyOf(b.trustedCas);
    this.crls = List.copyOf(b.crls);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The certificate with this id (case-insensitive). */
  public Optional<StoredCertificate> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
  }

  /** The certificate with this thumbprint (hex SHA-1; case, spaces and colons ignored), preferring one with a key. */
  public Optional<StoredCertificate> byThumbprint(String thumbprint) {
    return thumbprint == null ? Optional.empty() : Optional.ofNullable(byThumbprint.get(normalize(thumbprint)));
  }

  /** Every stored certificate, in the order added. */
  public List<StoredCertificate> certificates() {
    return List.copyOf(byId.values());
  }

  /** The CA certificates client certificate chains must lead to. */
  public List<X509Certificate> trustedCas() {
    return trustedCas;
  }

  /** The certificate revocation lists revocation checks consult. */
  public List<X509CRL> crls() {
    return crls;
  }

  /** Upper-case hex SHA-1 of the certificate's DER encoding, or null when it cannot be encoded. */
  public static String thumbprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (CertificateEncodingException | NoSuchAlgorithmException | RuntimeException e) {
      return null;
    }
  }

  /** A thumbprint as written by people (any case, spaces or colons) in the form {@link #thumbprint} returns. */
  public static String normalize(String thumbprint) {
    StringBuilder sb = new StringBuilder(thumbprint.length());
    for (int i = 0; i < thumbprint.length(); i++) {
      char c = thumbprint.charAt(i);
      if (c != ' ' && c != ':' && c != '\u200e') {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  /**
   * Reads a PKCS#12 archive's first key entry (key and chain) into a stored certificate.
   *
   * @throws IllegalArgumentException when the bytes are not PKCS#12, the password is wrong or there is no key entry;
   *     the message never contains the password
   */
  public static StoredCertificate readPkcs12(String id, byte[] pkcs12, char[] password) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(new ByteArrayInputStream(pkcs12), password);
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.isKeyEntry(alias)) {
          Key key = keyStore.getKey(alias, password);
          Certificate[] chain = keyStore.getCertificateChain(alias);
          if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
              certificates.add((X509Certificate) c);
            }
            return new StoredCertificate(id, certificates, privateKey);
          }
        }
      }
      throw new IllegalArgumentException("the PKCS#12 archive holds no private key with a certificate");
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not a readable PKCS#12 archive (or wrong password)", e);
    }
  }

  /** Collects certificates; {@link #build()} makes the immutable store. */
  public static final class Builder {
    private final Map<String, StoredCertificate> byId = new LinkedHashMap<>();
    private final List<X509Certificate> trustedCas = new ArrayList<>();
    private final List<X509CRL> crls = new ArrayList<>();

    private Builder() {}

    /** A certificate without private key (issuer checks, signature keys). */
    public Builder certificate(String id, X509Certificate certificate) {
      return add(new StoredCertificate(id, List.of(Objects.requireNonNull(certificate, "certificate")), null));
    }

    /** A certificate with its private key and chain (leaf first), for {@code authentication-certificate}. */
    public Builder certificate(String id, PrivateKey key, X509Certificate... chain) {
      return add(new StoredCertificate(id, Arrays.asList(chain), Objects.requireNonNull(key, "key")));
    }

    /** A certificate from a PKCS#12 archive (first key entry). */
    public Builder pkcs12(String id, byte[] pkcs12, char[] password) {
      return add(readPkcs12(id, pkcs12, password));
    }

    private Builder add(StoredCertificate certificate) {
      String key = certificate.id().toLowerCase(Locale.ROOT);
      if (byId.containsKey(key)) {
        throw new IllegalArgumentException("certificate id '" + certificate.id() + "' is used twice");
      }
      byId.put(key, certificate);
      return this;
    }

    /** A CA certificate client certificates may chain to. */
    public Builder trustedCa(X509Certificate ca) {
      trustedCas.add(Objects.requireNonNull(ca, "ca"));
      return this;
    }

    /** A certificate revocation list for revocation checks. */
    public Builder crl(X509CRL crl) {
      crls.add(Objects.requireNonNull(crl, "crl"));
      return this;
    }

    public CertificateStore build() {
      return new CertificateStore(this);
    }
  }
}
