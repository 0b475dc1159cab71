package io.gatehouse.engine.jwt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The keys of one policy: its configured keys plus the keys of its openid-config sources, combined into one
 * {@link KeySet}. The combination is memoized, so while no source changes every request sees the same set (and the
 * same version, which keeps the {@link SignatureCache} warm).
 */
public final class KeyRing {
  private final KeySet configured;
  private final AtomicReference<Combined> last = new AtomicReference<>();

  public KeyRing(KeySet configured) {
    this.configured = configured;
  }

  private record Combined(List<KeySet> parts, KeySet keys) {}

  /** The keys usable now, or null when some source has never been loaded (then {@link #load}). */
  public KeySet current(List<OpenIdConfigKeys> sources, Instant now) {
    if (sources.isEmpty()) {
      return configured;
    }
    List<KeySet> parts = new ArrayList<>(sources.size() + 1);
    parts.add(configured);
    for (OpenIdConfigKeys s : sources) {
      KeySet k = s.current(now);
      if (k == null) {
        return null;
      }
      parts.add(k);
    }
    return combine(parts);
  }

  /** Loads every source that has no keys yet, then combines. Never fails. */
  public CompletionStage<KeySet> load(List<OpenIdConfigKeys> sources, Instant now) {
    return all(sources, s -> s.load(now)).thenApply(this::combineWithConfigured);
  }

  /**
   * Refetches the sources for an unknown {@code kid}; null when every source is rate-limited (nothing to wait for).
   */
  public CompletionStage<KeySet> refetch(List<OpenIdConfigKeys> sources, Instant now) {
    boolean any = false;
    List<CompletionStage<KeySet>> stages = new ArrayList<>();
    for (OpenIdConfigKeys s : sources) {
      CompletionStage<KeySet> r = s.refetch(now);
      any |= r != null;
      stages.add(r != null ? r : CompletableFuture.completedFuture(orEmpty(s.current(now))));
    }
    if (!any) {
      return null;
    }
    return all(stages).thenApply(this::combineWithConfigured);
  }

  private static KeySet orEmpty(KeySet k) {
    return k == null ? KeySet.EMPTY : k;
  }

  private static CompletionStage<List<KeySet>> all(List<OpenIdConfigKeys> sources,
      java.util.function.Function<OpenIdConfigKeys, CompletionStage<KeySet>> f) {
    List<CompletionStage<KeySet>> stages = new ArrayList<>();
    for (OpenIdConfigKeys s : sources) {
      stages.add(f.apply(s));
    }
    return all(stages);
  }

  private static CompletionStage<List<KeySet>> all(List<CompletionStage<KeySet>> stages) {
    CompletableFuture<?>[] futures = stages.stream().map(CompletionStage::toCompletableFuture)
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(futures).thenApply(v -> {
      List<KeySet> out = new ArrayList<>();
      for (CompletableFuture<?> f : futures) {
        out.add((KeySet) f.join());
      }
      return out;
    });
  }

  private KeySet combineWithConfigured(List<KeySet> remote) {
    List<KeySet> parts = new ArrayList<>(remote.size() + 1);
    parts.add(configured);
    parts.addAll(remote);
    return combine(parts);
  }

  private KeySet combine(List<KeySet> parts) {
    Combined c = last.get();
    if (c != null && sameParts(c.parts, parts)) {
      return c.keys;
    }
    List<KeySet> copy = List.copyOf(parts);
    KeySet keys = parts.size() == 2 && configured.keys().isEmpty() ? parts.get(1) : KeySet.union(copy);
    last.set(new Combined(copy, keys));
    return keys;
  }

  private static boolean sameParts(List<KeySet> a, List<KeySet> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
