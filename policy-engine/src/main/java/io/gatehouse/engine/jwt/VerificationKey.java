package io.gatehouse.engine.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;

/**
 * One key a token signature may be checked with. The verifier is chosen by the KEY TYPE, never by the token's
 * {@code alg}, and each key type has an explicit allow-list of algorithms: RSA keys verify RS256/384/512 and
 * PS256/384/512 only, EC keys the ES algorithm of their curve, symmetric keys HS256/384/512. So an HS256 token can
 * never be checked against an RSA public key (algorithm confusion), and {@code none} is never allowed.
 */
public final class VerificationKey {
  /** DECISION: RSA keys shorter than this are refused (configured) or skipped (JWKS). */
  public static final int MIN_RSA_BITS = 2048;

  static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
  static final Set<JWSAlgorithm> HMAC_ALGORITHMS = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384,
      JWSAlgorithm.HS512);

  private final String id;
  private final Set<JWSAlgorithm> algorithms;
  private final JWSVerifier verifier;

  private VerificationKey(String id, Set<JWSAlgorithm> algorithms, JWSVerifier verifier) {
    this.id = id;
    this.algorithms = algorithms;
    this.verifier = verifier;
  }

  /** A symmetric (HMAC) key; at least 256 bits (Nimbus's floor, RFC 7518 §3.2). */
  public static VerificationKey symmetric(String id, byte[] secret) {
    try {
      return new VerificationKey(id, HMAC_ALGORITHMS, new MACVerifier(secret));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("a symmetric signing key must be at least 256 bits long");
    }
  }

  /** An RSA or EC public key (from {@code n}/{@code e} or a certificate). */
  public static VerificationKey publicKey(String id, PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
        throw new IllegalArgumentException("an RSA signing key must be at least " + MIN_RSA_BITS + " bits long");
      }
      return new VerificationKey(id, RSA_ALGORITHMS, new RSASSAVerifier(rsa));
    }
    if (key instanceof ECPublicKey ec) {
      Curve curve = Curve.forECParameterSpec(ec.getParams());
      JWSAlgorithm alg = curve == null ? null : ecAlgorithm(curve);
      if (alg == null) {
        throw new IllegalArgumentException("unsupported EC curve (P-256, P-384 and P-521 are supported)");
      }
      try {
        return new VerificationKey(id, Set.of(alg), new ECDSAVerifier(ec));
      } catch (JOSEException e) {
        throw new IllegalArgumentException("unusable EC key");
      }
    }
    throw new IllegalArgumentException("unsupported key type " + (key == null ? "null" : key.getAlgorithm()));
  }

  /**
   * A signing key from a JWKS, or null when it must not be used for signatures: {@code use} other than {@code sig},
   * symmetric or unsupported key types (DECISION: a JWKS is public, so an {@code oct} key there is never trusted),
   * short RSA keys, or a declared {@code alg} outside the key type's allow-list. A declared {@code alg} narrows the
   * allow-list to that algorithm.
   */
  static VerificationKey fromJwk(JWK jwk) {
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      return null;
    }
    try {
      VerificationKey key;
      if (jwk instanceof RSAKey rsa) {
        key = publicKey(jwk.getKeyID(), rsa.toRSAPublicKey());
      } else if (jwk instanceof ECKey ec) {
        key = publicKey(jwk.getKeyID(), ec.toECPublicKey());
      } else {
        return null;
      }
      if (jwk.getAlgorithm() == null) {
        return key;
      }
      JWSAlgorithm declared = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
      return key.algorithms.contains(declared) ? new VerificationKey(key.id, Set.of(declared), key.verifier) : null;
    } catch (JOSEException | IllegalArgumentException e) {
      return null;
    }
  }

  private static JWSAlgorithm ecAlgorithm(Curve curve) {
    if (Curve.P_256.equals(curve)) {
      return JWSAlgorithm.ES256;
    }
    if (Curve.P_384.equals(curve)) {
      return JWSAlgorithm.ES384;
    }
    return Curve.P_521.equals(curve) ? JWSAlgorithm.ES512 : null;
  }

  /** The {@code id} matched against a token's {@code kid}, or null. */
  public String id() {
    return id;
  }

  /** Whether this key may check a signature made with {@code alg}. */
  boolean allows(JWSAlgorithm alg) {
    return algorithms.contains(alg);
  }

  /** Checks the signature; false for a wrong signature or an algorithm this key does not allow. */
  boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
    if (!allows(header.getAlgorithm())) {
      return false;
    }
    try {
      return verifier.verify(header, signingInput, signature);
    } catch (JOSEException e) {
      return false;
    }
  }
}
