package io.gatehouse.xml.apiops;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.xml.NamedValue;
import io.gatehouse.xml.PolicySource;
import io.gatehouse.xml.config.BackendDefinition;
import io.gatehouse.xml.config.BackendType;
import io.gatehouse.xml.config.FragmentDefinition;
import io.gatehouse.xml.config.ProductDefinition;
import io.gatehouse.xml.config.VersionSetDefinition;
import io.gatehouse.xml.config.VersioningScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Reads the tree's collections other than APIs: version sets, named values, fragments, backends, products. */
final class ResourceReader {
  /** What apiops-cli writes instead of a secret value. */
  static final String REDACTED = "*** REDACTED ***";

  private final Path root;
  private final Layout layout;
  private final TreeFiles files;
  private final ApiOpsOptions options;

  ResourceReader(Path root, Layout layout, TreeFiles files, ApiOpsOptions options) {
    this.root = root;
    this.layout = layout;
    this.files = files;
    this.options = options;
  }

  /** Version sets keyed by lower-case id. */
  Map<String, VersionSetDefinition> versionSets() {
    Map<String, VersionSetDefinition> sets = new LinkedHashMap<>();
    for (Path folder : TreeFiles.folders(root.resolve(layout.versionSets()))) {
      String id = folder.getFileName().toString();
      Path info = folder.resolve(layout.versionSetFile());
      JsonNode props = required(folder, info);
      if (props == null) {
        continue;
      }
      String schemeText = files.string(props, "versioningScheme", info);
      VersioningScheme scheme = VersioningScheme.parse(schemeText);
      if (scheme == null) {
        files.error(info, "version set '" + id + "' has versioningScheme '" + schemeText
            + "'; expected Segment, Query or Header");
        continue;
      }
      sets.put(id.toLowerCase(Locale.ROOT), new VersionSetDefinition(id, files.string(props, "displayName", info),
          scheme, files.string(props, "versionQueryName", info), files.string(props, "versionHeaderName", info),
          files.origin(info)));
    }
    return sets;
  }

  /**
   * Named values under their display name (the folder name when it has none). A secret, Key Vault or redacted value
   * is null unless {@link ApiOpsOptions#namedValueOverrides()} supplies it (by folder name or display name, ignoring
   * case); a missing value is a warning, as referencing it is an error later. Key Vault references count as secret.
   */
  List<NamedValue> namedValues() {
    List<NamedValue> values = new ArrayList<>();
    Set<String> usedOverrides = new HashSet<>();
    for (Path folder : TreeFiles.folders(root.resolve(layout.namedValues()))) {
      String id = folder.getFileName().toString();
      Path info = folder.resolve("namedValueInformation.json");
      JsonNode props = required(folder, info);
      if (props == null) {
        continue;
      }
      String name = files.string(props, "displayName", info);
      name = name == null || name.isBlank() ? id : name;
      boolean secret = files.bool(props, "secret", false, info);
      String value = files.string(props, "value", info);
      if (REDACTED.equals(value)) {
        value = null;
      }
      String override = override(id, name, usedOverrides);
      if (override != null) {
        value = override;
      } else if (value == null) {
        boolean keyVault = props.path("keyVault").isObject();
        files.warning(info, "named value '" + name + "' has no value"
            + (keyVault ? " (it is a Key Vault reference)" : secret ? " (secret values are never extracted)" : "")
            + "; supply one with ApiOpsOptions.withNamedValue(\"" + name + "\", ...)");
      }
      values.add(new NamedValue(name, value, secret || props.path("keyVault").isObject()));
    }
    for (String key : options.namedValueOverrides().keySet()) {
      if (!usedOverrides.contains(key)) {
        files.warning(root, "named value override '" + key + "' matches no named value in the tree; ignored");
      }
    }
    return values;
  }

  private String override(String id, String name, Set<String> used) {
    for (String candidate : List.of(id, name)) {
      for (Map.Entry<String, String> e : options.namedValueOverrides().entrySet()) {
        if (e.getKey().equalsIgnoreCase(candidate)) {
          used.add(e.getKey());
          return e.getValue();
        }
      }
    }
    return null;
  }

  /** Policy fragments; each needs a {@code policy.xml} whose root is {@code <fragment>}. */
  List<FragmentDefinition> fragments() {
    List<FragmentDefinition> fragments = new ArrayList<>();
    for (Path folder : TreeFiles.folders(root.resolve(layout.policyFragments()))) {
      String id = folder.getFileName().toString();
      Path policy = folder.resolve("policy.xml");
      if (!Files.isRegularFile(policy)) {
        files.error(folder, "policy fragment '" + id + "' has no policy.xml");
        continue;
      }
      String description = "";
      Path info = folder.resolve("policyFragmentInformation.json");
      if (Files.isRegularFile(info)) {
        JsonNode props = files.properties(info);
        String text = props == null ? null : files.string(props, "description", info);
        description = text == null ? "" : text;
      }
      PolicySource source = files.policy(policy);
      if (source != null) {
        fragments.add(new FragmentDefinition(id, description, source));
      }
    }
    return fragments;
  }

