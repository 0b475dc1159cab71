package io.gatehouse.xml.apiops;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.VersionSetDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one {@code apis/<api>/} folder: apiInformation.json, the specification, the API policy and the operation
 * policies. Non-HTTP APIs (SOAP, GraphQL, WebSocket, ...) and APIs described only by WADL/WSDL/GraphQL are skipped
 * with a warning. A folder named {@code <api>;rev=<n>} is a non-current revision; the folder without suffix is the
 * current revision whatever its {@code apiRevision}.
 */
final class ApiReader {
  private static final List<String> SPEC_FILES = List.of("specification.yaml", "specification.yml",
      "specification.json", "specification.wadl", "specification.wsdl", "specification.graphql");

  private final TreeFiles files;
  private final SpecReader specs;
  private final ApiOpsOptions options;
  private final Map<String, VersionSetDefinition> versionSets;

  ApiReader(TreeFiles files, ApiOpsOptions options, Map<String, VersionSetDefinition> versionSetsByLowerId) {
    this.files = files;
    this.specs = new SpecReader(files);
    this.options = options;
    this.versionSets = versionSetsByLowerId;
  }

  /** The API, or null when it was skipped (its id is added to {@code skipped}) or an error was reported. */
  ApiDefinition read(Path folder, Set<String> skipped) {
    String id = folder.getFileName().toString();
    Path info = folder.resolve("apiInformation.json");
    if (!Files.isRegularFile(info)) {
      files.error(folder, "API folder has no apiInformation.json");
      return null;
    }
    JsonNode props = files.properties(info);
    if (props == null) {
      return null;
    }
    int errorsBefore = files.diagnostics().errorCount();
    String type = firstNonNull(files.string(props, "type", info), files.string(props, "apiType", info), "http");
    if (!type.equalsIgnoreCase("http")) {
      files.warning(info, "API '" + id + "' has type '" + type + "', which Gatehouse does not support; the API is "
          + "skipped");
      skipped.add(id.toLowerCase(Locale.ROOT));
      return null;
    }
    Path spec = SPEC_FILES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
    if (spec != null && !isOpenApi(spec)) {
      String kind = spec.getFileName().toString().substring("specification.".length()).toUpperCase(Locale.ROOT);
      files.warning(spec, "API '" + id + "' is described by a " + kind + " specification, which Gatehouse does not "
          + "support; the API is skipped");
      skipped.add(id.toLowerCase(Locale.ROOT));
      return null;
    }

    ApiDefinition.Builder api = ApiDefinition.builder(id).origin(files.origin(info))
        .displayName(files.string(props, "displayName", info))
        .path(files.string(props, "path", info))
        .serviceUrl(files.string(props, "serviceUrl", info))
        .subscriptionRequired(files.bool(props, "subscriptionRequired", true, info));
    JsonNode keyNames = props.path("subscriptionKeyParameterNames");
    if (keyNames.isObject()) {
      api.subscriptionKeyNames(files.string(keyNames, "header", info), files.string(keyNames, "query", info));
    }
    api.protocols(protocols(props, info));
    revision(api, id, props, info);
    version(api, id, props, info);
    Path policy = folder.resolve("policy.xml");
    if (Files.isRegularFile(policy)) {
      api.policy(files.policy(policy));
    }
    operations(api, id, folder, spec, info);
    return files.diagnostics().errorCount() > errorsBefore ? null : api.build();
  }

