package io.gatehouse.engine.routing;

import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.OperationDefinition;
import java.util.Map;
import java.util.Objects;

/**
 * The API and operation a request addresses.
 *
 * @param api the matched API (a specific revision or version)
 * @param operation the matched operation
 * @param parameters template parameters: path parameters percent-decoded, then query-template parameters
 *     (form-decoded), in template order
 * @param operationPath the request path after the API path (and after the version segment or {@code ;rev=n}
 *     marker), percent-encoding kept as received: append it to the backend base URL. Empty when the request path
 *     is exactly the API path.
 */
public record RouteMatch(
    ApiDefinition api, OperationDefinition operation, Map<String, String> parameters, String operationPath) {
  public RouteMatch {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(operation, "operation");
    parameters = parameters.isEmpty() ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    Objects.requireNonNull(operationPath, "operationPath");
  }
}
