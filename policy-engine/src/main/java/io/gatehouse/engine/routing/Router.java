package io.gatehouse.engine.routing;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.VersionSetDefinition;
import io.gatehouse.xml.config.VersioningScheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the API and operation a request addresses. Built once from a {@link GatewayConfig}; templates are compiled
 * at construction; immutable and thread-safe.
 *
 * <p>Rules (the host is ignored):
 * <ol>
 *   <li>API selection by path prefix on segment boundaries, longest first; an empty API path is the root API.
 *       Comparison is case-insensitive and on percent-decoded segments.
 *   <li>The current revision answers at {@code /<path>/...} and {@code /<path>;rev=<n>/...}; a non-current revision
 *       only at {@code /<path>;rev=<n>/...} (marker attached to the last segment of the API path, or of the version
 *       segment; for a root API it is the first segment {@code /;rev=<n>/...}).
 *   <li>Version sets: {@code Segment} → {@code /<path>/<version>/...}, except that when the API path already ends
 *       with the version segment (as in the official APIOps samples, {@code path: x/v1}) it is not repeated;
 *       {@code Query} → {@code ?<versionQueryName>=<version>}; {@code Header} → {@code <versionHeaderName>:
 *       <version>} (header values from the optional {@link HttpHeaders}). Version identifiers compare
 *       case-insensitively. The set's original API (no version) answers only when the request carries no query or
 *       header version identifier.
 *   <li>Once an API is selected there is no fallback to a shorter prefix: no matching operation means no match.
 *   <li>Operation by method (case-insensitive) and URL template (see {@link UrlTemplate}): literal segments beat
 *       {@code {param}} segments from left to right, a template without a trailing {@code /*} beats one with it,
 *       more query conditions beat fewer; among equals the first declared wins. One trailing {@code /} in the
 *       request is ignored; {@code /items//} is not {@code /items}.
 * </ol>
 */
public final class Router {
  private final List<ApiRoute> routes;

  /** Compiles the routes of every API in {@code config}. */
  public Router(GatewayConfig config) {
    List<ApiRoute> list = new ArrayList<>();
    for (ApiDefinition api : config.apis()) {
      addRoutes(api, list);
    }
    list.sort(Comparator.comparingInt((ApiRoute r) -> -r.prefix.size())
        .thenComparingInt(ApiRoute::conditionRank)
        .thenComparingInt(r -> r.order));
    this.routes = List.copyOf(list);
  }

  /** Matches without request headers (header-versioned APIs then only answer through their original API). */
  public RouteMatch match(String method, URI url) {
    return match(method, url, null);
  }

  /**
   * The API and operation for a request, or null when none matches. Never throws for any method or URL.
   *
   * @param method HTTP method, any case
   * @param url the request URL; only the raw path and raw query are used
   * @param headers request headers for header-versioned APIs, or null
   */
  public RouteMatch match(String method, URI url, HttpHeaders headers) {
    return url == null ? null : match(method, url.getRawPath(), url.getRawQuery(), headers);
  }

  /**
   * The API and operation for a request, or null when none matches. Never throws for any method, path or query.
   *
   * @param method HTTP method, any case
   * @param rawPath the request's percent-encoded path
   * @param rawQuery the request's percent-encoded query, or null
   * @param headers request headers for header-versioned APIs, or null
   */
  public RouteMatch match(String method, String rawPath, String rawQuery, HttpHeaders headers) {
    if (method == null) {
      return null;
    }
    RequestTarget target = new RequestTarget(rawPath, rawQuery);
    for (ApiRoute route : routes) {
      if (route.selects(target, headers)) {
        return route.matchOperation(method, target);
      }
    }
    return null;
  }

  private void addRoutes(ApiDefinition api, List<ApiRoute> list) {
    List<ApiRoute.CompiledOperation> operations = new ArrayList<>();
    for (OperationDefinition op : api.operations()) {
      operations.add(new ApiRoute.CompiledOperation(op, new UrlTemplate(op.urlTemplate())));
    }
    List<String> base = new ArrayList<>();
    if (!api.path().isEmpty()) {
      for (String segment : api.path().split("/")) {
        base.add(segment.toLowerCase(Locale.ROOT));
      }
    }
    ApiRoute.VersionCondition condition = null;
    VersionSetDefinition set = api.versionSet();
    if (set != null) {
      String version = api.version() == null ? null : api.version().toLowerCase(Locale.ROOT);
      switch (set.scheme()) {
        case SEGMENT -> {
          if (version != null && (base.isEmpty() || !base.get(base.size() - 1).equals(version))) {
            base.add(version);
          }
        }
        case QUERY -> condition = new ApiRoute.VersionCondition(VersioningScheme.QUERY, set.versionQueryName(),
            api.version());
        case HEADER -> condition = new ApiRoute.VersionCondition(VersioningScheme.HEADER, set.versionHeaderName(),
            api.version());
        default -> throw new IllegalStateException("unknown scheme " + set.scheme());
      }
    }
    int order = list.size();
    if (api.isCurrent()) {
      list.add(new ApiRoute(api, base, condition, order, operations));
    }
    List<String> withRevision = new ArrayList<>(base);
    String marker = ApiDefinition.REVISION_MARKER + api.revision().toLowerCase(Locale.ROOT);
    if (withRevision.isEmpty()) {
      withRevision.add(marker);
    } else {
      withRevision.set(withRevision.size() - 1, withRevision.get(withRevision.size() - 1) + marker);
    }
    list.add(new ApiRoute(api, withRevision, condition, order, operations));
  }
}
