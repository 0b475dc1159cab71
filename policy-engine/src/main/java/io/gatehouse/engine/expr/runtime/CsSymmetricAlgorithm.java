package io.gatehouse.engine.expr.runtime;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code SymmetricAlgorithm} and the APIM extensions {@code byte[].Encrypt/Decrypt} (spec 8.15, context.md 7): AES
 * ({@code "Aes"}, {@code "Rijndael"} with its 128-bit block), {@code "TripleDES"}, {@code "DES"} and {@code "RC2"}
 * in CBC mode with PKCS7 padding. An algorithm the JDK lacks fails with a {@code CryptographicException}.
 */
public final class CsSymmetricAlgorithm {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private byte[] key;
  private byte[] iv;

  private CsSymmetricAlgorithm(String name) {
    this.name = name;
    this.key = randomBytes(defaultKeySize(name));
    this.iv = randomBytes(blockSize(name));
  }

  /** {@code SymmetricAlgorithm.Create(name)}: a fresh algorithm with a random key and IV. */
  public static CsSymmetricAlgorithm create(String algName) {
    if (algName == null) {
      throw CsException.argumentNull("algName");
    }
    return new CsSymmetricAlgorithm(canonical(algName));
  }

  /** {@code Key}. */
  public byte[] key() {
    return key.clone();
  }

  /** {@code Key = value}; the length must be valid for the algorithm. */
  public void setKey(byte[] value) {
    this.key = checkKey(name, value).clone();
  }

  /** {@code IV}. */
  public byte[] iv() {
    return iv.clone();
  }

  /** {@code IV = value}; the length must equal the block size. */
  public void setIv(byte[] value) {
    this.iv = checkIv(name, value).clone();
  }

  /** {@code input.Encrypt(alg, key, iv)} with {@code alg} a name. */
  public static byte[] encrypt(byte[] input, String alg, byte[] key, byte[] iv) {
    return run(Cipher.ENCRYPT_MODE, input, canonical(requireArg(alg, "alg")), key, iv);
  }

  /** {@code input.Decrypt(alg, key, iv)} with {@code alg} a name. */
  public static byte[] decrypt(byte[] input, String alg, byte[] key, byte[] iv) {
    return run(Cipher.DECRYPT_MODE, input, canonical(requireArg(alg, "alg")), key, iv);
  }

  /** {@code input.Encrypt(alg[, key, iv])} with {@code alg} an algorithm object; null key/IV use its own. */
  public static byte[] encrypt(byte[] input, CsSymmetricAlgorithm alg, byte[] key, byte[] iv) {
    requireArg(alg, "alg");
    return run(Cipher.ENCRYPT_MODE, input, alg.name, key == null ? alg.key : key, iv == null ? alg.iv : iv);
  }

  /** {@code input.Decrypt(alg[, key, iv])} with {@code alg} an algorithm object. */
  public static byte[] decrypt(byte[] input, CsSymmetricAlgorithm alg, byte[] key, byte[] iv) {
    requireArg(alg, "alg");
    return run(Cipher.DECRYPT_MODE, input, alg.name, key == null ? alg.key : key, iv == null ? alg.iv : iv);
  }

  private static byte[] run(int mode, byte[] input, String alg, byte[] key, byte[] iv) {
    requireArg(input, "input");
    checkKey(alg, requireArg(key, "key"));
    checkIv(alg, requireArg(iv, "iv"));
    String jce = switch (alg) {
      case "Aes" -> "AES";
      case "TripleDES" -> "DESede";
      case "DES" -> "DES";
      default -> "RC2";
    };
    try {
      // JCE's "PKCS5Padding" is PKCS7 padding for the block size of the cipher
      Cipher c = Cipher.getInstance(jce + "/CBC/PKCS5Padding");
      byte[] k = alg.equals("TripleDES") && key.length == 16 ? tripleDesKey(key) : key;
      c.init(mode, new SecretKeySpec(k, jce), new IvParameterSpec(iv));
      return c.doFinal(input);
    } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
      throw new CsException("CryptographicException", mode == Cipher.DECRYPT_MODE
          ? "Padding is invalid and cannot be removed." : e.getMessage());
    } catch (java.security.NoSuchAlgorithmException | javax.crypto.NoSuchPaddingException e) {
      throw new CsException("CryptographicException", "The symmetric algorithm " + alg
          + " is not available on this gateway.");
    } catch (GeneralSecurityException e) {
      throw new CsException("CryptographicException", e.getMessage());
    }
  }

  /** Two-key 3DES (K1 K2 K1), which .NET accepts as a 16-byte key. */
  private static byte[] tripleDesKey(byte[] key) {
    byte[] k = new byte[24];
    System.arraycopy(key, 0, k, 0, 16);
    System.arraycopy(key, 0, k, 16, 8);
    return k;
  }

  private static String canonical(String alg) {
    return switch (alg.toLowerCase(Locale.ROOT)) {
      case "aes", "system.security.cryptography.aes", "aesmanaged", "aescryptoserviceprovider", "rijndael",
          "rijndaelmanaged", "system.security.cryptography.rijndael" -> "Aes";
      case "tripledes", "3des", "triple des", "system.security.cryptography.tripledes" -> "TripleDES";
      case "des", "system.security.cryptography.des" -> "DES";
      case "rc2", "system.security.cryptography.rc2" -> "RC2";
      default -> throw new CsException("CryptographicException", "Unknown symmetric algorithm '" + alg + "'.");
    };
  }

  private static int blockSize(String alg) {
    return alg.equals("Aes") ? 16 : 8;
  }

  private static int defaultKeySize(String alg) {
    return switch (alg) {
      case "Aes" -> 32;
      case "TripleDES" -> 24;
      default -> 8;
    };
  }

  private static byte[] checkKey(String alg, byte[] key) {
    requireArg(key, "value");
    int n = key.length;
    boolean ok = switch (alg) {
      case "Aes" -> n == 16 || n == 24 || n == 32;
      case "TripleDES" -> n == 16 || n == 24;
      case "DES" -> n == 8;
      default -> n >= 5 && n <= 16;
    };
    if (!ok) {
      throw new CsException("CryptographicException", "Specified key is not a valid size for this algorithm.");
    }
    return key;
  }

  private static byte[] checkIv(String alg, byte[] iv) {
    requireArg(iv, "value");
    if (iv.length != blockSize(alg)) {
      throw new CsException("CryptographicException", "Specified initialization vector (IV) does not match the block"
          + " size for this algorithm.");
    }
    return iv;
  }

  private static <T> T requireArg(T v, String name) {
    if (v == null) {
      throw CsException.argumentNull(name);
    }
    return v;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
