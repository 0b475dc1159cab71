package io.gatehouse.engine.subscription;

import io.gatehouse.api.Subscription;
import io.gatehouse.api.SubscriptionStore;
import io.gatehouse.engine.crypto.AsciiSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * An immutable {@link SubscriptionStore} over a list of subscriptions. Keys are indexed by their SHA-256 digest, so
 * a lookup never compares a presented key with a stored one character by character (no timing oracle), and the
 * store holds no map keyed by the secrets themselves.
 *
 * <p>The index is an open-addressing table of digests (a SHA-256 digest is uniformly distributed, so its first
 * bytes are a good hash): a lookup digests the key into a per-thread buffer ({@link AsciiSha256}) and probes the
 * table, allocating nothing (but for a key that is not ASCII).
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {
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
    for (Subscription s : subscriptions) {
      put(s.primaryKey(), s);
      if (s.secondaryKey() != null) {
        put(s.secondaryKey(), s);
      }
    }
  }

  private void put(String key, Subscription s) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("subscription " + s.id() + " has an empty key");
    }
    byte[] digest = digest(key).clone();
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
    byte[] digest = digest(key);
    for (int slot = slot(digest); digests[slot] != null; slot = (slot + 1) & (digests.length - 1)) {
      if (MessageDigest.isEqual(digests[slot], digest)) {
        return subscriptions[slot];
      }
    }
    return null;
  }

  /** The key's SHA-256 over its UTF-8 bytes (for an ASCII key, its characters, digested without a copy). */
  private static byte[] digest(String key) {
    byte[] ascii = AsciiSha256.of(key, 0, key.length());
    if (ascii != null) {
      return ascii;
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private int slot(byte[] digest) {
    int hash = (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | (digest[3] & 0xff);
    return hash & (digests.length - 1);
  }
}
