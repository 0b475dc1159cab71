package io.gatehouse.engine.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Beyond APIM: remembers tokens whose signature (and decryption) already succeeded, so a repeated token skips the
 * cryptography. Keyed by the SHA-256 digest of the whole token plus the {@link KeySet#version()} that verified it:
 * a new key set (rotation, another policy's keys) never hits an old entry. Values are {@link VerifiedToken}s;
 * lifetime, audience, issuer and claim checks still run on every request. Bounded in size and age.
 *
 * <p>Only ASCII tokens have a key (a compact JWT is ASCII by definition, and {@link TokenVerifier} refuses any other
 * as malformed before it asks), so the digest input is exactly the token's characters.
 */
public final class SignatureCache {
  private static final int DIGEST_LENGTH = 32;
  /** The longest token whose input buffer a thread keeps (longer ones, rare, get a buffer of their own). */
  private static final int KEPT_INPUT = 8192;

  /**
   * A thread's SHA-256 with the buffers a key is computed in. Used only within one call of {@link #key} on that
   * thread; nothing is kept between calls.
   */
  private static final class Sha256 {
    final MessageDigest digest;
    byte[] input = new byte[1024];
    final byte[] out = new byte[DIGEST_LENGTH];

    Sha256() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every Java platform", e);
      }
    }
  }

  private static final ThreadLocal<Sha256> SHA256 = ThreadLocal.withInitial(Sha256::new);

  private final Cache<Key, VerifiedToken> cache;

  public SignatureCache(long maximumSize, Duration maximumAge) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maximumAge).build();
  }

  /**
   * The cache key of the token {@code text[begin, end)} verified with keys of {@code keySetVersion}, or null when
   * the token is not ASCII (it is then not a JWT and must be refused).
   */
  static Key key(String text, int begin, int end, long keySetVersion) {
    Sha256 sha = SHA256.get();
    int n = end - begin;
    byte[] in = sha.input;
    if (in.length < n) {
      in = new byte[n];
      if (n <= KEPT_INPUT) {
        sha.input = in;
      }
    }
    int all = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(begin + i);
      all |= c;
      in[i] = (byte) c;
    }
    if (all >= 0x80) {
      return null;
    }
    sha.digest.update(in, 0, n);
    byte[] d = sha.out;
    try {
      sha.digest.digest(d, 0, DIGEST_LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException(e); // the buffer always has room for a SHA-256 digest
    }
    return new Key(word(d, 0), word(d, 8), word(d, 16), word(d, 24), keySetVersion);
  }

  private static long word(byte[] d, int at) {
    long w = 0;
    for (int i = at; i < at + 8; i++) {
      w = w << 8 | (d[i] & 0xff);
    }
    return w;
  }

  VerifiedToken get(Key key) {
    return cache.getIfPresent(key);
  }

  void put(Key key, VerifiedToken token) {
    cache.put(key, token);
  }

  /** Entries currently held (approximate; tests and metrics). */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  record Key(long d0, long d1, long d2, long d3, long version) {}
}
