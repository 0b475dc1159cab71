package io.gatehouse.engine.expr.runtime;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code HashAlgorithm}/{@code HMAC}: {@code new HMACSHA256(key)} (also {@code HMACSHA1}, {@code HMACSHA384},
 * {@code HMACSHA512}, {@code HMACMD5}), {@code SHA256.Create()}, {@code SHA1.Create()}, {@code SHA384.Create()},
 * {@code SHA512.Create()}, {@code MD5.Create()}, {@code ComputeHash(byte[])}, {@code Key}, {@code Dispose()}.
 */
public final class CsHashAlgorithm {
  private final String algorithm;
  private byte[] key;

  private CsHashAlgorithm(String algorithm, byte[] key) {
    this.algorithm = algorithm;
    this.key = key;
  }

  /** {@code new HMACSHA256(key)} etc.; {@code name} is the .NET class name ({@code HMACSHA256}). */
  public static CsHashAlgorithm hmac(String name, byte[] key) {
    if (key == null) {
      throw CsException.argumentNull("key");
    }
    String alg = switch (name) {
      case "HMACSHA1" -> "HmacSHA1";
      case "HMACSHA256" -> "HmacSHA256";
      case "HMACSHA384" -> "HmacSHA384";
      case "HMACSHA512" -> "HmacSHA512";
      case "HMACMD5" -> "HmacMD5";
      default -> throw CsException.argument("Unknown HMAC algorithm " + name + ".", null);
    };
    return new CsHashAlgorithm(alg, key.clone());
  }

  /** {@code SHA256.Create()} etc.; {@code name} is the .NET class name ({@code SHA256}, {@code MD5}). */
  public static CsHashAlgorithm create(String name) {
    String alg = switch (name) {
      case "SHA1", "SHA1Managed" -> "SHA-1";
      case "SHA256", "SHA256Managed" -> "SHA-256";
      case "SHA384", "SHA384Managed" -> "SHA-384";
      case "SHA512", "SHA512Managed" -> "SHA-512";
      case "MD5" -> "MD5";
      default -> throw CsException.argument("Unknown hash algorithm " + name + ".", null);
    };
    return new CsHashAlgorithm(alg, null);
  }

  /** {@code ComputeHash(byte[])}. */
  public byte[] computeHash(byte[] data) {
    if (data == null) {
      throw CsException.argumentNull("buffer");
    }
    try {
      if (key != null) {
        Mac mac = Mac.getInstance(algorithm);
        // an empty HMAC key equals a block of zero bytes (RFC 2104 zero padding); JCE rejects empty keys
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
        return mac.doFinal(data);
      }
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new CsException("CryptographicException", e.getMessage());
    }
  }

  /** {@code Key} (HMAC only). */
  public byte[] key() {
    return key == null ? null : key.clone();
  }

  /** {@code Key = value} (HMAC only); the key used by later {@code ComputeHash} calls. */
  public void setKey(byte[] value) {
    if (key == null) {
      throw CsException.invalidOperation("This hash algorithm has no key.");
    }
    if (value == null) {
      throw CsException.argumentNull("value");
    }
    key = value.clone();
  }

  /** {@code new HMACSHA256()} etc.: a random key of the algorithm's block size, as .NET generates. */
  public static CsHashAlgorithm hmac(String name) {
    byte[] k = new byte[name.equals("HMACSHA384") || name.equals("HMACSHA512") ? 128 : 64];
    new java.security.SecureRandom().nextBytes(k);
    return hmac(name, k);
  }

  /** {@code HashSize} in bits. */
  public int hashSize() {
    return computeHash(new byte[0]).length * 8;
  }

  /** {@code Dispose()}: no-op. */
  public void dispose() {
    // nothing to release
  }
}
