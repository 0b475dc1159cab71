package io.gatehouse.engine.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Beyond APIM: remembers tokens whose signature (and decryption) already succeeded, so a repeated token skips the
 * cryptography. Keyed by the SHA-256 digest of the whole token plus the {@link KeySet#version()} that verified it:
 * a new key set (rotation, another policy's keys) never hits an old entry. Values are {@link VerifiedToken}s;
 * lifetime, audience, issuer and claim checks still run on every request. Bounded in size and age.
 */
public final class SignatureCache {
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private final Cache<Key, VerifiedToken> cache;

  public SignatureCache(long maximumSize, Duration maximumAge) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maximumAge).build();
  }

  /** The cache key of a token verified with keys of {@code keySetVersion}. */
  static Key key(String token, long keySetVersion) {
    MessageDigest sha = SHA256.get();
    byte[] d = sha.digest(token.getBytes(StandardCharsets.ISO_8859_1));
    ByteBuffer b = ByteBuffer.wrap(d);
    return new Key(b.getLong(), b.getLong(), b.getLong(), b.getLong(), keySetVersion);
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
