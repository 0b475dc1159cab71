package io.gatehouse.xml.config;

import io.gatehouse.xml.PolicySource;
import java.util.Objects;

/**
 * A policy fragment, included with {@code <include-fragment fragment-id="id"/>}.
 *
 * @param id fragment name (the folder name in APIOps trees)
 * @param description free text, may be empty
 * @param policy the fragment document (root element {@code <fragment>}), unparsed
 */
public record FragmentDefinition(String id, String description, PolicySource policy) {
  public FragmentDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    description = description == null ? "" : description;
  }
}
