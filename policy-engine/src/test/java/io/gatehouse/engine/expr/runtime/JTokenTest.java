package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JTokenTest {
  private static final String BODY = "{\"customer\":{\"id\":\"c-1\",\"tier\":\"gold\"},\"items\":[{\"sku\":\"A1\","
      + "\"qty\":2,\"price\":9.5},{\"sku\":\"B2\",\"qty\":1,\"price\":20}],\"express\":true}";

  private static CsException thrown(Runnable r) {
    try {
      r.run();
    } catch (CsException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void specVectors() {
    JObject body = JObject.parse(BODY);
    assertThat(JToken.explicitCast(body.get("customer").get("tier"), JsonTarget.STRING, false)).isEqualTo("gold"); // V18
    assertThat(body.selectToken("items[1].sku").toString()).isEqualTo("B2"); // V20
    double sum = 0;
    for (JToken i : (JArray) body.get("items")) {
      sum += (int) JToken.explicitCast(i.get("qty"), JsonTarget.INT32, false)
          * (double) JToken.explicitCast(i.get("price"), JsonTarget.DOUBLE, false);
    }
    assertThat(CsFormat.toDisplayString(sum)).isEqualTo("39"); // V19
    JObject o = new JObject(new JProperty("id", "u-123"), new JProperty("n", 2));
    assertThat(o.toString(Formatting.None)).isEqualTo("{\"id\":\"u-123\",\"n\":2}"); // V21
    JObject n = JObject.parse("{\"n\":null}");
    assertThat(n.get("n") == null).isFalse(); // V34
    assertThat(JToken.explicitCast(n.get("n"), JsonTarget.STRING, false)).isNull();
    assertThat(JObject.parse("{\"active\":false}").get("active").toObject(JsonTarget.BOOLEAN, false))
        .isEqualTo(false); // V33
  }

  @Test
  void indentedToStringUsesTwoSpacesAndCrLf() {
    JObject o = JObject.parse("{\"a\":[1,2.0],\"b\":{},\"c\":[],\"d\":{\"e\":null}}");
    assertThat(o.toString()).isEqualTo("{\r\n  \"a\": [\r\n    1,\r\n    2.0\r\n  ],\r\n  \"b\": {},\r\n"
        + "  \"c\": [],\r\n  \"d\": {\r\n    \"e\": null\r\n  }\r\n}");
    assertThat(o.property("a").toString()).isEqualTo("\"a\": [\r\n  1,\r\n  2.0\r\n]");
  }

  @Test
  void jvalueToString() {
    assertThat(new JValue("B2").toString()).isEqualTo("B2");
    assertThat(new JValue(true).toString()).isEqualTo("True");
    assertThat(new JValue(1.0).toString()).isEqualTo("1");
    assertThat(JValue.createNull().toString()).isEqualTo("");
    assertThat(new JValue("x").toString(Formatting.None)).isEqualTo("\"x\"");
    assertThat(new JValue(1.0).toString(Formatting.None)).isEqualTo("1.0");
    assertThat(new JValue(new BigDecimal("1.10")).toString(Formatting.None)).isEqualTo("1.10");
    assertThat(new JValue(1e21).toString(Formatting.None)).isEqualTo("1E+21");
    assertThat(new JValue(Double.NaN).toString(Formatting.None)).isEqualTo("\"NaN\"");
    assertThat(new JValue("a\"b\\c\n\u0001\u2028é").toString(Formatting.None))
        .isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u2028é\"");
  }

  @Test
  void parseDefaults() {
    JObject o = JObject.parse("// c\n{ a: 1, 'b': 'x', /* c */ \"a\": 2, \"big\": 123456789012345678901234567890,"
        + " \"f\": 1.5, \"e\": 1e2, }");
    assertThat(o.get("a").type()).isEqualTo(JTokenType.Integer);
    assertThat(((JValue) o.get("a")).value()).isEqualTo(2L);
    assertThat(o.properties()).hasSize(5);
    assertThat(((JValue) o.get("big")).value()).isInstanceOf(BigInteger.class);
    assertThat(((JValue) o.get("f")).value()).isEqualTo(1.5);
    assertThat(o.get("e").type()).isEqualTo(JTokenType.Float);
    assertThat(o.get("b").toString()).isEqualTo("x");
    assertThat(JArray.parse("[1,2,]").count()).isEqualTo(2);
  }

  @Test
  void parseErrors() {
    CsException e = thrown(() -> JObject.parse("[1]"));
    assertThat(e.typeName()).isEqualTo("JsonReaderException");
    assertThat(e.isA("JsonException")).isTrue();
    assertThat(e.getMessage()).isEqualTo("Error reading JObject from JsonReader. Current JsonReader item is not an "
        + "object: StartArray. Path '', line 1, position 1.");
    assertThat(thrown(() -> JArray.parse("{}")).getMessage()).startsWith(
        "Error reading JArray from JsonReader. Current JsonReader item is not an array: StartObject.");
    assertThat(thrown(() -> JObject.parse("{\"a\":1} x")).getMessage())
        .startsWith("Additional text encountered after finished reading JSON content: x.");
    assertThat(thrown(() -> JObject.parse("{\"a\":")).typeName()).isEqualTo("JsonReaderException");
    assertThat(thrown(() -> JToken.parse("[".repeat(100) + "]".repeat(100))).getMessage())
        .startsWith("The reader's MaxDepth of 64 has been exceeded.");
  }

  @Test
  void datesFollowSection67() {
    JObject o = JObject.parse("{\"d\":\"2024-03-05T07:08:09Z\",\"f\":\"2024-03-05T07:08:09.120Z\",\"s\":\"2024-03-05\"}");
    assertThat(o.get("d").type()).isEqualTo(JTokenType.Date);
    assertThat(JToken.explicitCast(o.get("d"), JsonTarget.STRING, false)).isEqualTo("03/05/2024 07:08:09");
    assertThat(o.get("d").toString()).isEqualTo("03/05/2024 07:08:09");
    assertThat(o.get("s").type()).isEqualTo(JTokenType.String);
    assertThat(o.toString(Formatting.None)).isEqualTo(
        "{\"d\":\"2024-03-05T07:08:09Z\",\"f\":\"2024-03-05T07:08:09.12Z\",\"s\":\"2024-03-05\"}");
    CsDateTime d = (CsDateTime) JToken.explicitCast(o.get("d"), JsonTarget.DATETIME, false);
    assertThat(d.kind()).isEqualTo(CsDateTimeKind.Utc);
  }

  @Test
  void indexersAndNavigation() {
    JObject o = JObject.parse(BODY);
    assertThat(o.get("zz")).isNull();
    CsException e = thrown(() -> o.get("express").get("x"));
    assertThat(e.typeName()).isEqualTo("InvalidOperationException");
    assertThat(e.getMessage()).isEqualTo("Cannot access child value on Newtonsoft.Json.Linq.JValue.");
    assertThat(thrown(() -> o.get("items").get(5)).typeName()).isEqualTo("ArgumentOutOfRangeException");
    assertThat(o.get("items").get(1).get("sku").path()).isEqualTo("items[1].sku");
    assertThat(o.get("customer").parent()).isInstanceOf(JProperty.class);
    assertThat(o.selectToken("$.customer.id").toString()).isEqualTo("c-1");
    assertThat(o.selectToken("['customer']['tier']").toString()).isEqualTo("gold");
    assertThat(o.selectToken("items[9].sku")).isNull();
    assertThat(o.selectTokens("items[*].sku")).hasSize(2);
    assertThat(o.selectTokens("$..sku")).hasSize(2);
    assertThat(thrown(() -> o.selectToken("items[*].sku")).typeName()).isEqualTo("JsonException");
    assertThat(o.value("express", JsonTarget.BOOLEAN, false)).isEqualTo(true);
    assertThat(o.value("nope", JsonTarget.INT32, false)).isEqualTo(0);
    assertThat(o.value("nope", JsonTarget.INT32, true)).isNull();
    assertThat(o.get("items").get(0).value("qty", JsonTarget.STRING, false)).isEqualTo("2");
    assertThat(o.get("items").values(JsonTarget.JOBJECT, false)).hasSize(2);
    assertThat(o.get("customer").values(JsonTarget.STRING, false)).containsExactly("c-1", "gold");
    assertThat(o.get("customer").hasValues()).isTrue();
    assertThat(o.get("items").first().next()).isSameAs(o.get("items").get(1));
  }

  @Test
  void mutation() {
    JObject o = new JObject();
    o.set("a", 1);
    o.set("b", "x");
    o.set("a", true);
    assertThat(o.toString(Formatting.None)).isEqualTo("{\"a\":true,\"b\":\"x\"}");
    CsException dup = thrown(() -> o.add("a", 2));
    assertThat(dup.typeName()).isEqualTo("ArgumentException");
    assertThat(dup.getMessage()).isEqualTo(
        "Can not add property a to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.");
    assertThat(o.remove("a")).isTrue();
    assertThat(o.remove("a")).isFalse();
    o.add("arr", new JArray(1, "two", null));
    assertThat(o.toString(Formatting.None)).isEqualTo("{\"b\":\"x\",\"arr\":[1,\"two\",null]}");
    o.property("b").remove();
    assertThat(o.toString(Formatting.None)).isEqualTo("{\"arr\":[1,\"two\",null]}");
    assertThat(thrown(() -> o.get("arr").parent().children().get(0).remove()).typeName())
        .isEqualTo("InvalidOperationException");
    JObject copy = (JObject) o.deepClone();
    ((JArray) copy.get("arr")).add(4);
    assertThat(o.get("arr").children()).hasSize(3);
    assertThat(JToken.deepEquals(o, JObject.parse("{\"arr\":[1,\"two\",null]}"))).isTrue();
    JObject other = new JObject(new JProperty("x", o.get("arr")));
    assertThat(other.get("x")).isNotSameAs(o.get("arr"));
    assertThat(new JProperty("list", List.of("a", "b")).toString(Formatting.None)).isEqualTo("\"list\":[\"a\",\"b\"]");
  }

  @Test
  void explicitConversions() {
    assertThat(JToken.explicitCast(new JValue("5"), JsonTarget.INT32, false)).isEqualTo(5);
    assertThat(JToken.explicitCast(new JValue(5), JsonTarget.STRING, false)).isEqualTo("5");
    assertThat(JToken.explicitCast(new JValue("true"), JsonTarget.BOOLEAN, false)).isEqualTo(true);
    assertThat(JToken.explicitCast(new JValue(2.5), JsonTarget.INT32, false)).isEqualTo(2);
    assertThat(JToken.explicitCast(new JValue(9.5), JsonTarget.DECIMAL, false)).isEqualTo(new BigDecimal("9.5"));
    assertThat(JToken.explicitCast(null, JsonTarget.INT32, true)).isNull();
    assertThat(JToken.explicitCast(JValue.createNull(), JsonTarget.INT32, true)).isNull();
    CsException nullValue = thrown(() -> JToken.explicitCast(null, JsonTarget.INT32, false));
    assertThat(nullValue.typeName()).isEqualTo("ArgumentNullException");
    CsException jsonNull = thrown(() -> JToken.explicitCast(JValue.createNull(), JsonTarget.INT32, false));
    assertThat(jsonNull.typeName()).isEqualTo("ArgumentException");
    assertThat(jsonNull.getMessage()).isEqualTo("Can not convert Null to Int32.");
    CsException obj = thrown(() -> JToken.explicitCast(new JObject(), JsonTarget.STRING, false));
    assertThat(obj.getMessage()).isEqualTo("Can not convert Object to String.");
    assertThat(thrown(() -> JToken.explicitCast(new JValue("abc"), JsonTarget.INT32, false)).typeName())
        .isEqualTo("FormatException");
    assertThat(thrown(() -> JToken.explicitCast(new JArray(), JsonTarget.JOBJECT, false)).typeName())
        .isEqualTo("InvalidCastException");
    assertThat(JToken.explicitCast(new JValue("0f8fad5b-d9cb-469f-a165-70867728950e"), JsonTarget.GUID, false))
        .hasToString("0f8fad5b-d9cb-469f-a165-70867728950e");
  }

  @Test
  void jsonConvert() {
    assertThat(JsonConvert.serializeObject(Map.of("a", 1))).isEqualTo("{\"a\":1}");
    assertThat(JsonConvert.serializeObject(new String[] {"a", null})).isEqualTo("[\"a\",null]");
    assertThat(JsonConvert.serializeObject("x")).isEqualTo("\"x\"");
    assertThat(JsonConvert.serializeObject(null)).isEqualTo("null");
    assertThat(JsonConvert.serializeObject(new JObject(new JProperty("a", 1)), Formatting.Indented))
        .isEqualTo("{\r\n  \"a\": 1\r\n}");
    assertThat(JsonConvert.deserializeObject("{\"a\":1}")).isInstanceOf(JObject.class);
    assertThat(JsonConvert.deserializeObject("42")).isEqualTo(42L);
    assertThat(JsonConvert.deserializeObject("42", JsonTarget.INT32, false)).isEqualTo(42);
    assertThat(JToken.fromObject(List.of(1, 2)).toString(Formatting.None)).isEqualTo("[1,2]");
    assertThat(JToken.fromObject(3).type()).isEqualTo(JTokenType.Integer);
  }
}
