package io.gatehouse.redis;

/** What a {@link RedisCounterStore} answers when Redis cannot answer within the timeout. */
public enum RedisFailureMode {
  /**
   * Admit the request (counters report {@link io.gatehouse.api.CounterResult#unknown()}, concurrency slots are
   * granted): an outage of Redis does not take the APIs down, but limits are not enforced during it. The default.
   */
  FAIL_OPEN,
  /**
   * Refuse the request: the policies answer 503 ({@code CounterStoreUnavailable}, {@code Retry-After: 1}).
   * Limits are never exceeded, at the price of availability while Redis is down.
   */
  FAIL_CLOSED
}
