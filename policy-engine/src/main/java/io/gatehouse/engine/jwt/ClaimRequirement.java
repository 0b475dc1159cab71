package io.gatehouse.engine.jwt;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code required-claims/claim}: the claim must be present and, when values are listed, carry all of them
 * ({@code match="all"}) or at least one ({@code match="any"}). With a {@code separator}, each string value of the
 * claim is split into several values first. Values are resolved per request by the caller.
 */
public record ClaimRequirement(String name, boolean matchAll, String separator, List<String> values) {
  public ClaimRequirement {
    values = List.copyOf(values);
  }

  /** The claim's values as this requirement sees them (split by the separator), or null when absent. */
  List<String> valuesOf(VerifiedToken token) {
    List<String> raw = token.claimValues(name);
    if (raw == null || separator == null || separator.isEmpty()) {
      return raw;
    }
    List<String> split = new ArrayList<>();
    for (String v : raw) {
      for (String part : v.split(java.util.regex.Pattern.quote(separator), -1)) {
        split.add(part.strip());
      }
    }
    return split;
  }

  /** Whether the token's values satisfy the listed values (presence alone when none are listed). */
  boolean accepts(List<String> present) {
    if (values.isEmpty()) {
      return true;
    }
    for (String required : values) {
      boolean found = present.contains(required);
      if (matchAll && !found) {
        return false;
      }
      if (!matchAll && found) {
        return true;
      }
    }
    return matchAll;
  }
}
