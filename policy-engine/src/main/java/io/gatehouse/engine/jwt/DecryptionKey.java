package io.gatehouse.engine.jwt;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jwt.EncryptedJWT;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Set;

/**
 * One {@code decryption-keys/key} for JWE tokens, chosen by key type with an explicit allow-list: RSA private keys
 * decrypt {@code RSA-OAEP} and {@code RSA-OAEP-256} (DECISION: never {@code RSA1_5}, whose padding is an oracle);
 * symmetric keys decrypt {@code dir} and AES key wrap ({@code A128KW}, {@code A192KW}, {@code A256KW}). Content
 * encryption is limited to the standard AES-CBC-HMAC and AES-GCM methods; compressed ({@code zip}) tokens are refused.
 */
public final class DecryptionKey {
  static final Set<EncryptionMethod> METHODS = Set.of(EncryptionMethod.A128CBC_HS256,
      EncryptionMethod.A192CBC_HS384, EncryptionMethod.A256CBC_HS512, EncryptionMethod.A128GCM,
      EncryptionMethod.A192GCM, EncryptionMethod.A256GCM);

  private final Set<JWEAlgorithm> algorithms;
  private final JWEDecrypter[] decrypters;

  private DecryptionKey(Set<JWEAlgorithm> algorithms, JWEDecrypter... decrypters) {
    this.algorithms = algorithms;
    this.decrypters = decrypters;
  }

  /** A symmetric key (128, 192, 256, 384 or 512 bits) for {@code dir} or AES key wrap. */
  public static DecryptionKey symmetric(byte[] key) {
    JWEDecrypter wrap = null;
    JWEDecrypter direct = null;
    try {
      wrap = new AESDecrypter(key);
    } catch (JOSEException e) {
      // not an AES key-wrap length
    }
    try {
      direct = new DirectDecrypter(key);
    } catch (JOSEException e) {
      // not a content-encryption key length
    }
    if (wrap == null && direct == null) {
      throw new IllegalArgumentException("a symmetric decryption key must be 128, 192, 256, 384 or 512 bits long");
    }
    return new DecryptionKey(Set.of(JWEAlgorithm.DIR, JWEAlgorithm.A128KW, JWEAlgorithm.A192KW, JWEAlgorithm.A256KW),
        wrap == null ? new JWEDecrypter[] {direct} : direct == null ? new JWEDecrypter[] {wrap}
            : new JWEDecrypter[] {direct, wrap});
  }

  /** An RSA private key (a certificate's). */
  public static DecryptionKey privateKey(PrivateKey key) {
    if (!(key instanceof RSAPrivateKey)) {
      throw new IllegalArgumentException("only RSA private keys can decrypt tokens");
    }
    return new DecryptionKey(Set.of(JWEAlgorithm.RSA_OAEP_256, JWEAlgorithm.RSA_OAEP), new RSADecrypter(key));
  }

  /** Whether this key may decrypt a token with this header. */
  boolean allows(JWEHeader header) {
    return algorithms.contains(header.getAlgorithm()) && METHODS.contains(header.getEncryptionMethod())
        && header.getCompressionAlgorithm() == null;
  }

  /** Decrypts in place; false when this key cannot. */
  boolean decrypt(EncryptedJWT jwe) {
    if (!allows(jwe.getHeader())) {
      return false;
    }
    for (JWEDecrypter d : decrypters) {
      if (!d.supportedJWEAlgorithms().contains(jwe.getHeader().getAlgorithm())
          || !d.supportedEncryptionMethods().contains(jwe.getHeader().getEncryptionMethod())) {
        continue;
      }
      try {
        jwe.decrypt(d);
        return true;
      } catch (JOSEException | IllegalStateException e) {
        // wrong key: try the next
      }
    }
    return false;
  }
}
