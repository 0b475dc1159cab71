package io.gatehouse.xml.apiops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.ResponseDefinition;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the operations of an API from its OpenAPI specification: operation id = {@code operationId}, method = HTTP
 * verb, URL template = path key (relative to the API path; {@code servers}/{@code host}/{@code basePath} are
 * ignored), documented responses through {@link ResponseReader}. OpenAPI 3 goes through swagger-parser; Swagger
 * 2.0, which swagger-parser-v3 cannot read, is walked directly. Responses are read from the raw tree in both cases.
 */
final class SpecReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SWAGGER2_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch");

  private final TreeFiles files;

  SpecReader(TreeFiles files) {
    this.files = files;
  }

  /** Operations without policies in document order, or null after reporting why the spec is unusable. */
  List<OperationDefinition> read(Path spec) {
    String text = files.text(spec);
    if (text == null) {
      return null;
    }
    JsonNode tree = files.parse(spec.toString().endsWith(".json") ? JSON : YAML, spec, text);
    if (tree == null) {
      return null;
    }
    if (!tree.isObject()) {
      files.error(spec, "not an OpenAPI document: expected an object");
      return null;
    }
    if (tree.path("swagger").asText().startsWith("2")) {
      return swagger2(spec, tree);
    }
    if (!tree.has("openapi")) {
      files.error(spec, "not an OpenAPI document: neither \"openapi\" nor \"swagger\" is present");
      return null;
    }
    return openApi3(spec, text, tree);
  }

  private List<OperationDefinition> openApi3(Path spec, String text, JsonNode tree) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result;
    try {
      result = new OpenAPIV3Parser().readContents(text, null, options);
    } catch (RuntimeException e) {
      files.error(spec, "OpenAPI document cannot be read: " + e);
      return null;
    }
    OpenAPI api = result == null ? null : result.getOpenAPI();
    if (api == null) {
      List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
      files.error(spec, "OpenAPI document cannot be read: " + String.join("; ", messages));
      return null;
    }
    Collector collector = new Collector(spec);
    ResponseReader responses = new ResponseReader(files, spec, tree);
    DocumentRefs refs = new DocumentRefs(tree);
    if (api.getPaths() != null) {
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        JsonNode pathNode = refs.deref(tree.path("paths").path(path.getKey()));
        for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
          String id = op.getValue().getOperationId();
          JsonNode opNode = pathNode == null ? null : pathNode.path(op.getKey().name().toLowerCase(Locale.ROOT));
          collector.add(id, op.getValue().getSummary(), op.getKey().name(), path.getKey(),
              () -> opNode == null || !opNode.isObject() ? List.of() : responses.openApi3(id, opNode));
        }
      }
    }
    return collector.result();
  }

  private List<OperationDefinition> swagger2(Path spec, JsonNode tree) {
    Collector collector = new Collector(spec);
    ResponseReader responses = new ResponseReader(files, spec, tree);
    JsonNode paths = tree.path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (String method : SWAGGER2_METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null && op.isObject()) {
          String id = op.path("operationId").asText(null);
          collector.add(id, op.path("summary").asText(null), method.toUpperCase(Locale.ROOT), path.getKey(),
              () -> responses.swagger2(id, op));
        }
      }
    }
    return collector.result();
  }

  /** Accumulates operations, reporting missing and duplicate operation ids. */
  private final class Collector {
    private final Path spec;
    private final List<OperationDefinition> operations = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private boolean failed;

    Collector(Path spec) {
      this.spec = spec;
    }

    /** Adds an operation; its responses are only read when the operation is kept. */
    void add(String operationId, String summary, String method, String template,
        Supplier<List<ResponseDefinition>> responses) {
      if (operationId == null || operationId.isBlank()) {
        files.warning(spec, method + " " + template + " has no operationId; the operation is skipped");
        return;
      }
      if (!ids.add(operationId.toLowerCase(Locale.ROOT))) {
        files.error(spec, "operationId '" + operationId + "' appears twice");
        failed = true;
        return;
      }
      operations.add(new OperationDefinition(operationId, summary, method, template, null, responses.get()));
    }

    List<OperationDefinition> result() {
      return failed ? null : operations;
    }
  }
}
