package io.gatehouse.xml.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Declarative knowledge of every APIM policy element: sections, scopes, occurrence rules, attributes and children.
 * Whether the engine implements a policy is not decided here.
 */
public final class PolicyCatalog {
  private static final PolicyCatalog STANDARD = new PolicyCatalog(StandardPolicies.all());

  private final Map<String, PolicySpec> policies;

  private PolicyCatalog(List<PolicySpec> specs) {
    Map<String, PolicySpec> byName = new TreeMap<>();
    for (PolicySpec spec : specs) {
      if (byName.put(spec.name(), spec) != null) {
        throw new IllegalStateException("policy defined twice: " + spec.name());
      }
    }
    this.policies = Collections.unmodifiableMap(byName);
  }

  /** The catalog of policies documented in the Gatehouse spec (policies.md), including out-of-scope ones. */
  public static PolicyCatalog standard() {
    return STANDARD;
  }

  /** The policy named {@code name}, or null when it is not a known policy element. */
  public PolicySpec policy(String name) {
    return policies.get(name);
  }

  /** Whether {@code name} is a known policy element. */
  public boolean isPolicy(String name) {
    return policies.containsKey(name);
  }

  /** Every known policy name, sorted. */
  public List<String> policyNames() {
    return List.copyOf(policies.keySet());
  }

  /** Every known policy, sorted by name. */
  public List<PolicySpec> policies() {
    return List.copyOf(policies.values());
  }
}
