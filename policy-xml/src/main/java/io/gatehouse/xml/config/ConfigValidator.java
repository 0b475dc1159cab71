package io.gatehouse.xml.config;

import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.NamedValue;
import io.gatehouse.xml.Position;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Whole-configuration checks run by {@link GatewayConfig.Builder#build(Diagnostics)}. */
final class ConfigValidator {
  private final GatewayConfig config;
  private final Diagnostics diagnostics;

  ConfigValidator(GatewayConfig config, Diagnostics diagnostics) {
    this.config = config;
    this.diagnostics = diagnostics;
  }

  void validate() {
    unique(config.apis(), ApiDefinition::id, ApiDefinition::origin, "API");
    unique(config.products(), ProductDefinition::id, ProductDefinition::origin, "product");
    unique(config.namedValues(), NamedValue::name, n -> "<named value " + n.name() + ">", "named value");
    unique(config.fragments(), FragmentDefinition::id, f -> f.policy().origin(), "policy fragment");
    unique(config.backends(), BackendDefinition::id, BackendDefinition::origin, "backend");
    config.apis().forEach(this::checkApi);
    checkRevisionsAndRoutes();
    config.products().forEach(this::checkProduct);
    config.backends().forEach(this::checkBackend);
  }

  private <T> void unique(List<T> items, Function<T, String> id, Function<T, String> origin, String kind) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (!seen.add(id.apply(item).toLowerCase(Locale.ROOT))) {
        error(origin.apply(item), "duplicate " + kind + " '" + id.apply(item) + "'");
      }
    }
  }

  private void checkApi(ApiDefinition api) {
    Set<String> ids = new HashSet<>();
    for (OperationDefinition op : api.operations()) {
      if (!ids.add(op.id().toLowerCase(Locale.ROOT))) {
        error(api.origin(), "API '" + api.id() + "' declares operation '" + op.id() + "' twice");
      }
      if (!op.method().matches("[A-Z][A-Z0-9_-]*")) {
        error(api.origin(), "operation '" + op.id() + "' has an invalid HTTP method '" + op.method() + "'");
      }
      String problem = UrlTemplateCheck.problem(op.urlTemplate());
      if (problem != null) {
        error(api.origin(), "operation '" + op.id() + "' has an invalid URL template '" + op.urlTemplate() + "': "
            + problem);
      }
    }
    if (api.version() != null && api.versionSet() == null) {
      error(api.origin(), "API '" + api.id() + "' has version '" + api.version() + "' but no version set");
    }
    if (api.versionSet() != null) {
      for (ApiDefinition other : config.apis()) {
        VersionSetDefinition set = other.versionSet();
        if (set != null && set.id().equalsIgnoreCase(api.versionSet().id()) && !set.equals(api.versionSet())) {
          error(api.origin(), "APIs '" + api.id() + "' and '" + other.id() + "' disagree on version set '"
              + set.id() + "'");
          break;
        }
      }
    }
  }

  private void checkRevisionsAndRoutes() {
    Map<String, ApiDefinition> revisions = new HashMap<>();
    Map<String, ApiDefinition> currents = new HashMap<>();
    Map<String, ApiDefinition> routes = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (ApiDefinition api : config.apis()) {
      if (!ids.add(api.id().toLowerCase(Locale.ROOT))) {
        continue; // already reported as a duplicate
      }
      String root = api.rootId().toLowerCase(Locale.ROOT);
      ApiDefinition sameRevision = revisions.putIfAbsent(root + ";" + api.revision(), api);
      if (sameRevision != null && sameRevision != api) {
        error(api.origin(), "APIs '" + sameRevision.id() + "' and '" + api.id() + "' are both revision "
            + api.revision() + " of '" + api.rootId() + "'");
      }
      if (!api.isCurrent()) {
        continue;
      }
      ApiDefinition otherCurrent = currents.putIfAbsent(root, api);
      if (otherCurrent != null) {
        error(api.origin(), "API '" + api.rootId() + "' has two current revisions: '" + otherCurrent.id()
            + "' and '" + api.id() + "'");
      }
      String route = api.path().toLowerCase(Locale.ROOT) + "|"
          + (api.version() == null ? "" : api.version().toLowerCase(Locale.ROOT));
      ApiDefinition clash = routes.putIfAbsent(route, api);
      if (clash != null) {
        error(api.origin(), "APIs '" + clash.id() + "' and '" + api.id() + "' both serve path '/" + api.path()
            + "'" + (api.version() == null ? "" : " version '" + api.version() + "'"));
      }
    }
  }

  private void checkProduct(ProductDefinition product) {
    for (String apiId : product.apiIds()) {
      if (config.api(apiId) == null) {
        error(product.origin(), "product '" + product.id() + "' links unknown API '" + apiId + "'");
      }
    }
  }

  private void checkBackend(BackendDefinition backend) {
    if (backend.type() == BackendType.SINGLE && (backend.url() == null || backend.url().isBlank())) {
      error(backend.origin(), "backend '" + backend.id() + "' has no url");
    }
    for (String member : backend.poolMemberIds()) {
      BackendDefinition target = config.backend(member);
      if (target == null) {
        error(backend.origin(), "backend pool '" + backend.id() + "' names unknown backend '" + member + "'");
      } else if (target.type() == BackendType.POOL) {
        error(backend.origin(), "backend pool '" + backend.id() + "' contains pool '" + member
            + "'; pools may only contain single backends");
      }
    }
  }

  private void error(String origin, String message) {
    diagnostics.error(Position.start(origin), message);
  }
}
