package io.gatehouse.xml.apiops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** Samples generated from schemas inside a small document with components. */
class SchemaSamplerTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String COMPONENTS = """
      components:
        schemas:
          Pet:
            type: object
            properties:
              id: {type: integer, format: int64}
              name: {type: string}
              tag: {$ref: '#/components/schemas/Tag'}
              password: {type: string, writeOnly: true}
          Tag:
            type: object
            properties:
              label: {type: string, enum: [red, green]}
          Node:
            type: object
            properties:
              name: {type: string}
              children: {type: array, items: {$ref: '#/components/schemas/Node'}}
              parent: {$ref: '#/components/schemas/Node'}
          A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
          B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, n: {type: boolean}}}
      """;

  private static String sample(String schemaYaml) throws Exception {
    JsonNode document = YAML.readTree(COMPONENTS + "schema: " + schemaYaml + "\n");
    JsonNode sample = new SchemaSampler(new DocumentRefs(document)).sample(document.get("schema"));
    return sample == null ? null : new ObjectMapper().writeValueAsString(sample);
  }

  @Test
  void objectsWithReferencedPropertiesLeavingWriteOnlyOut() throws Exception {
    assertThat(sample("{$ref: '#/components/schemas/Pet'}"))
        .isEqualTo("{\"id\":0,\"name\":\"string\",\"tag\":{\"label\":\"red\"}}");
  }

  @Test
  void arraysHoldOneItem() throws Exception {
    assertThat(sample("{type: array, items: {type: boolean}}")).isEqualTo("[true]");
    assertThat(sample("{type: array}")).isEqualTo("[]");
  }

  @Test
  void stringsFollowTheirFormat() throws Exception {
    assertThat(sample("""
        {type: object, properties: {
          at: {type: string, format: date-time}, day: {type: string, format: date},
          id: {type: string, format: uuid}, mail: {type: string, format: email},
          home: {type: string, format: uri}, plain: {type: string}, odd: {type: string, format: zip}}}"""))
        .isEqualTo("{\"at\":\"2024-01-01T00:00:00Z\",\"day\":\"2024-01-01\","
            + "\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"mail\":\"user@example.com\","
            + "\"home\":\"https://example.com/\",\"plain\":\"string\",\"odd\":\"string\"}");
  }

  @Test
  void numbersStartAtTheirMinimum() throws Exception {
    assertThat(sample("{type: integer}")).isEqualTo("0");
    assertThat(sample("{type: integer, minimum: 5}")).isEqualTo("5");
    assertThat(sample("{type: integer, minimum: 5, exclusiveMinimum: true}")).isEqualTo("6");
    assertThat(sample("{type: number, minimum: 1.5}")).isEqualTo("1.5");
    assertThat(sample("{type: number, maximum: -3}")).isEqualTo("-3");
  }

  @Test
  void statedValuesWin() throws Exception {
    assertThat(sample("{type: string, example: 'Rex'}")).isEqualTo("\"Rex\"");
    assertThat(sample("{type: integer, default: 7}")).isEqualTo("7");
    assertThat(sample("{type: string, enum: [b, a]}")).isEqualTo("\"b\"");
    assertThat(sample("{type: [string, 'null'], examples: [x, y]}")).isEqualTo("\"x\"");
  }

  @Test
  void compositionMergesAllOfAndPicksTheFirstAlternative() throws Exception {
    assertThat(sample("{allOf: [{$ref: '#/components/schemas/Tag'}, {properties: {extra: {type: integer}}}]}"))
        .isEqualTo("{\"label\":\"red\",\"extra\":0}");
    assertThat(sample("{oneOf: [{type: boolean}, {type: string}]}")).isEqualTo("true");
    assertThat(sample("{type: [integer, 'null']}")).isEqualTo("0");
  }

  @Test
  void recursiveSchemasStopAtTheSecondVisit() throws Exception {
    assertThat(sample("{$ref: '#/components/schemas/Node'}")).isEqualTo("{\"name\":\"string\",\"children\":[]}");
    assertThat(sample("{$ref: '#/components/schemas/A'}")).isEqualTo("{\"b\":{\"n\":true}}");
  }

  @Test
  void deepNestingIsCut() throws Exception {
    String schema = "{type: string}";
    for (int i = 0; i < SchemaSampler.MAX_DEPTH + 5; i++) {
      schema = "{type: object, properties: {p: " + schema + "}}";
    }
    String sample = sample(schema);
    assertThat(sample).doesNotContain("string");
    assertThat(sample.chars().filter(c -> c == '{').count()).isEqualTo(SchemaSampler.MAX_DEPTH + 1);
  }

  @Test
  void nothingForEmptyOrUnresolvableSchemas() throws Exception {
    assertThat(sample("{}")).isNull();
    assertThat(sample("{$ref: '#/components/schemas/Missing'}")).isNull();
    assertThat(sample("{$ref: 'other.yaml#/Pet'}")).isNull();
  }
}
