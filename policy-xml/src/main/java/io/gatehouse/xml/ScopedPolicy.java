package io.gatehouse.xml;

import java.util.Objects;

/**
 * The policy document attached at one scope of a composition chain.
 *
 * @param scope the scope
 * @param document its {@code <policies>} document, or null when the scope has none (behaves as
 *     {@code <S><base/></S>} for every section)
 */
public record ScopedPolicy(Scope scope, PolicyDocument document) {
  public ScopedPolicy {
    Objects.requireNonNull(scope, "scope");
  }
}
