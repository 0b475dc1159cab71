package io.gatehouse.xml.config;

import io.gatehouse.xml.PolicySource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One API operation.
 *
 * @param id operation name (the folder name under {@code operations/} and the OpenAPI {@code operationId})
 * @param displayName display name, defaults to the id
 * @param method HTTP method, stored upper-case
 * @param urlTemplate URL template relative to the API path, always starting with {@code /}; may contain
 *     {@code {param}} segments, a trailing {@code /*} and a query part such as {@code ?a={b}}
 * @param policy the operation-scope policy document, or null when the operation has none
 * @param responses the responses the API definition documents for the operation, in document order (used by
 *     {@code mock-response}); empty when none are known
 */
public record OperationDefinition(String id, String displayName, String method, String urlTemplate,
    PolicySource policy, List<ResponseDefinition> responses) {
  public OperationDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    displayName = displayName == null || displayName.isBlank() ? id : displayName;
    method = method.trim().toUpperCase(Locale.ROOT);
    urlTemplate = urlTemplate.startsWith("/") ? urlTemplate : "/" + urlTemplate;
    responses = responses == null ? List.of() : List.copyOf(responses);
  }

  /** An operation without documented responses. */
  public OperationDefinition(String id, String displayName, String method, String urlTemplate, PolicySource policy) {
    this(id, displayName, method, urlTemplate, policy, List.of());
  }

  /** This operation with another policy document. */
  public OperationDefinition withPolicy(PolicySource newPolicy) {
    return new OperationDefinition(id, displayName, method, urlTemplate, newPolicy, responses);
  }
}
