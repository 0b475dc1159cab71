/**
 * A {@link io.gatehouse.api.CounterStore} on Redis (Lettuce) for engines that enforce rate limits, quotas and
 * concurrency limits together: {@link io.gatehouse.redis.RedisCounterStore}.
 */
package io.gatehouse.redis;
