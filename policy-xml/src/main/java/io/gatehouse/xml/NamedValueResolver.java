package io.gatehouse.xml;

import java.util.Map;

/** Looks up named values by name during reading; names are matched case-insensitively, as APIM does. */
@FunctionalInterface
public interface NamedValueResolver {
  /** No named values at all. */
  NamedValueResolver NONE = name -> null;

  /** The named value called {@code name} (already trimmed), or null when there is none. */
  NamedValue resolve(String name);

  /** A resolver over a map keyed by name; lookups ignore case. */
  static NamedValueResolver of(Map<String, NamedValue> values) {
    java.util.TreeMap<String, NamedValue> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(values);
    return byName::get;
  }
}
