package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsX509;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * {@code X509Certificate2} (the type of {@code context.Request.Certificate}) and {@code X500DistinguishedName}
 * members of context.md 9: {@code Thumbprint}, {@code Subject}, {@code SubjectName.Name}, {@code Issuer},
 * {@code IssuerName.Name}, {@code NotBefore}, {@code NotAfter}, {@code SerialNumber}, {@code RawData},
 * {@code GetCertHashString()}, {@code GetSerialNumberString()}, {@code Verify()} and the APIM extension
 * {@code VerifyNoRevocation()} (see {@link CsX509#verify} for what verification means here).
 */
final class CertificateMembers {
  static final CsType X509 = CsType.cls("X509Certificate2");
  static final CsType X500 = CsType.cls("X500DistinguishedName");

  private CertificateMembers() {}

  static Bound property(Bound target, String name) {
    if (target.type == X500) {
      return name.equals("Name") ? Library.prop(target, CsType.STRING, X500Principal.class, CsX509::name) : null;
    }
    if (target.type != X509) {
      return null;
    }
    Class<X509Certificate> c = X509Certificate.class;
    return switch (name) {
      case "Thumbprint" -> Library.prop(target, CsType.STRING, c, CsX509::thumbprint);
      case "Subject" -> Library.prop(target, CsType.STRING, c, x -> CsX509.name(x.getSubjectX500Principal()));
      case "Issuer" -> Library.prop(target, CsType.STRING, c, x -> CsX509.name(x.getIssuerX500Principal()));
      case "SubjectName" -> Library.prop(target, X500, c, X509Certificate::getSubjectX500Principal);
      case "IssuerName" -> Library.prop(target, X500, c, X509Certificate::getIssuerX500Principal);
      case "NotBefore" -> Library.prop(target, Library.DATETIME, c, CsX509::notBefore);
      case "NotAfter" -> Library.prop(target, Library.DATETIME, c, CsX509::notAfter);
      case "SerialNumber" -> Library.prop(target, CsType.STRING, c, CsX509::serialNumber);
      case "RawData" -> Library.prop(target, Library.BYTES, c, CsX509::rawData);
      case "Version" -> Library.prop(target, CsType.INT, c, X509Certificate::getVersion);
      default -> null;
    };
  }

  static Bound call(Calls c) {
    if (c.target.typeRef != null || !c.target.isValue() || c.target.type != X509 || c.n != 0) {
      return null;
    }
    Eval r = c.recv();
    return switch (c.name) {
      case "Verify", "VerifyNoRevocation" -> c.of(CsType.BOOL,
          f -> CsX509.verify((X509Certificate) r.eval(f), f.context.now()));
      case "GetCertHashString" -> c.of(CsType.STRING, f -> CsX509.thumbprint((X509Certificate) r.eval(f)));
      case "GetSerialNumberString" -> c.of(CsType.STRING, f -> CsX509.serialNumber((X509Certificate) r.eval(f)));
      case "GetRawCertData" -> c.of(Library.BYTES, f -> CsX509.rawData((X509Certificate) r.eval(f)));
      default -> null;
    };
  }
}
