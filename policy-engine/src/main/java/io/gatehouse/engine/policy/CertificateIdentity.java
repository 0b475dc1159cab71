package io.gatehouse.engine.policy;

import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.StoredCertificate;
import io.gatehouse.xml.XmlAttribute;
import io.gatehouse.xml.XmlElement;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One {@code identity} of {@code validate-client-certificate}: every attribute given must match the client's leaf
 * certificate. Thumbprints and serial numbers are hex (case, spaces and colons ignored; serial numbers compared as
 * numbers); common names and DNS names compare without case (DECISION: no wildcard expansion of {@code dns-name});
 * subjects and issuer subjects are parsed DNs compared in canonical form; issuers are recognised by their signature
 * on the leaf. An empty attribute counts as absent (DECISION).
 */
final class CertificateIdentity {
  private final String thumbprint;
  private final BigInteger serialNumber;
  private final String commonName;
  private final String subject;
  private final String dnsName;
  private final String issuerSubject;
  private final String issuerThumbprint;
  private final X509Certificate issuerCertificate;

  private CertificateIdentity(String thumbprint, BigInteger serialNumber, String commonName, String subject,
      String dnsName, String issuerSubject, String issuerThumbprint, X509Certificate issuerCertificate) {
    this.thumbprint = thumbprint;
    this.serialNumber = serialNumber;
    this.commonName = commonName;
    this.subject = subject;
    this.dnsName = dnsName;
    this.issuerSubject = issuerSubject;
    this.issuerThumbprint = issuerThumbprint;
    this.issuerCertificate = issuerCertificate;
  }

  /** Compiles an {@code identity} element; reports problems and returns null when it cannot be used. */
  static CertificateIdentity compile(XmlElement element, CompileContext context) {
    boolean ok = true;
    for (XmlAttribute a : element.attributes()) {
      if (io.gatehouse.engine.expr.ExpressionSource.isExpression(a.value())) {
        context.error(a.valuePosition(), "attribute '" + a.name() + "' of 'identity' does not accept expressions");
        ok = false;
      }
    }
    String thumbprint = value(element, "thumbprint");
    String issuerThumbprint = value(element, "issuer-thumbprint");
    String serial = value(element, "serial-number");
    BigInteger serialNumber = null;
    if (serial != null) {
      try {
        serialNumber = new BigInteger(CertificateStore.normalize(serial), 16);
      } catch (NumberFormatException e) {
        context.error(position(element, "serial-number"), "serial-number must be hexadecimal");
        ok = false;
      }
    }
    String subject = dn(element, "subject", context);
    String issuerSubject = dn(element, "issuer-subject", context);
    ok &= subject != null || value(element, "subject") == null;
    ok &= issuerSubject != null || value(element, "issuer-subject") == null;
    String issuerId = value(element, "issuer-certificate-id");
    X509Certificate issuerCertificate = null;
    if (issuerId != null) {
      if (issuerSubject != null || issuerThumbprint != null) {
        context.error(element.position(),
            "'issuer-certificate-id' cannot be combined with 'issuer-subject' or 'issuer-thumbprint'");
        ok = false;
      }
      Optional<StoredCertificate> issuer = context.compiler().certificates().byId(issuerId);
      if (issuer.isPresent()) {
        issuerCertificate = issuer.get().certificate();
      } else if (!context.compiler().lenientReferences()) {
        context.error(position(element, "issuer-certificate-id"),
            "the gateway has no certificate with certificate-id '" + issuerId + "'");
        ok = false;
      }
    }
    CertificateIdentity identity = new CertificateIdentity(
        thumbprint == null ? null : CertificateStore.normalize(thumbprint), serialNumber,
        value(element, "common-name"), subject, value(element, "dns-name"), issuerSubject,
        issuerThumbprint == null ? null : CertificateStore.normalize(issuerThumbprint), issuerCertificate);
    if (ok && identity.isEmpty() && issuerId == null) {
      context.warning(element.position(), "an 'identity' without attributes matches every certificate");
    }
    return ok ? identity : null;
  }

  private boolean isEmpty() {
    return thumbprint == null && serialNumber == null && commonName == null && subject == null && dnsName == null
        && issuerSubject == null && issuerThumbprint == null && issuerCertificate == null;
  }

  private static String value(XmlElement element, String attribute) {
    String v = element.attributeValue(attribute);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static io.gatehouse.xml.Position position(XmlElement element, String attribute) {
    return element.attribute(attribute).map(XmlAttribute::valuePosition).orElse(element.position());
  }

  private static String dn(XmlElement element, String attribute, CompileContext context) {
    String v = value(element, attribute);
    if (v == null) {
      return null;
    }
    try {
      return DistinguishedNames.canonical(v);
    } catch (IllegalArgumentException e) {
      context.error(position(element, attribute), attribute + " is not a distinguished name: " + e.getMessage());
      return null;
    }
  }

  /** Whether the leaf certificate has every attribute of this identity; never throws. */
  boolean matches(X509Certificate leaf, List<X509Certificate> chain, ClientCertificateTrust trust) {
    try {
      if (thumbprint != null && !thumbprint.equals(CertificateStore.thumbprint(leaf))) {
        return false;
      }
      if (serialNumber != null && !serialNumber.equals(leaf.getSerialNumber())) {
        return false;
      }
      if (commonName != null && DistinguishedNames.commonNames(leaf.getSubjectX500Principal()).stream()
          .noneMatch(commonName::equalsIgnoreCase)) {
        return false;
      }
      if (subject != null && !subject.equals(DistinguishedNames.canonical(leaf.getSubjectX500Principal()))) {
        return false;
      }
      if (dnsName != null && !hasDnsName(leaf)) {
        return false;
      }
      if (issuerSubject != null && !issuerSubject.equals(DistinguishedNames.canonical(leaf.getIssuerX500Principal()))) {
        return false;
      }
      if (issuerThumbprint != null) {
        X509Certificate issuer = trust.issuerOf(leaf, chain);
        if (issuer == null || !issuerThumbprint.equals(CertificateStore.thumbprint(issuer))) {
          return false;
        }
      }
      return issuerCertificate == null || ClientCertificateTrust.issued(issuerCertificate, leaf);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean hasDnsName(X509Certificate leaf) {
    try {
      Collection<List<?>> names = leaf.getSubjectAlternativeNames();
      if (names == null) {
        return false;
      }
      for (List<?> name : names) {
        if (name.size() >= 2 && Integer.valueOf(2).equals(name.get(0)) && name.get(1) instanceof String dns
            && dns.equalsIgnoreCase(dnsName)) {
          return true;
        }
      }
      return false;
    } catch (java.security.cert.CertificateParsingException | RuntimeException e) {
      return false;
    }
  }
}
