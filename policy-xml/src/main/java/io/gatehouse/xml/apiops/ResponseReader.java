package io.gatehouse.xml.apiops;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.xml.config.ResponseContent;
import io.gatehouse.xml.config.ResponseDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the documented responses of one operation from the raw specification tree, for {@code mock-response}: per
 * status and media type the example ({@code example}, the first of {@code examples}, or the schema's own
 * {@code example}), else a sample generated from the schema. Unusable parts are reported as warnings and left out;
 * they never fail the load.
 */
final class ResponseReader {
  private static final Pattern STATUS = Pattern.compile("[1-5](\\d\\d|[xX][xX])|default");
  private static final String DEFAULT_MEDIA_TYPE = "application/json";

  private final TreeFiles files;
  private final Path spec;
  private final JsonNode document;
  private final DocumentRefs refs;
  private final SchemaSampler sampler;

  ResponseReader(TreeFiles files, Path spec, JsonNode document) {
    this.files = files;
    this.spec = spec;
    this.document = document;
    this.refs = new DocumentRefs(document);
    this.sampler = new SchemaSampler(refs);
  }

  /** The responses of an OpenAPI 3 operation object. */
  List<ResponseDefinition> openApi3(String operationId, JsonNode operation) {
    return read(operationId, operation, (status, response) -> {
      Map<String, ResponseContent> content = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> media : response.path("content").properties()) {
        JsonNode example = media.getValue().get("example");
        if (example == null || example.isNull()) {
          example = firstExample(media.getValue().path("examples"));
        }
        content.put(media.getKey(), content(media.getKey(), example, media.getValue().get("schema")));
        report(operationId, status);
      }
      return content;
    });
  }

  /** The responses of a Swagger 2.0 operation object; schemas are documented for every {@code produces} type. */
  List<ResponseDefinition> swagger2(String operationId, JsonNode operation) {
    JsonNode produces = operation.has("produces") ? operation.get("produces") : document.path("produces");
    return read(operationId, operation, (status, response) -> {
      Map<String, ResponseContent> content = new LinkedHashMap<>();
      JsonNode schema = response.get("schema");
      for (Map.Entry<String, JsonNode> example : response.path("examples").properties()) {
        content.put(example.getKey(), content(example.getKey(), example.getValue(), schema));
      }
      if (schema != null) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        produces.forEach(type -> types.add(type.asText()));
        if (types.isEmpty()) {
          types.add(DEFAULT_MEDIA_TYPE);
        }
        types.forEach(type -> content.computeIfAbsent(type, t -> content(t, null, schema)));
      }
      report(operationId, status);
      return content;
    });
  }

  private interface ContentReader {
    Map<String, ResponseContent> read(String status, JsonNode response);
  }

  private List<ResponseDefinition> read(String operationId, JsonNode operation, ContentReader contentReader) {
    List<ResponseDefinition> responses = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : operation.path("responses").properties()) {
      String status = entry.getKey().strip();
      if (status.startsWith("x-")) {
        continue;
      }
      if (!STATUS.matcher(status).matches()) {
        files.warning(spec, "operation '" + operationId + "': response key '" + status + "' is not a status code, "
            + "a range such as 2XX or 'default'; the response is ignored");
        continue;
      }
      JsonNode response = refs.deref(entry.getValue());
      if (response == null || !response.isObject()) {
        report(operationId, status);
        responses.add(new ResponseDefinition(status, Map.of()));
        continue;
      }
      responses.add(new ResponseDefinition(status, contentReader.read(status, response)));
    }
    return responses;
  }

  /** The example serialized for the media type, else a sample generated from the schema. */
  private ResponseContent content(String mediaType, JsonNode example, JsonNode schema) {
    JsonNode resolved = schema == null ? null : refs.deref(schema);
    if ((example == null || example.isNull()) && resolved != null) {
      example = resolved.get("example");
    }
    String root = rootName(schema, resolved);
    if (example != null && !example.isNull()) {
      return new ResponseContent(ExampleText.of(example, mediaType, root), null);
    }
    JsonNode sample = sampler.sample(schema);
    return sample == null ? ResponseContent.EMPTY : new ResponseContent(null, ExampleText.of(sample, mediaType, root));
  }

  /** The value of the first entry of an OpenAPI 3 {@code examples} map that has an inline value. */
  private JsonNode firstExample(JsonNode examples) {
    for (JsonNode example : examples) {
      JsonNode resolved = refs.deref(example);
      JsonNode value = resolved == null ? null : resolved.get("value");
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    return null;
  }

  /** The XML document element for a schema: its {@code xml.name}, else the name of the schema it refers to. */
  private static String rootName(JsonNode schema, JsonNode resolved) {
    String xmlName = resolved == null ? null : resolved.path("xml").path("name").asText(null);
    if (xmlName != null && !xmlName.isBlank()) {
      return xmlName;
    }
    String ref = DocumentRefs.ref(schema);
    return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
  }

  private void report(String operationId, String status) {
    for (String ref : new LinkedHashSet<>(refs.drainUnresolved())) {
      files.warning(spec, "operation '" + operationId + "' response " + status + ": $ref '" + ref + "' cannot be "
          + "followed (only references inside the document are); the part it refers to is left out of mocked "
          + "responses");
    }
  }
}
