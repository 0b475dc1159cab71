package io.gatehouse.engine.subscription;

import io.gatehouse.api.Subscription;
import io.gatehouse.api.SubscriptionStore;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * An immutable {@link SubscriptionStore} over a list of subscriptions. Keys are indexed by their SHA-256 digest, so
 * a lookup never compares a presented key with a stored one character by character (no timing oracle), and the
 * store holds no map keyed by the secrets themselves.
 *
 * <p>The index is an open-addressing table of digests (a SHA-256 digest is uniformly distributed, so its first
 * bytes are a good hash): a lookup digests the key into a per-thread buffer and probes the table, allocating
 * nothing (but the key's bytes when it is long or not ASCII).
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {
  private static final int DIGEST_LENGTH = 32;
  /** Keys up to this length are copied into a per-thread buffer when ASCII (real keys are 32 characters). */
  private static final int ASCII_KEY_LENGTH = 128;

  /**
   * A thread's SHA-256 and the buffer its digests are written to. Used only within one call of
   * {@link #findByKey} on that thread (nothing is kept between calls), and each digest resets the engine.
   */
  private static final class Sha256 {
    final MessageDigest digest;
    final byte[] out = new byte[DIGEST_LENGTH];
    final byte[] ascii = new byte[ASCII_KEY_LENGTH];

    Sha256() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every Java platform", e);
      }
    }

    /** The digest of {@code key} in {@link #out} (valid until the next call on this thread). */
    byte[] of(String key) {
      int n = key.length();
      int all = 0;
      if (n <= ASCII_KEY_LENGTH) {
        for (int i = 0; i < n; i++) {
          char c = key.charAt(i);
          all |= c;
          ascii[i] = (byte) c;
        }
      }
      if (n <= ASCII_KEY_LENGTH && all < 0x80) {
        digest.update(ascii, 0, n); // an ASCII key's UTF-8 bytes, without encoding it into an array of its own
      } else {
        digest.update(key.getBytes(StandardCharsets.UTF_8));
      }
      try {
        digest.digest(out, 0, DIGEST_LENGTH);
      } catch (DigestException e) {
        throw new IllegalStateException(e); // the buffer always has room for a SHA-256 digest
      }
      return out;
    }
  }

  // MessageDigest.getInstance looks the provider up on every call
  private static final ThreadLocal<Sha256> SHA_256 = ThreadLocal.withInitial(Sha256::new);

  // slot i holds digests[i] and its subscription; null digests are empty slots; at most half full
  private final byte[][] digests;
  private final Subscription[] subscriptions;

  public InMemorySubscriptionStore(List<Subscription> subscriptions) {
    int keys = 0;
    for (Subscription s : subscriptions) {
      keys += s.secondaryKey() != null ? 2 : 1;
    }
    int capacity = 2;
    while (capacity < 2 * keys) {
      capacity *= 2;
    }
    this.digests = new byte[capacity][];
    this.subscriptions = new Subscription[capacity];
    Sha256 sha256 = new Sha256();
    for (Subscription s : subscriptions) {
      put(sha256, s.primaryKey(), s);
      if (s.secondaryKey() != null) {
        put(sha256, s.secondaryKey(), s);
      }
    }
  }

  private void put(Sha256 sha256, String key, Subscription s) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("subscription " + s.id() + " has an empty key");
    }
    byte[] digest = sha256.of(key).clone();
    int slot = slot(digest);
    while (digests[slot] != null && !MessageDigest.isEqual(digests[slot], digest)) {
      slot = (slot + 1) & (digests.length - 1);
    }
    Subscription previous = subscriptions[slot];
    if (previous != null && !previous.id().equals(s.id())) {
      throw new IllegalArgumentException("subscriptions " + previous.id() + " and " + s.id() + " share a key");
    }
    digests[slot] = digest;
    subscriptions[slot] = s;
  }

  @Override
  public Subscription findByKey(String key) {
    if (key == null || key.isEmpty()) {
      return null;
    }
    byte[] digest = SHA_256.get().of(key);
    for (int slot = slot(digest); digests[slot] != null; slot = (slot + 1) & (digests.length - 1)) {
      if (MessageDigest.isEqual(digests[slot], digest)) {
        return subscriptions[slot];
      }
    }
    return null;
  }

  private int slot(byte[] digest) {
    int hash = (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | (digest[3] & 0xff);
    return hash & (digests.length - 1);
  }
}
