package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.api.HttpHeaders;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A read-only C# dictionary view over the context collections (headers, query, variables, matched parameters,
 * JWT claims), with each collection's indexer and lookup rules (spec section 9).
 */
final class CsDictionary {
  /** What the indexer does for a missing key. */
  enum Missing { THROW, NULL, EMPTY_ARRAY }

  private final Map<String, ?> map;
  private final HttpHeaders headers;
  private final Missing missing;

  private CsDictionary(Map<String, ?> map, HttpHeaders headers, Missing missing) {
    this.map = map;
    this.headers = headers;
    this.missing = missing;
  }

  static CsDictionary ofHeaders(HttpHeaders h) {
    return new CsDictionary(null, h, Missing.THROW);
  }

  static CsDictionary ofMultiMap(Map<String, List<String>> m) {
    return new CsDictionary(m, null, Missing.THROW);
  }

  static CsDictionary ofMap(Map<String, ?> m, Missing missing) {
    return new CsDictionary(m, null, missing);
  }

  static CsDictionary ofClaims(Map<String, String[]> m) {
    return new CsDictionary(m, null, Missing.EMPTY_ARRAY);
  }

  private static Object convert(Object v) {
    if (v instanceof List<?> l) {
      return l.toArray(String[]::new);
    }
    return v;
  }

  boolean containsKey(String key) {
    if (key == null) {
      throw new CsException("ArgumentNullException", "Value cannot be null. (Parameter 'key')");
    }
    return headers != null ? headers.contains(key) : map.containsKey(key);
  }

  /** The value, or {@code absent} when the key is missing. */
  Object lookup(String key, Object absent) {
    if (key == null) {
      throw new CsException("ArgumentNullException", "Value cannot be null. (Parameter 'key')");
    }
    if (headers != null) {
      return headers.contains(key) ? headers.get(key).toArray(String[]::new) : absent;
    }
    return map.containsKey(key) ? convert(map.get(key)) : absent;
  }

  /** The indexer. */
  Object get(String key) {
    Object marker = new Object();
    Object v = lookup(key, marker);
    if (v != marker) {
      return v;
    }
    return switch (missing) {
      case NULL -> null;
      case EMPTY_ARRAY -> new String[0];
      case THROW -> throw new CsException("KeyNotFoundException",
          "The given key '" + key + "' was not present in the dictionary.");
    };
  }

  int count() {
    return headers != null ? headers.size() : map.size();
  }

  /** Entries as KeyValuePair values in insertion order. */
  List<Object> entries() {
    List<Object> out = new ArrayList<>();
    if (headers != null) {
      headers.forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v.toArray(String[]::new))));
    } else {
      map.forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, convert(v))));
    }
    return out;
  }

  List<Object> keys() {
    List<Object> out = new ArrayList<>();
    for (Object e : entries()) {
      out.add(((Map.Entry<?, ?>) e).getKey());
    }
    return out;
  }

  List<Object> values() {
    List<Object> out = new ArrayList<>();
    for (Object e : entries()) {
      out.add(((Map.Entry<?, ?>) e).getValue());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> writable() {
    if (headers != null) {
      throw CsException.invalidOperation("Collection is read-only.");
    }
    return (Map<String, Object>) map;
  }

  /** {@code Add(key, value)}: a duplicate key throws ArgumentException. */
  void add(String key, Object value) {
    if (containsKey(key)) {
      throw CsException.argument("An item with the same key has already been added. Key: " + key, null);
    }
    writable().put(key, value);
  }

  /** The indexer setter: adds or replaces. */
  void set(String key, Object value) {
    containsKey(key);
    writable().put(key, value);
  }

  /** {@code Remove(key)}. */
  boolean remove(String key) {
    if (!containsKey(key)) {
      return false;
    }
    writable().remove(key);
    return true;
  }
}
