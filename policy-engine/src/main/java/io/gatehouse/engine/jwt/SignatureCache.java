package io.gatehouse.engine.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.engine.crypto.AsciiSha256;
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
  private final Cache<Key, VerifiedToken> cache;

  public SignatureCache(long maximumSize, Duration maximumAge) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maximumAge).build();
  }

  /**
   * The cache key of the token {@code text[begin, end)} verified with keys of {@code keySetVersion}, or null when
   * the token is not ASCII (it is then not a JWT and must be refused).
   */
  static Key key(String text, int begin, int end, long keySetVersion) {
    byte[] d = AsciiSha256.of(text, begin, end);
    return d == null ? null : new Key(word(d, 0), word(d, 8), word(d, 16), word(d, 24), keySetVersion);
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
