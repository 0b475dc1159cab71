package io.gatehouse.xml.apiops;

import io.gatehouse.xml.config.OperationDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Things an APIOps tree does not hold, supplied by the caller. Immutable; the {@code with*} methods return copies.
 *
 * @param namedValueOverrides values for named values, keyed by folder name or display name: supplies secrets
 *     (which trees never contain) and replaces plain values per environment
 * @param operations extra operations per API id, for APIs whose specification lacks them; an operation with the
 *     same id as one from the specification replaces it (its policy comes from the tree)
 * @param productApis extra product → API links per product id, for trees extracted without link folders
 */
public record ApiOpsOptions(
    Map<String, String> namedValueOverrides,
    Map<String, List<OperationDefinition>> operations,
    Map<String, List<String>> productApis) {
  public ApiOpsOptions {
    namedValueOverrides = Map.copyOf(namedValueOverrides);
    operations = copy(operations);
    productApis = copy(productApis);
  }

  /** No overrides. */
  public static ApiOpsOptions defaults() {
    return new ApiOpsOptions(Map.of(), Map.of(), Map.of());
  }

  /** These options plus a value for named value {@code name} (folder name or display name). */
  public ApiOpsOptions withNamedValue(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(namedValueOverrides);
    copy.put(name, value);
    return new ApiOpsOptions(copy, operations, productApis);
  }

  /** These options plus an operation of API {@code apiId}. */
  public ApiOpsOptions withOperation(String apiId, OperationDefinition operation) {
    return new ApiOpsOptions(namedValueOverrides, append(operations, apiId, operation), productApis);
  }

  /** These options plus a link from product {@code productId} to API {@code apiId}. */
  public ApiOpsOptions withProductApi(String productId, String apiId) {
    return new ApiOpsOptions(namedValueOverrides, operations, append(productApis, productId, apiId));
  }

  private static <T> Map<String, List<T>> append(Map<String, List<T>> map, String key, T value) {
    Map<String, List<T>> copy = new LinkedHashMap<>(map);
    List<T> list = new ArrayList<>(copy.getOrDefault(key, List.of()));
    list.add(value);
    copy.put(key, list);
    return copy;
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> map) {
    Map<String, List<T>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
