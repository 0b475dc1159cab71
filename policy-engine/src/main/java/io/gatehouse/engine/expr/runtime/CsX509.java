package io.gatehouse.engine.expr.runtime;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * The members of {@code X509Certificate2} and {@code X500DistinguishedName} that policies read, over the JDK's
 * {@link X509Certificate} (the value of {@code context.Request.Certificate}) and {@link X500Principal}.
 *
 * <p>DECISION: {@code Verify()} and {@code VerifyNoRevocation()} cannot build a chain to the gateway's trust store
 * from an expression; they return whether the certificate is valid at the engine clock's time and self-consistent
 * (a self-issued certificate must carry a valid signature by its own key). Chain and revocation checks belong to the
 * engine's client-certificate validation, which runs before policies.
 */
public final class CsX509 {
  /** .NET's attribute keywords where they differ from RFC 1779's (S for ST, E, DC, G, SN, T, SERIALNUMBER). */
  private static final Map<String, String> NET_KEYWORDS = Map.of("2.5.4.8", "S", "1.2.840.113549.1.9.1", "E",
      "0.9.2342.19200300.100.1.25", "DC", "2.5.4.42", "G", "2.5.4.4", "SN", "2.5.4.12", "T", "2.5.4.5",
      "SERIALNUMBER");
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  private CsX509() {}

  /** {@code Thumbprint}, {@code GetCertHashString()}: upper-case hex SHA-1 of the DER encoding. */
  public static String thumbprint(X509Certificate c) {
    try {
      return UPPER_HEX.formatHex(MessageDigest.getInstance("SHA-1").digest(c.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new CsException("CryptographicException", e.getMessage());
    }
  }

  /** {@code RawData}: the DER encoding. */
  public static byte[] rawData(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new CsException("CryptographicException", e.getMessage());
    }
  }

  /** {@code X500DistinguishedName.Name} / {@code Subject} / {@code Issuer}: most specific RDN first, ", " separated. */
  public static String name(X500Principal p) {
    return p.getName(X500Principal.RFC1779, NET_KEYWORDS);
  }

  /** {@code SerialNumber}: upper-case hex of the serial's DER content bytes (big-endian). */
  public static String serialNumber(X509Certificate c) {
    return UPPER_HEX.formatHex(c.getSerialNumber().toByteArray());
  }

  /** {@code NotBefore}: a local DateTime (the engine's local zone is UTC). */
  public static CsDateTime notBefore(X509Certificate c) {
    return CsDateTime.fromInstant(c.getNotBefore().toInstant(), CsDateTimeKind.Local);
  }

  /** {@code NotAfter}: a local DateTime (the engine's local zone is UTC). */
  public static CsDateTime notAfter(X509Certificate c) {
    return CsDateTime.fromInstant(c.getNotAfter().toInstant(), CsDateTimeKind.Local);
  }

  /** {@code Verify()} / {@code VerifyNoRevocation()} per the class comment's DECISION. */
  public static boolean verify(X509Certificate c, Instant now) {
    try {
      c.checkValidity(Date.from(now));
      if (c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
        c.verify(c.getPublicKey());
      }
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
