package io.gatehouse.engine.context;

import java.time.Instant;

/** {@code context.Subscription}; {@code key} is the key used in this call. */
public record SubscriptionInfo(
    String id,
    String name,
    String key,
    String primaryKey,
    String secondaryKey,
    Instant createdDate,
    Instant startDate,
    Instant endDate) {}