  private static boolean isOpenApi(Path spec) {
    String name = spec.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private String[] protocols(JsonNode props, Path info) {
    JsonNode node = props.get("protocols");
    if (node == null || node.isNull()) {
      return new String[] {"https"};
    }
    if (!node.isArray()) {
      files.error(info, "\"protocols\" must be an array of strings");
      return new String[] {"https"};
    }
    List<String> list = new ArrayList<>();
    node.forEach(p -> list.add(p.asText()));
    return list.toArray(String[]::new);
  }

  private void revision(ApiDefinition.Builder api, String id, JsonNode props, Path info) {
    String declared = files.string(props, "apiRevision", info);
    int marker = id.indexOf(ApiDefinition.REVISION_MARKER);
    if (marker < 0) {
      api.revision(declared, true);
      return;
    }
    String fromFolder = id.substring(marker + ApiDefinition.REVISION_MARKER.length());
    if (declared != null && !declared.equals(fromFolder)) {
      files.warning(info, "apiRevision '" + declared + "' differs from the folder's revision " + fromFolder
          + "; the folder name wins");
    }
    api.revision(fromFolder, false);
  }

  private void version(ApiDefinition.Builder api, String id, JsonNode props, Path info) {
    String version = files.string(props, "apiVersion", info);
    String setRef = files.string(props, "apiVersionSetId", info);
    if (setRef == null && props.path("apiVersionSet").isObject()) {
      setRef = files.string(props.path("apiVersionSet"), "id", info);
    }
    if (setRef == null) {
      if (version != null && !version.isBlank()) {
        files.warning(info, "API '" + id + "' has apiVersion '" + version + "' but no apiVersionSetId; the version "
            + "is ignored");
      }
      return;
    }
    String setId = TreeFiles.lastSegment(setRef);
    VersionSetDefinition set = versionSets.get(setId.toLowerCase(Locale.ROOT));
    if (set == null) {
      files.error(info, "API '" + id + "' refers to unknown version set '" + setId + "'");
      return;
    }
    api.version(set, version);
  }

  /**
   * Operations come from the specification, then from {@link ApiOpsOptions#operations()} (replacing by id), then
   * from apiops-cli {@code operationInformation.json} files for ids still unknown. Each
   * {@code operations/<op>/policy.xml} attaches to the operation with that id; a policy for an unknown operation is
   * an error.
   */
  private void operations(ApiDefinition.Builder api, String id, Path folder, Path spec, Path info) {
    Map<String, OperationDefinition> ops = new LinkedHashMap<>();
    if (spec != null) {
      List<OperationDefinition> fromSpec = specs.read(spec);
      if (fromSpec == null) {
        return;
      }
      fromSpec.forEach(op -> ops.put(key(op.id()), op));
    }
    options.operations().forEach((apiId, extra) -> {
      if (apiId.equalsIgnoreCase(id)) {
        extra.forEach(op -> ops.put(key(op.id()), op));
      }
    });
    for (Path opFolder : TreeFiles.folders(folder.resolve("operations"))) {
      String opId = opFolder.getFileName().toString();
      Path opInfo = opFolder.resolve("operationInformation.json");
      if (!ops.containsKey(key(opId)) && Files.isRegularFile(opInfo)) {
        OperationDefinition fromInfo = operationInformation(opId, opInfo);
        if (fromInfo != null) {
          ops.put(key(opId), fromInfo);
        }
      }
      Path policy = opFolder.resolve("policy.xml");
      if (!Files.isRegularFile(policy)) {
        continue;
      }
      OperationDefinition op = ops.get(key(opId));
      if (op == null) {
        files.error(policy, "operation '" + opId + "' has a policy but "
            + (spec == null
                ? "API '" + id + "' has no specification that lists its operations"
                : files.origin(spec) + " has no operation with operationId '" + opId + "'"));
        continue;
      }
      var source = files.policy(policy);
      if (source != null) {
        ops.put(key(opId), op.withPolicy(source));
      }
    }
    ops.values().forEach(api::operation);
    if (ops.isEmpty() && spec == null) {
      files.warning(info, "API '" + id + "' has no OpenAPI specification and no operations; no request can reach it");
    }
  }

  private OperationDefinition operationInformation(String opId, Path opInfo) {
    JsonNode props = files.properties(opInfo);
    if (props == null) {
      return null;
    }
    String method = files.string(props, "method", opInfo);
    String template = files.string(props, "urlTemplate", opInfo);
    if (method == null || template == null) {
      files.error(opInfo, "operation '" + opId + "' needs \"method\" and \"urlTemplate\"");
      return null;
    }
    return new OperationDefinition(opId, files.string(props, "displayName", opInfo), method, template, null);
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static String firstNonNull(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }
}
