package io.gatehouse.engine.policy;

import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.StoredCertificate;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chain and revocation checks of client certificates against the gateway's {@link CertificateStore}: PKIX path
 * building to a trusted CA (intermediates from the presented chain and the store), and revocation by the store's
 * CRLs only (no network). Immutable; every check answers a problem text or null and never throws.
 */
final class ClientCertificateTrust {
  private final Set<TrustAnchor> anchors;
  private final List<X509Certificate> trustedCas;
  private final List<X509Certificate> known;
  private final List<X509CRL> crls;

  ClientCertificateTrust(CertificateStore store) {
    this.trustedCas = store.trustedCas();
    Set<TrustAnchor> set = new HashSet<>();
    for (X509Certificate ca : trustedCas) {
      set.add(new TrustAnchor(ca, null));
    }
    this.anchors = Set.copyOf(set);
    List<X509Certificate> certificates = new ArrayList<>(trustedCas);
    for (StoredCertificate c : store.certificates()) {
      certificates.addAll(c.chain());
    }
    this.known = List.copyOf(certificates);
    this.crls = store.crls();
  }

  /** Why the chain does not lead to a trusted CA at {@code at}, or null when it does. */
  String trustProblem(List<X509Certificate> chain, Instant at) {
    if (anchors.isEmpty()) {
      return "no trusted CA certificates are configured";
    }
    X509Certificate leaf = chain.get(0);
    if (trustedCas.contains(leaf)) {
      return null;
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(leaf);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      List<X509Certificate> candidates = new ArrayList<>(chain);
      candidates.addAll(known);
      parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return null;
    } catch (GeneralSecurityException | RuntimeException e) {
      return "the certificate chain does not lead to a trusted CA";
    }
  }

  /**
   * Why the revocation status of the presented chain is not "good" at {@code at}, or null. Every presented
   * certificate that is neither self-issued nor a trusted CA needs a current CRL signed by its issuer that does not
   * list it.
   */
  String revocationProblem(List<X509Certificate> chain, Instant at) {
    if (crls.isEmpty()) {
      return "the revocation status is unknown: no certificate revocation lists are configured";
    }
    Date now = Date.from(at);
    for (X509Certificate certificate : chain) {
      try {
        if (trustedCas.contains(certificate)
            || certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
          continue;
        }
        X509Certificate issuer = issuerOf(certificate, chain);
        if (issuer == null) {
          return "the revocation status is unknown: the issuer of " + subject(certificate) + " is not known";
        }
        X509CRL crl = currentCrl(issuer, now);
        if (crl == null) {
          return "the revocation status is unknown: no current revocation list of " + subject(issuer);
        }
        if (crl.isRevoked(certificate)) {
          return "the certificate " + subject(certificate) + " is revoked";
        }
      } catch (RuntimeException e) {
        return "the revocation status cannot be determined";
      }
    }
    return null;
  }

  /** The certificate (presented or known to the gateway) that signed {@code certificate}, or null. */
  X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> chain) {
    for (List<X509Certificate> candidates : List.of(chain, known)) {
      for (X509Certificate candidate : candidates) {
        if (issued(candidate, certificate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** Whether {@code issuer} signed {@code certificate}. */
  static boolean issued(X509Certificate issuer, X509Certificate certificate) {
    try {
      if (issuer == certificate || !issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
        return false;
      }
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private X509CRL currentCrl(X509Certificate issuer, Date now) {
    for (X509CRL crl : crls) {
      try {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
            || crl.getThisUpdate().after(now) || crl.getNextUpdate() != null && crl.getNextUpdate().before(now)) {
          continue;
        }
        crl.verify(issuer.getPublicKey());
        return crl;
      } catch (GeneralSecurityException | RuntimeException e) {
        // not signed by this issuer: look further
      }
    }
    return null;
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
