package io.gatehouse.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Must-reject inputs report the right reason. */
class ExprDiagnosticsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      "@(context.Response.Headers.ContainsKey('Retry-After')) ~ too many characters in character literal",
      "@{ JObject o = new JObject(); o.Add(\"a\", 1) return o.ToString(); } ~ ';' expected",
      "@(context.Variables.ContainsKey(\"latlong=\"\"\") ~ expected",
      "@{ string s = \"abc\"; s[0] = 'm'; return s; } ~ read only",
      "@{ var x = 1; if (x > 0) { return \"a\"; } } ~ not all code paths return a value",
      "@(request.Headers.GetValueOrDefault(\"Rate-Key\", \"\")) ~ unknown identifier 'request'",
      "@(JToken.Parse(\"1\") == \"1\") ~ operands of type 'JToken' and 'string'",
      "@(context.Variables[\"a\"].Length) ~ 'object' does not contain a definition for 'Length'",
      "@{ var a = 1; { var a = 2; } return a; } ~ CS0136",
      "@(context.Variables[\"mode\"] == \"x\" ? 1 : contxt.Api) ~ did you mean 'context'",
      // anonymous types and two-parameter lambdas
      "@(new { a = null }) ~ cannot assign '<null>' to an anonymous type property",
      "@(new { a = 1, a = 2 }) ~ multiple properties with the same name",
      "@(new { 1 + 2 }) ~ invalid anonymous type member declarator",
      "@(new { a = 1 }.b) ~ does not contain a definition for 'b'",
      "@(new[] { 1 }.Aggregate(x => x)) ~ the lambda has 1 parameter(s); this method expects 2",
      "@(new[] { 1 }.Select((a, b) => a)) ~ the lambda has 2 parameter(s); this method expects 1",
      "@(new[] { 1 }.Aggregate(\"\", (acc, i) => i)) ~ cannot implicitly convert type 'int' to 'string'",
  })
  void reason(String text, String expected) {
    Diagnostics d = new Diagnostics();
    new CSharpExpressionCompiler().compile(new ExpressionSource(text, new Position("p.xml", 1, 1), false),
        ResultType.ANY, d);
    assertThat(d.all()).anySatisfy(x -> assertThat(x.message()).contains(expected));
  }
}
