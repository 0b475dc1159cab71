package io.gatehouse.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code exists-action} of {@code set-header} and {@code set-query-parameter}. */
enum ExistsAction {
  /** Replace with exactly the listed values. */
  OVERRIDE,
  /** Leave an existing entry unchanged; add when absent. */
  SKIP,
  /** Add the values to existing ones. */
  APPEND,
  /** Remove the entry. */
  DELETE;

  /** The action for an attribute value, or null when unknown. */
  static ExistsAction parse(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "override" -> OVERRIDE;
      case "skip" -> SKIP;
      case "append" -> APPEND;
      case "delete" -> DELETE;
      default -> null;
    };
  }

  /**
   * The values an entry has after this action.
   *
   * @param existing current values, or null when the entry is absent
   * @param values the policy's values (nulls already dropped)
   * @return the new values; an empty list means "remove the entry"
   */
  List<String> apply(List<String> existing, List<String> values) {
    return switch (this) {
      case OVERRIDE -> values;
      case SKIP -> existing != null ? existing : values;
      case APPEND -> {
        List<String> all = new ArrayList<>(existing == null ? List.of() : existing);
        all.addAll(values);
        yield all;
      }
      case DELETE -> List.of();
    };
  }
}
