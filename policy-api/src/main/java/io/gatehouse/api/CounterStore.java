package io.gatehouse.api;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Counters behind {@code rate-limit}, {@code rate-limit-by-key}, {@code quota}, {@code quota-by-key} and
 * {@code limit-concurrency}. One instance serves one engine (or, for a shared store such as Redis, several engines
 * that must enforce limits together).
 *
 * <p>Time always comes from the caller ({@code now}, the engine clock), never from the store, so windows follow the
 * engine's clock (a manual clock in tests) and engines sharing a store agree on window boundaries as far as their
 * clocks agree.
 *
 * <p>Every method answers asynchronously and must never block the calling thread. Keys are opaque strings chosen
 * by the policies; a store keeps one counter per (key, {@link CounterWindow#id()}).
 *
 * <p>Failure: a stage may complete exceptionally with {@link CounterStoreUnavailableException} when the store is
 * configured to fail closed; a fail-open store answers {@link CounterResult#unknown()} instead. Any other exception
 * is a bug and becomes a generic 500.
 *
 * <p>Semantics shared by all implementations (APIM, Observed): every hit counts, admitted or not, so a client
 * that keeps calling above the limit keeps itself throttled; a hit is admitted iff the count after it is at most
 * the limit.
 */
public interface CounterStore {

  /**
   * Adds {@code amount} to the counter and reports, atomically with the addition, whether the new count is at
   * most {@code limit}. This is the one call per request check.
   */
  CompletionStage<CounterResult> hit(String key, CounterWindow window, long amount, long limit, Instant now);

  /**
   * Reports whether a hit of {@code amount} would be admitted now, without counting it (the check of a policy
   * whose counting waits for the response: {@code increment-condition}, bandwidth).
   */
  CompletionStage<CounterResult> peek(String key, CounterWindow window, long amount, long limit, Instant now);

  /** Adds {@code amount} without a check (the deferred increment, once the response is known). */
  CompletionStage<Void> add(String key, CounterWindow window, long amount, Instant now);

  /**
   * Takes one of {@code maxCount} concurrent slots of {@code key}; false when all are taken (no queueing). Every
   * true answer must be followed by exactly one {@link #release}.
   */
  CompletionStage<Boolean> tryAcquire(String key, long maxCount);

  /** Gives back a slot taken by {@link #tryAcquire}. */
  CompletionStage<Void> release(String key);
}
