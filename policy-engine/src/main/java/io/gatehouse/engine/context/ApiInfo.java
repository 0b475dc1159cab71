package io.gatehouse.engine.context;

import java.util.List;

/** {@code context.Api}. */
public record ApiInfo(
    String id,
    String name,
    String path,
    String revision,
    String version,
    boolean isCurrentRevision,
    UrlInfo serviceUrl,
    List<String> protocols,
    String subscriptionKeyHeaderName,
    String subscriptionKeyQueryName) {}
