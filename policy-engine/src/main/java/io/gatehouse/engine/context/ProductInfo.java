package io.gatehouse.engine.context;

import java.util.List;

/** {@code context.Product}; {@code state} is {@code Published} or {@code NotPublished}. */
public record ProductInfo(
    String id,
    String name,
    String state,
    boolean subscriptionRequired,
    boolean approvalRequired,
    Integer subscriptionsLimit,
    List<GroupInfo> groups) {}
