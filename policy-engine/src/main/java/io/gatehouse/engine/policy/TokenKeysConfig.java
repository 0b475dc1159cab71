package io.gatehouse.engine.policy;

import io.gatehouse.engine.StoredCertificate;
import io.gatehouse.engine.expr.ExpressionSource;
import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.jwt.DecryptionKey;
import io.gatehouse.engine.jwt.VerificationKey;
import io.gatehouse.xml.XmlElement;
import io.gatehouse.xml.XmlText;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Compiles {@code issuer-signing-keys} and {@code decryption-keys}. Keys are resolved once at load: Base64 text
 * (symmetric), {@code n}/{@code e} (RSA, Base64url) or {@code certificate-id} (the engine's {@link CertificateStore}).
 * DECISION: key material must be literal (named values are fine; expressions are a load error). Key material never
 * appears in diagnostics.
 */
final class TokenKeysConfig {
  private TokenKeysConfig() {}

  /** The configured signing keys; null when one is invalid (reported). */
  static List<VerificationKey> signingKeys(XmlElement element, CompileContext context) {
    List<VerificationKey> keys = new ArrayList<>();
    boolean ok = true;
    for (XmlElement group : element.elements("issuer-signing-keys")) {
      for (XmlElement key : group.elements("key")) {
        try {
          VerificationKey k = signingKey(key, context);
          if (k != null) {
            keys.add(k);
          } else {
            ok = false;
          }
        } catch (IllegalArgumentException e) {
          context.error(key.position(), "signing key: " + e.getMessage());
          ok = false;
        }
      }
    }
    return ok ? keys : null;
  }

  private static VerificationKey signingKey(XmlElement key, CompileContext context) {
    String id = key.attributeValue("id");
    String certificateId = key.attributeValue("certificate-id");
    String n = key.attributeValue("n");
    String e = key.attributeValue("e");
    if (certificateId != null) {
      X509Certificate cert = context.compiler().certificates().byId(certificateId).map(StoredCertificate::certificate)
          .orElse(null);
      if (cert == null) {
        context.error(key.position(), "certificate '" + certificateId + "' is not in the certificate store");
        return null;
      }
      return VerificationKey.publicKey(id, cert.getPublicKey());
    }
    if (n != null || e != null) {
      if (n == null || e == null) {
        context.error(key.position(), "an RSA key needs both 'n' and 'e'");
        return null;
      }
      try {
        Base64.Decoder d = Base64.getUrlDecoder();
        RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, d.decode(unpad(n))),
            new BigInteger(1, d.decode(unpad(e))));
        return VerificationKey.publicKey(id, KeyFactory.getInstance("RSA").generatePublic(spec));
      } catch (GeneralSecurityException | IllegalArgumentException ex) {
        throw new IllegalArgumentException("'n' and 'e' must be a Base64url RSA modulus and exponent of at least "
            + VerificationKey.MIN_RSA_BITS + " bits");
      }
    }
    byte[] secret = literalBase64(key, context);
    return secret == null ? null : VerificationKey.symmetric(id, secret);
  }

  /** The configured decryption keys; null when one is invalid (reported). */
  static List<DecryptionKey> decryptionKeys(XmlElement element, CompileContext context) {
    List<DecryptionKey> keys = new ArrayList<>();
    boolean ok = true;
    for (XmlElement group : element.elements("decryption-keys")) {
      for (XmlElement key : group.elements("key")) {
        try {
          String certificateId = key.attributeValue("certificate-id");
          DecryptionKey k;
          if (certificateId != null) {
            PrivateKey pk = context.compiler().certificates().byId(certificateId).map(StoredCertificate::privateKey)
                .orElse(null);
            if (pk == null) {
              context.error(key.position(), "certificate '" + certificateId
                  + "' with a private key is not in the certificate store");
            }
            k = pk == null ? null : DecryptionKey.privateKey(pk);
          } else {
            byte[] secret = literalBase64(key, context);
            k = secret == null ? null : DecryptionKey.symmetric(secret);
          }
          if (k == null) {
            ok = false;
          } else {
            keys.add(k);
          }
        } catch (IllegalArgumentException e) {
          context.error(key.position(), "decryption key: " + e.getMessage());
          ok = false;
        }
      }
    }
    return ok ? keys : null;
  }

  private static byte[] literalBase64(XmlElement key, CompileContext context) {
    XmlText text = key.text();
    String value = text == null ? "" : text.value().strip();
    if (value.isEmpty()) {
      context.error(key.position(), "'key' needs Base64 text, 'n' and 'e', or 'certificate-id'");
      return null;
    }
    if (ExpressionSource.isExpression(value)) {
      context.error(key.position(), "key material must be literal, not an expression");
      return null;
    }
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(unpad(value));
      } catch (IllegalArgumentException e2) {
        context.error(key.position(), "key text is not valid Base64");
        return null;
      }
    }
  }

  private static String unpad(String s) {
    return s.strip().replace("=", "");
  }
}
