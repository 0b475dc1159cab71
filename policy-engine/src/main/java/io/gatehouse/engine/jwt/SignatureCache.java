package io.gatehouse.engine.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.engine.crypto.AsciiSha256;
import java.time.Duration;

/**
 * Beyond APIM: remembers tokens whose signature (and decryption) already succeeded, so a repeated token skips the
 * cryptography. An entry is found by the SHA-256 digest of the token's last part (a JWS's signature, a JWE's
 * authentication tag) plus the {@link KeySet#version()} that verified it: a new key set (rotation, another policy's
 * keys) never hits an old entry. It holds everything before that last part (the signed part, no secret without the
 * signature), which a hit must match exactly: so a hit is the same token, as with a digest of the whole token, for a
 * fifth of the hashing (the signature of an HS256 token is one SHA-256 block of its five). Values are
 * {@link VerifiedToken}s; lifetime, audience, issuer and claim checks still run on every request. Bounded in size and
 * age: an entry older than the maximum age on the caller's clock (the engine's, read once by the step) is not
 * returned, and it stays until the size bound evicts it or the token is verified and stored again. (Caffeine's own
 * expiry would read {@code System.nanoTime} on every lookup and keep a write-order queue, for the same answer.)
 *
 * <p>The secret part is never a map key and never compared character by character (no timing oracle): it is found
 * by its digest. The signed part is compared with {@link String#equals} (it may stop at the first difference), which
 * only a caller holding that signature can reach, and it tells nothing the token does not.
 *
 * <p>Only ASCII last parts have a key (a compact JWT is ASCII by definition, and {@link TokenVerifier} refuses any
 * other as malformed before it asks), so the digest input is exactly their characters; a signed part that is not
 * ASCII never equals a stored one, which passed that check.
 */
public final class SignatureCache {
  private final Cache<Key, Entry> cache;
  private final long maximumAgeMillis;

  public SignatureCache(long maximumSize, Duration maximumAge) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    this.maximumAgeMillis = maximumAge.toMillis();
  }

  /**
   * The cache key of a token whose last part is {@code text[begin, end)}, verified with keys of
   * {@code keySetVersion}; or null when that part is not ASCII (the token is then not a JWT and must be refused).
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

  /**
   * The token under {@code key} whose signed part (all before its last dot) is {@code text[begin, end)}, stored less
   * than the maximum age before {@code nowMillis}; or null.
   */
  VerifiedToken get(Key key, String text, int begin, int end, long nowMillis) {
    Entry entry = cache.getIfPresent(key);
    // String.equals is a vectorized intrinsic: comparing a copy beats a loop over the characters in place
    return entry != null && nowMillis - entry.storedMillis < maximumAgeMillis && nowMillis >= entry.storedMillis
        && entry.signed.length() == end - begin && entry.signed.equals(text.substring(begin, end))
        ? entry.token : null;
  }

  /** Remembers {@code token}, whose signed part is {@code signed}, under {@code key}, as stored at {@code nowMillis}. */
  void put(Key key, String signed, VerifiedToken token, long nowMillis) {
    cache.put(key, new Entry(signed, token, nowMillis));
  }

  /** Entries currently held (approximate; tests and metrics). */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /**
   * A digest and a key-set version. Not a record: a record's generated {@code hashCode} and {@code equals} go
   * through method handles, and the cache asks both on every request.
   */
  static final class Key {
    private final long d0;
    private final long d1;
    private final long d2;
    private final long d3;
    private final long version;

    Key(long d0, long d1, long d2, long d3, long version) {
      this.d0 = d0;
      this.d1 = d1;
      this.d2 = d2;
      this.d3 = d3;
      this.version = version;
    }

    @Override
    public int hashCode() {
      return (int) d0 ^ 31 * Long.hashCode(version); // the digest's bits are already uniform
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && d0 == k.d0 && d1 == k.d1 && d2 == k.d2 && d3 == k.d3 && version == k.version;
    }
  }

  private record Entry(String signed, VerifiedToken token, long storedMillis) {}
}
