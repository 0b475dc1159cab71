package io.gatehouse.api;

/**
 * Finds the subscription a key belongs to. Implementations must not leak, through timing or logs, which keys exist:
 * compare keys in constant time (for example by looking up a digest of the key) and never log them.
 */
@FunctionalInterface
public interface SubscriptionStore {
  /** A store without subscriptions: every key is invalid. */
  SubscriptionStore EMPTY = key -> null;

  /** The subscription whose primary or secondary key is {@code key}, whatever its state; null when none. */
  Subscription findByKey(String key);
}
