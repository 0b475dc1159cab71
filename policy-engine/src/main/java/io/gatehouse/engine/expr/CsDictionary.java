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

  private static final Object ABSENT = new Object();

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

  private static void requireKey(String key) {
    if (key == null) {
      throw new CsException("ArgumentNullException", "Value cannot be null. (Parameter 'key')");
    }
  }

  /** The collection this dictionary reads: an {@link HttpHeaders} or a map. */
  Object backing() {
    return headers != null ? headers : map;
  }

  /** {@code ContainsKey} on a backing collection (see {@link #backing()}), without a wrapper. */
  static boolean containsKey(Object backing, String key) {
    requireKey(key);
    return backing instanceof HttpHeaders h ? h.contains(key) : ((Map<?, ?>) backing).containsKey(key);
  }

  /** The C# value for {@code key} in a backing collection, or {@code absent} when the key is missing. */
  static Object lookup(Object backing, String key, Object absent) {
    requireKey(key);
    if (backing instanceof HttpHeaders h) {
      List<String> values = h.get(key);
      return values.isEmpty() && !h.contains(key) ? absent : values.toArray(String[]::new);
    }
    Map<?, ?> m = (Map<?, ?>) backing;
    Object v = m.get(key);
    return v == null && !m.containsKey(key) ? absent : convert(v);
  }

  /**
   * The values of {@code key} joined with commas, or null when the key is missing: {@code GetValueOrDefault} of a
   * {@code string[]}-valued collection (headers, query). A single value is returned as it is.
   */
  @SuppressWarnings("unchecked")
  static String joined(Object backing, String key) {
    requireKey(key);
    if (backing instanceof HttpHeaders h) {
      return h.joined(key, ",");
    }
    Object v = ((Map<?, ?>) backing).get(key);
    if (v instanceof List<?> l) {
      return l.size() == 1 ? (String) l.get(0) : String.join(",", (List<String>) l);
    }
    return v == null ? null : String.join(",", (String[]) v);
  }

  /** The indexer on a backing collection, with the collection's rule for a missing key. */
  static Object get(Object backing, String key, Missing missing) {
    Object v = lookup(backing, key, ABSENT);
    if (v != ABSENT) {
      return v;
    }
    return switch (missing) {
      case NULL -> null;
      case EMPTY_ARRAY -> new String[0];
      case THROW -> throw new CsException("KeyNotFoundException",
          "The given key '" + key + "' was not present in the dictionary.");
    };
  }

  boolean containsKey(String key) {
    return containsKey(backing(), key);
  }

  /** The value, or {@code absent} when the key is missing. */
  Object lookup(String key, Object absent) {
    return lookup(backing(), key, absent);
  }

  /** The indexer. */
  Object get(String key) {
    return get(backing(), key, missing);
  }

  Missing missing() {
    return missing;
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
