package io.gatehouse.engine.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An immutable set of signing keys plus the issuers their source vouches for (an openid-config's {@code issuer}).
 * Every instance has a process-wide unique {@link #version}: a new set (key rotation) never shares a version with
 * an old one, which is what invalidates the {@link SignatureCache}.
 */
public final class KeySet {
  private static final AtomicLong VERSIONS = new AtomicLong();

  /** No keys at all (a source that never answered). */
  public static final KeySet EMPTY = new KeySet(List.of(), Set.of(), true);

  private final long version;
  private final List<VerificationKey> keys;
  private final Set<String> issuers;
  private final boolean remote;

  KeySet(List<VerificationKey> keys, Set<String> issuers, boolean remote) {
    this.version = VERSIONS.incrementAndGet();
    this.keys = List.copyOf(keys);
    this.issuers = Set.copyOf(issuers);
    this.remote = remote;
  }

  /** Configured keys only. */
  public static KeySet of(List<VerificationKey> keys) {
    return new KeySet(keys, Set.of(), false);
  }

  /** The union of several sets (a new version). */
  static KeySet union(List<KeySet> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<VerificationKey> keys = new ArrayList<>();
    java.util.HashSet<String> issuers = new java.util.HashSet<>();
    boolean remote = false;
    for (KeySet p : parts) {
      keys.addAll(p.keys);
      issuers.addAll(p.issuers);
      remote |= p.remote;
    }
    return new KeySet(keys, issuers, remote);
  }

  public long version() {
    return version;
  }

  public List<VerificationKey> keys() {
    return keys;
  }

  /** Issuers vouched for by the key source (openid-config {@code issuer}). */
  public Set<String> issuers() {
    return issuers;
  }

  /** Whether some keys come from an openid-config (so an unknown {@code kid} may be worth a refetch). */
  public boolean remote() {
    return remote;
  }
}
