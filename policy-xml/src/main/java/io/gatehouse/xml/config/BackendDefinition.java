package io.gatehouse.xml.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A backend entity, referenced by {@code <set-backend-service backend-id="id"/>}.
 *
 * @param id backend name (folder name in APIOps trees)
 * @param url base URL; null for pools
 * @param protocol {@code http} or {@code soap}
 * @param credentialHeaders headers added to every call to this backend (values may contain {@code {{named values}}})
 * @param credentialQuery query parameters added to every call to this backend
 * @param type single URL or pool
 * @param poolMemberIds ids of the backends in the pool, in declared order; empty for {@link BackendType#SINGLE}
 * @param origin where it was defined, for diagnostics
 */
public record BackendDefinition(
    String id,
    String url,
    String protocol,
    Map<String, List<String>> credentialHeaders,
    Map<String, List<String>> credentialQuery,
    BackendType type,
    List<String> poolMemberIds,
    String origin) {
  public BackendDefinition {
    Objects.requireNonNull(id, "id");
    protocol = protocol == null || protocol.isBlank() ? "http" : protocol;
    credentialHeaders = copy(credentialHeaders);
    credentialQuery = copy(credentialQuery);
    type = type == null ? BackendType.SINGLE : type;
    poolMemberIds = poolMemberIds == null ? List.of() : List.copyOf(poolMemberIds);
    origin = origin == null || origin.isBlank() ? "<builder:backend " + id + ">" : origin;
  }

  /** A single HTTP backend without credentials. */
  public static BackendDefinition single(String id, String url) {
    return new BackendDefinition(id, url, "http", Map.of(), Map.of(), BackendType.SINGLE, List.of(), null);
  }

  /** A pool of the given member backends. */
  public static BackendDefinition pool(String id, List<String> memberIds) {
    return new BackendDefinition(id, null, "http", Map.of(), Map.of(), BackendType.POOL, memberIds, null);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
