package io.gatehouse.engine.routing;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.VersioningScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way to reach an API: the path segments that select it (API path, version segment, {@code ;rev=n} marker)
 * and, for query/header versioning, the version condition. Operations are compiled once per API and shared.
 */
final class ApiRoute {
  /** A version identifier the request must carry; {@code value == null} means it must carry none. */
  record VersionCondition(VersioningScheme scheme, String name, String value) {
    boolean test(RequestTarget request, HttpHeaders headers) {
      String actual = scheme == VersioningScheme.QUERY
          ? request.queryValue(name)
          : headers == null ? null : headers.first(name);
      return value == null ? actual == null : value.equalsIgnoreCase(actual);
    }
  }

  record CompiledOperation(OperationDefinition definition, UrlTemplate template) {}

  final ApiDefinition api;
  final List<String> prefix; // lower-cased
  final VersionCondition condition;
  final int order;
  private final List<CompiledOperation> operations;

  ApiRoute(ApiDefinition api, List<String> prefix, VersionCondition condition, int order,
      List<CompiledOperation> operations) {
    this.api = api;
    this.prefix = List.copyOf(prefix);
    this.condition = condition;
    this.order = order;
    this.operations = operations;
  }

  /** 0 for routes with a version identifier, 1 for those requiring its absence, 2 for unconditional ones. */
  int conditionRank() {
    return condition == null ? 2 : condition.value() == null ? 1 : 0;
  }

  boolean selects(RequestTarget request, HttpHeaders headers) {
    if (request.segmentCount() < prefix.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (!request.segmentEquals(i, prefix.get(i))) {
        return false;
      }
    }
    return condition == null || condition.test(request, headers);
  }

  /** The best operation for the request (see {@link UrlTemplate#compareSpecificity}), or null. */
  RouteMatch matchOperation(String method, RequestTarget request) {
    CompiledOperation best = null;
    Map<String, String> bestParams = null;
    for (CompiledOperation op : operations) {
      if (!op.definition().method().equalsIgnoreCase(method)) {
        continue;
      }
      Map<String, String> params = op.template().hasParameters() ? new LinkedHashMap<>() : Map.of();
      if (!op.template().match(request, prefix.size(), params)) {
        continue;
      }
      if (best == null || op.template().compareSpecificity(best.template()) < 0) {
        best = op;
        bestParams = params;
      }
    }
    return best == null ? null : new RouteMatch(api, best.definition(), bestParams, request.rawPathFrom(prefix.size()));
  }
}
