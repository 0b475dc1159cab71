package io.gatehouse.engine.subscription;

import io.gatehouse.api.Subscription;
import io.gatehouse.api.SubscriptionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable {@link SubscriptionStore} over a list of subscriptions. Keys are indexed by their SHA-256 digest, so
 * a lookup never compares a presented key with a stored one character by character (no timing oracle), and the
 * store holds no map keyed by the secrets themselves.
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {
  // MessageDigest.getInstance looks the provider up on every call; a digest per thread is reset after each use
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  });

  private final Map<String, Subscription> byDigest;

  public InMemorySubscriptionStore(List<Subscription> subscriptions) {
    Map<String, Subscription> map = new HashMap<>();
    for (Subscription s : subscriptions) {
      put(map, s.primaryKey(), s);
      if (s.secondaryKey() != null) {
        put(map, s.secondaryKey(), s);
      }
    }
    this.byDigest = Map.copyOf(map);
  }

  private static void put(Map<String, Subscription> map, String key, Subscription s) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("subscription " + s.id() + " has an empty key");
    }
    Subscription previous = map.put(digest(key), s);
    if (previous != null && !previous.id().equals(s.id())) {
      throw new IllegalArgumentException("subscriptions " + previous.id() + " and " + s.id() + " share a key");
    }
  }

  @Override
  public Subscription findByKey(String key) {
    return key == null || key.isEmpty() ? null : byDigest.get(digest(key));
  }

  /** The key's SHA-256 as a 32-character string, one character per byte (a map key, never shown). */
  static String digest(String key) {
    return new String(SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1);
  }
}
