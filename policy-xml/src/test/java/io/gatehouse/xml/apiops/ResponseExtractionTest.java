package io.gatehouse.xml.apiops;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.PolicySource;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.OperationDefinition;
import io.gatehouse.xml.config.ResponseContent;
import io.gatehouse.xml.config.ResponseDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documented responses read from synthetic specifications through the loader. */
class ResponseExtractionTest {
  private static final String OPENAPI3 = """
      openapi: 3.0.1
      info: {title: pets, version: '1'}
      paths:
        /pets/{id}:
          get:
            operationId: get-pet
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
                  application/xml:
                    schema: {$ref: '#/components/schemas/Pet'}
                  text/plain:
                    example: just text
              2xx:
                description: other success
                content:
                  application/json:
                    examples:
                      external: {externalValue: 'https://example.com/x.json'}
                      named: {$ref: '#/components/examples/Named'}
              '404': {$ref: '#/components/responses/NotFound'}
              default:
                description: error
                content:
                  application/problem+json:
                    example: {title: failed, status: 500}
              x-extension: {}
              oops: {description: not a status}
          delete:
            operationId: delete-pet
            responses:
              '204': {description: gone}
              '500':
                description: broken
                content:
                  application/json:
                    schema: {$ref: 'shared.yaml#/Error'}
      components:
        examples:
          Named: {value: [{id: 9}]}
        responses:
          NotFound:
            description: missing
            content:
              application/json:
                schema: {type: object, example: {code: 404}}
        schemas:
          Pet:
            type: object
            xml: {name: pet}
            properties:
              id: {type: integer}
              tags: {type: array, items: {type: string}}
      """;

  private static final String SWAGGER2 = """
      {"swagger": "2.0", "info": {"title": "old", "version": "1"}, "produces": ["application/json"],
       "paths": {"/things": {"get": {"operationId": "list-things", "produces": ["application/json", "text/xml"],
         "responses": {
           "200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "#/definitions/Thing"}},
                   "examples": {"text/xml": "<things/>"}},
           "400": {"$ref": "#/responses/Bad"}}}},
         "/other": {"post": {"operationId": "make-thing",
           "responses": {"201": {"description": "made", "schema": {"$ref": "#/definitions/Thing"}}}}}},
       "definitions": {"Thing": {"type": "object", "properties": {"name": {"type": "string", "example": "bolt"}}}},
       "responses": {"Bad": {"description": "bad", "examples": {"application/json": {"error": "bad"}}}}}
      """;

  @TempDir Path root;
  private final Diagnostics diagnostics = new Diagnostics();

  private OperationDefinition operation(String spec, String file, String operationId) throws IOException {
    Path api = root.resolve("apis/pets");
    Files.createDirectories(api);
    Files.writeString(api.resolve("apiInformation.json"), "{\"properties\": {\"path\": \"pets\"}}");
    Files.writeString(api.resolve(file), spec);
    GatewayConfig config = ApiOpsLoader.load(root, ApiOpsOptions.defaults(), diagnostics);
    assertThat(diagnostics.errorCount()).as(diagnostics.all().toString()).isZero();
    return config.api("pets").operation(operationId);
  }

  private static Map<String, ResponseContent> content(OperationDefinition op, String status) {
    return op.responses().stream().filter(r -> r.status().equals(status)).findFirst().orElseThrow().content();
  }

  @Test
  void openApi3ResponsesInDocumentOrderWithExamplesAndSamples() throws IOException {
    OperationDefinition op = operation(OPENAPI3, "specification.yaml", "get-pet");

    assertThat(op.responses()).extracting(ResponseDefinition::status)
        .containsExactly("200", "2XX", "404", "default");
    assertThat(content(op, "200")).containsExactly(
        Map.entry("application/json", new ResponseContent(null, "{\"id\":0,\"tags\":[\"string\"]}")),
        Map.entry("application/xml", new ResponseContent(null, "<pet><id>0</id><tags>string</tags></pet>")),
        Map.entry("text/plain", new ResponseContent("just text", null)));
    assertThat(content(op, "2XX")).containsExactly(
        Map.entry("application/json", new ResponseContent("[{\"id\":9}]", null)));
    assertThat(content(op, "404")).containsExactly(
        Map.entry("application/json", new ResponseContent("{\"code\":404}", null)));
    assertThat(content(op, "default")).containsExactly(
        Map.entry("application/problem+json", new ResponseContent("{\"title\":\"failed\",\"status\":500}", null)));
  }

  @Test
  void unusablePartsAreWarningsNotErrors() throws IOException {
    OperationDefinition delete = operation(OPENAPI3, "specification.yaml", "delete-pet");

    assertThat(delete.responses()).containsExactly(
        new ResponseDefinition("204", Map.of()),
        new ResponseDefinition("500", Map.of("application/json", ResponseContent.EMPTY)));
    assertThat(diagnostics.all()).extracting(Diagnostic::message).containsExactly(
        "operation 'get-pet': response key 'oops' is not a status code, a range such as 2XX or 'default'; the "
            + "response is ignored",
        "operation 'delete-pet' response 500: $ref 'shared.yaml#/Error' cannot be followed (only references inside "
            + "the document are); the part it refers to is left out of mocked responses");
  }

  @Test
  void swagger2ExamplesPerMimeTypeAndSchemasPerProducedType() throws IOException {
    OperationDefinition list = operation(SWAGGER2, "specification.json", "list-things");

    assertThat(content(list, "200")).containsExactly(
        Map.entry("text/xml", new ResponseContent("<things/>", null)),
        Map.entry("application/json", new ResponseContent(null, "[{\"name\":\"bolt\"}]")));
    assertThat(content(list, "400")).containsExactly(
        Map.entry("application/json", new ResponseContent("{\"error\":\"bad\"}", null)));
    OperationDefinition make = operation(SWAGGER2, "specification.json", "make-thing");
    assertThat(content(make, "201")).as("document-level produces").containsExactly(
        Map.entry("application/json", new ResponseContent(null, "{\"name\":\"bolt\"}")));
  }

  @Test
  void responsesSurviveAnOperationPolicy() throws IOException {
    OperationDefinition op = operation(OPENAPI3, "specification.yaml", "get-pet");
    OperationDefinition withPolicy = op.withPolicy(new PolicySource("p", "<policies/>"));
    assertThat(withPolicy.responses()).isEqualTo(op.responses());
    assertThat(new OperationDefinition("x", null, "get", "/x", null).responses()).isEqualTo(List.of());
  }
}
