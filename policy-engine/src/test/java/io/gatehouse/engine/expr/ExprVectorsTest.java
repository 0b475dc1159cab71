package io.gatehouse.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import io.gatehouse.xml.Severity;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The test vectors and must-reject inputs of spec expressions.md section 10. */
class ExprVectorsTest {
  static Object eval(String text, ResultType type) {
    Diagnostics d = new Diagnostics();
    CompiledExpression e = new CSharpExpressionCompiler()
        .compile(new ExpressionSource(text, new Position("p.xml", 3, 5), false), type, d);
    assertThat(d.all().stream().filter(x -> x.severity() == Severity.ERROR)).as(text).isEmpty();
    return e.evaluate(new CtxA());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      "V01 ~ @(context.Request.Headers.GetValueOrDefault(\"X-Tenant\", \"none\")) ~ contoso",
      "V02 ~ @(context.Request.Headers.GetValueOrDefault(\"Accept\", \"\")) ~ application/json,text/plain",
      "V03 ~ @(context.Request.Headers.GetValueOrDefault(\"X-Missing\") ?? \"anon\") ~ anon",
      "V04 ~ @(context.Variables.GetValueOrDefault<int>(\"retryCount\") + 1) ~ 4",
      "V05 ~ @(context.Variables.GetValueOrDefault<int>(\"nope\", 5) * 2) ~ 10",
      "V06 ~ @((string)context.Variables[\"userId\"] == \"u-123\") ~ True",
      "V07 ~ @(context.Variables.ContainsKey(\"isMobile\") && !(bool)context.Variables[\"isMobile\"]) ~ True",
      "V08 ~ @(context.Request.Method == \"POST\" ? \"write\" : \"read\") ~ write",
      "V09 ~ @(context.Request.Url.Query.GetValueOrDefault(\"tag\", \"\")) ~ a,b",
      "V10 ~ @(int.Parse(context.Request.MatchedParameters[\"orderId\"]) / 5) ~ 8",
      "V11 ~ @(7 / 2 * 1.0) ~ 3",
      "V12 ~ @(true.ToString() + \"|\" + (1 > 0).ToString().ToLower()) ~ True|true",
      "V13 ~ @(\"n=\" + context.Variables[\"retryCount\"] + 1) ~ n=31",
      "V14 ~ @($\"{context.Api.Name}/{context.Operation.Id}:{context.Response.StatusCode}\") ~ Orders/get-order:404",
      "V15 ~ @(context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\").Split(' ')[1].AsJwt()?.Subject) ~ user-42",
      "V16 ~ @(context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\").Split(' ')[1].AsJwt()?.Claims.GetValueOrDefault(\"roles\", \"\")) ~ reader,writer",
      "V17 ~ @(\"not-a-token\".AsJwt() == null) ~ True",
      "V18 ~ @{ var body = context.Request.Body.As<JObject>(preserveContent: true); return (string)body[\"customer\"][\"tier\"]; } ~ gold",
      "V19 ~ @{ var items = (JArray)context.Request.Body.As<JObject>(true)[\"items\"]; return items.Sum(i => (int)i[\"qty\"] * (double)i[\"price\"]); } ~ 39",
      "V20 ~ @(context.Request.Body.As<JObject>(true).SelectToken(\"items[1].sku\").ToString()) ~ B2",
      "V21 ~ @(new JObject(new JProperty(\"id\", context.Variables[\"userId\"]), new JProperty(\"n\", 2)).ToString(Newtonsoft.Json.Formatting.None)) ~ {\"id\":\"u-123\",\"n\":2}",
      "V22 ~ @(context.Variables.GetValueOrDefault<string>(\"limit\", \"5\").Equals(\"10\", StringComparison.OrdinalIgnoreCase)) ~ True",
      "V23 ~ @(context.Request.Headers.ContainsKey(\"x-tenant\")) ~ True",
      "V24 ~ @(String.Format(\"{0}-{1:000}\", context.Api.Id, 7)) ~ orders-api-007",
      "V25 ~ @(string.Join(\";\", new[] { \"a\", \"b\", \"c\" }.Where(x => x != \"b\"))) ~ a;c",
      "V26 ~ @(context.Timestamp.ToString(\"yyyy-MM-ddTHH:mm:ssZ\")) ~ 2024-03-05T07:08:09Z",
      "V27 ~ @(context.Timestamp.ToString(\"o\")) ~ 2024-03-05T07:08:09.1230000Z",
      "V28 ~ @(context.Timestamp.ToString(\"R\")) ~ `Tue, 05 Mar 2024 07:08:09 GMT`",
      "V29 ~ @{ int n = 0; foreach (var h in context.Request.Headers) { if (h.Key.StartsWith(\"X-\")) { n += h.Value.Length; } } return n; } ~ 1",
      "V30 ~ @(-7 / 2 == -3 && -7 % 3 == -1) ~ True",
      "V31 ~ @(('a' + 1) + \"|\" + \"abc\".Substring(1, 1) + 'x') ~ 98|bx",
      "V33 ~ @((bool)((IResponse)context.Variables[\"tokenResp\"]).Body.As<JObject>()[\"active\"] == false) ~ True",
      "D67 ~ @{ var o = JObject.Parse(\"{\\\"d\\\":\\\"2024-03-05T07:08:09Z\\\"}\"); return (string)o[\"d\"] + \"|\" + o[\"d\"].ToString() + \"|\" + o[\"d\"].Type + \"|\" + o.ToString(Newtonsoft.Json.Formatting.None); } ~ 03/05/2024 07:08:09|03/05/2024 07:08:09|Date|{\"d\":\"2024-03-05T07:08:09Z\"}",
      "V34 ~ @{ var o = JObject.Parse(\"{\\\"n\\\":null}\"); return (o[\"n\"] == null) + \"|\" + ((string)o[\"n\"] == null); } ~ False|True",
  })
  void vector(String id, String text, String expected) {
    assertThat(eval(text, ResultType.STRING)).as(id).isEqualTo(expected);
  }

  @Test
  void typedResults() {
    assertThat(eval("@(context.Variables.GetValueOrDefault<int>(\"retryCount\") + 1)", ResultType.ANY)).isEqualTo(4);
    assertThat(eval("@(7 / 2 * 1.0)", ResultType.ANY)).isEqualTo(3.0);
    assertThat(eval("@(context.Response.StatusCode)", ResultType.INTEGER)).isEqualTo(404L);
    assertThat(eval("@(context.Request.Method == \"POST\")", ResultType.BOOL)).isEqualTo(true);
  }

  @Test
  void v32UnboxingAStringThrowsInvalidCast() {
    assertThatThrownBy(() -> eval("@((int)context.Variables[\"limit\"])", ResultType.ANY))
        .isInstanceOfSatisfying(ExpressionFailure.class,
            e -> assertThat(e.typeName()).isEqualTo("InvalidCastException"));
  }

  @Test
  void nullMemberAccessIsNullReference() {
    assertThatThrownBy(() -> eval("@(context.User.Email)", ResultType.ANY))
        .isInstanceOfSatisfying(ExpressionFailure.class, e -> {
          assertThat(e.typeName()).isEqualTo("NullReferenceException");
          assertThat(e.getMessage()).isEqualTo("Object reference not set to an instance of an object.");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      "@(context.Response.Headers.ContainsKey('Retry-After'))",
      "@{ JObject o = new JObject(); o.Add(\"a\", 1) return o.ToString(); }",
      "@(context.Variables.ContainsKey(\"latlong=\"\"\")",
      "@{ string s = \"abc\"; s[0] = 'm'; return s; }",
      "@{ var x = 1; if (x > 0) { return \"a\"; } }",
      "@(request.Headers.GetValueOrDefault(\"Rate-Key\", \"\"))",
      "@(JToken.Parse(\"1\") == \"1\")",
      "@(context.Variables[\"a\"].Length)",
  })
  void mustReject(String text) {
    Diagnostics d = new Diagnostics();
    CompiledExpression e = new CSharpExpressionCompiler()
        .compile(new ExpressionSource(text, new Position("p.xml", 3, 5), false), ResultType.ANY, d);
    assertThat(e).isNull();
    assertThat(d.hasErrors()).isTrue();
    assertThat(d.all().get(0).position().line()).isEqualTo(3);
  }

  @Test
  void positionsInsideMultiLineBlocks() {
    Diagnostics d = new Diagnostics();
    new CSharpExpressionCompiler().compile(new ExpressionSource("@{\n  var x = 1;\n  return y;\n}",
        new Position("p.xml", 10, 7), false), ResultType.ANY, d);
    assertThat(d.all()).hasSize(1);
    assertThat(d.all().get(0).position()).isEqualTo(new Position("p.xml", 12, 10));
    assertThat(d.all().get(0).message()).contains("'y'");
  }

  @Test
  void secretSourcesAreNotQuoted() {
    Diagnostics d = new Diagnostics();
    new CSharpExpressionCompiler().compile(new ExpressionSource("@(s3cr3tValue.Length)",
        new Position("p.xml", 1, 1), true), ResultType.ANY, d);
    assertThat(d.all().get(0).message()).doesNotContain("s3cr3t");
  }

  @Test
  void millionIterationLoopHitsTheStepBudget() {
    assertThatThrownBy(() -> eval("@{ long n = 0; for (int i = 0; i < 1000000; i++) { n += i; } return n; }",
        ResultType.ANY)).isInstanceOfSatisfying(ExpressionFailure.class,
            e -> assertThat(e.typeName()).isEqualTo("BudgetExceededException"));
  }

  @Test
  void hugeStringIsStopped() {
    assertThatThrownBy(() -> eval("@{ var s = \"x\"; while (true) { s = s + s; } }", ResultType.ANY))
        .isInstanceOfSatisfying(ExpressionFailure.class,
            e -> assertThat(e.typeName()).isEqualTo("BudgetExceededException"));
  }

  @Test
  void budgetFailuresAreNotCatchable() {
    ExpressionOptions small = new ExpressionOptions(1000, Duration.ofSeconds(1), 1000, 1000);
    Diagnostics d = new Diagnostics();
    CompiledExpression e = new CSharpExpressionCompiler(small).compile(new ExpressionSource(
        "@{ try { while (true) { } } catch (Exception e) { return 1; } }", new Position("p", 1, 1), false),
        ResultType.ANY, d);
    assertThatThrownBy(() -> e.evaluate(new CtxA())).isInstanceOf(ExpressionFailure.class);
  }

  @Test
  void catchFiltersOnDotNetTypes() {
    assertThat(eval("@{ try { return int.Parse(\"x\"); } catch (FormatException e) { return -1; } }",
        ResultType.ANY)).isEqualTo(-1);
  }
}