  /** Backends with credentials and pool members (member ids normalised to the last id segment). */
  List<BackendDefinition> backends() {
    List<BackendDefinition> backends = new ArrayList<>();
    for (Path folder : TreeFiles.folders(root.resolve("backends"))) {
      String id = folder.getFileName().toString();
      Path info = folder.resolve("backendInformation.json");
      JsonNode props = required(folder, info);
      if (props == null) {
        continue;
      }
      String typeText = files.string(props, "type", info);
      BackendType type = typeText == null || typeText.equalsIgnoreCase("single") ? BackendType.SINGLE
          : typeText.equalsIgnoreCase("pool") ? BackendType.POOL : null;
      if (type == null) {
        files.error(info, "backend '" + id + "' has type '" + typeText + "'; expected Single or Pool");
        continue;
      }
      List<String> members = new ArrayList<>();
      for (JsonNode service : props.path("pool").path("services")) {
        String memberId = files.string(service, "id", info);
        if (memberId != null) {
          members.add(TreeFiles.lastSegment(memberId));
        }
      }
      JsonNode credentials = props.path("credentials");
      backends.add(new BackendDefinition(id, files.string(props, "url", info), files.string(props, "protocol", info),
          valueLists(credentials.path("header"), info), valueLists(credentials.path("query"), info), type, members,
          files.origin(info)));
    }
    return backends;
  }

  private Map<String, List<String>> valueLists(JsonNode node, Path info) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else if (e.getValue().isValueNode()) {
        values.add(e.getValue().asText());
      } else {
        files.error(info, "credential '" + e.getKey() + "' must be a list of strings");
      }
      map.put(e.getKey(), values);
    }
    return map;
  }

  /**
   * Products with their API links: L2/L3 folders {@code products/<p>/apis/<api>/}, L1/C1 {@code apis.json}, plus
   * {@link ApiOpsOptions#productApis()}. Links to skipped APIs are dropped (the API's own warning says why); links to
   * APIs absent from the tree are errors at the link.
   */
  List<ProductDefinition> products(Predicate<String> apiExists, Set<String> skippedApis) {
    List<ProductDefinition> products = new ArrayList<>();
    for (Path folder : TreeFiles.folders(root.resolve("products"))) {
      String id = folder.getFileName().toString();
      Path info = folder.resolve("productInformation.json");
      JsonNode props = required(folder, info);
      if (props == null) {
        continue;
      }
      ProductDefinition.Builder product = ProductDefinition.builder(id).origin(files.origin(info))
          .displayName(files.string(props, "displayName", info))
          .subscriptionRequired(files.bool(props, "subscriptionRequired", true, info))
          .approvalRequired(files.bool(props, "approvalRequired", false, info))
          .state(files.string(props, "state", info))
          .subscriptionsLimit(files.integer(props, "subscriptionsLimit", info));
      Path policy = folder.resolve("policy.xml");
      if (Files.isRegularFile(policy)) {
        product.policy(files.policy(policy));
      }
      Set<String> linked = new HashSet<>();
      for (Link link : links(folder)) {
        String apiId = link.apiId();
        int rev = apiId.indexOf(";rev=");
        apiId = rev < 0 ? apiId : apiId.substring(0, rev);
        if (skippedApis.contains(apiId.toLowerCase(Locale.ROOT))) {
          continue;
        }
        if (!apiExists.test(apiId)) {
          files.error(link.file(), "product '" + id + "' links API '" + apiId + "', which is not in the tree");
        } else if (linked.add(apiId.toLowerCase(Locale.ROOT))) {
          product.api(apiId);
        }
      }
      options.productApis().forEach((productId, apiIds) -> {
        if (productId.equalsIgnoreCase(id)) {
          apiIds.stream().filter(a -> linked.add(a.toLowerCase(Locale.ROOT))).forEach(product::api);
        }
      });
      products.add(product.build());
    }
    return products;
  }

  private record Link(String apiId, Path file) {}

  private List<Link> links(Path product) {
    List<Link> links = new ArrayList<>();
    if (!layout.productApisAsJson()) {
      for (Path api : TreeFiles.folders(product.resolve("apis"))) {
        links.add(new Link(api.getFileName().toString(), api));
      }
      return links;
    }
    Path file = product.resolve("apis.json");
    if (!Files.isRegularFile(file)) {
      return links;
    }
    JsonNode list = files.json(file);
    if (list == null) {
      return links;
    }
    if (!list.isArray()) {
      files.error(file, "expected a JSON array of {\"name\": ...} objects");
      return links;
    }
    for (JsonNode entry : list) {
      String name = entry.isTextual() ? entry.asText() : entry.path("name").asText(null);
      if (name == null || name.isBlank()) {
        files.error(file, "an entry has no \"name\"");
      } else {
        links.add(new Link(TreeFiles.lastSegment(name), file));
      }
    }
    return links;
  }

  private JsonNode required(Path folder, Path info) {
    if (!Files.isRegularFile(info)) {
      files.error(folder, "missing " + info.getFileName());
      return null;
    }
    return files.properties(info);
  }
}
