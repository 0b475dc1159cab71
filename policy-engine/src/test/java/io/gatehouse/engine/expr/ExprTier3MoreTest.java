package io.gatehouse.engine.expr;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.engine.expr.runtime.CsFormat;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Anonymous types, two-parameter lambdas with {@code Aggregate}, {@code GroupBy}, the Newtonsoft statics taking any
 * value, and {@code DateTimeKind}.
 */
class ExprTier3MoreTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      "anon-json ~ @(JsonConvert.SerializeObject(new { alg = \"HS256\", typ = \"JWT\", n = 1, ok = true })) ~ {\"alg\":\"HS256\",\"typ\":\"JWT\",\"n\":1,\"ok\":true}",
      "anon-nested ~ @(JsonConvert.SerializeObject(new { a = new { b = new[] { 1, 2 } }, c = (string)null })) ~ {\"a\":{\"b\":[1,2]},\"c\":null}",
      "anon-projection ~ @{ var m = context.Request.Method; var o = new { m, context.Request.Url.Host }; return o.m + \"|\" + o.Host; } ~ POST|api.contoso.com",
      "anon-tostring ~ @(new { a = 1, b = \"x\", c = true, d = 1.5 }.ToString()) ~ { a = 1, b = x, c = True, d = 1.5 }",
      "anon-empty ~ @(new { }.ToString()) ~ { }",
      "anon-member-type ~ @(new { a = 1 }.a + 1) ~ 2",
      "anon-jobject ~ @(JObject.FromObject(new { id = 7, tags = new[] { \"x\" } })[\"tags\"][0].ToString()) ~ x",
      "anon-jtoken ~ @(JToken.FromObject(new { id = 7 }).ToString(Newtonsoft.Json.Formatting.None)) ~ {\"id\":7}",
      "anon-equals ~ @(new { a = 1, b = \"x\" }.Equals(new { a = 1, b = \"x\" })) ~ True",
      "anon-select ~ @(JsonConvert.SerializeObject(new[] { \"a\", \"bb\" }.Select(s => new { s, len = s.Length }))) ~ [{\"s\":\"a\",\"len\":1},{\"s\":\"bb\",\"len\":2}]",
      "agg-noseed ~ @(new[] { 1, 2, 3, 4 }.Aggregate((a, b) => a * b)) ~ 24",
      "agg-strings ~ @(new[] { \"a\", \"b\", \"c\" }.Aggregate((x, y) => y + x)) ~ cba",
      "agg-seed ~ @(new[] { \"a\", \"bb\", \"ccc\" }.Aggregate(0, (acc, s) => acc + s.Length)) ~ 6",
      "agg-seed-type ~ @(new[] { 1, 2 }.Aggregate(\"\", (acc, i) => acc + i + \";\")) ~ 1;2;",
      "agg-seed-long ~ @(new[] { 1, 2 }.Aggregate(10L, (acc, i) => acc + i) + int.MaxValue) ~ 2147483660",
      "agg-result ~ @(new[] { 1, 2, 3 }.Aggregate(0, (a, b) => a + b, total => total * 10)) ~ 60",
      "agg-headers ~ @(context.Request.Headers.Aggregate(\"\", (acc, h) => acc + h.Key.Substring(0, 1))) ~ XAAC",
      "paren-lambda ~ @(string.Join(\",\", new[] { 1, 2 }.Select((x) => x * 2))) ~ 2,4",
      "groupby ~ @(string.Join(\";\", new[] { \"apple\", \"avocado\", \"banana\" }.GroupBy(s => s[0]).Select(g => g.Key + \"=\" + g.Count()))) ~ a=2;b=1",
      "groupby-enum ~ @(string.Join(\";\", new[] { 1, 2, 3, 4, 5 }.GroupBy(i => i % 2 == 0).Select(g => g.Key + \":\" + string.Join(\",\", g)))) ~ False:1,3,5;True:2,4",
      "groupby-elem ~ @(string.Join(\";\", new[] { \"ax\", \"ay\", \"bz\" }.GroupBy(s => s.Substring(0, 1), s => s.Substring(1)).Select(g => g.Key + string.Join(\"\", g.ToArray())))) ~ axy;bz",
      "groupby-dict ~ @(new[] { \"a\", \"b\", \"a\" }.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count())[\"a\"]) ~ 2",
      "groupby-first ~ @(new[] { 3, 1, 3 }.GroupBy(i => i).First().First()) ~ 3",
      "anon-array ~ @(new[] { new { a = 1 }, new { a = 2 } }.Sum(x => x.a)) ~ 3",
      "anon-linq ~ @(context.Request.Headers.Select(h => new { h.Key, v = h.Value[0] }).First().v) ~ contoso",
      "serialize-dict ~ @(JsonConvert.SerializeObject(new Dictionary<string, object> { { \"a\", 1 } })) ~ {\"a\":1}",
      "deserialize ~ @(JsonConvert.DeserializeObject<JObject>(\"{\\\"a\\\":[1]}\")[\"a\"][0].ToString() + JsonConvert.DeserializeObject<int>(\"7\")) ~ 17",
      "datetime-kind ~ @(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).ToString(\"o\")) ~ 2024-01-02T03:04:05.0000000Z",
      "datetime-kind-ms ~ @(new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc).AddSeconds(10).Kind) ~ Utc",
      "datetime-unix ~ @((long)(new DateTime(2024, 3, 5, 7, 8, 10, DateTimeKind.Utc) - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds) ~ 1709622490",
      "specify-kind ~ @(DateTime.SpecifyKind(new DateTime(2024, 1, 2), DateTimeKind.Local).Kind) ~ Local",
      "typed-arrays ~ @(string.Join(\",\", new string[] { \"a\", \"b\" }) + new int[] { 1, 2, 3 }.Sum()) ~ a,b6",
  })
  void evaluates(String id, String text, String expected) {
    assertThat(CsFormat.toDisplayString(ExprVectorsTest.eval(text, ResultType.ANY))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', value = {
      "@(new int[0].Aggregate((a, b) => a + b)) ~ Sequence contains no elements",
  })
  void failures(String text, String message) {
    assertThatThrownBy(() -> ExprVectorsTest.eval(text, ResultType.ANY)).isInstanceOf(ExpressionFailure.class)
        .hasMessageContaining(message);
  }

  /** The corpus snippet "Create HMAC SHA256-Signed JWT", run end to end at CTX-A's clock. */
  @Test
  void hmacSignedJwtSnippet() throws Exception {
    String block = """
        @{
          var header = new { typ = "JWT", alg = "HS256" };
          var jwtHeaderBase64UrlEncoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(header))).Replace("/", "_").Replace("+", "-"). Replace("=", "");
          var exp = new DateTimeOffset(DateTime.Now.AddMinutes(10)).ToUnixTimeSeconds();
          var username = "john_doe";
          var payload = new { exp, username };
          var jwtPayloadBase64UrlEncoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(payload))).Replace("/", "_").Replace("+", "-"). Replace("=", "");
          var signature = new HMACSHA256(Encoding.UTF8.GetBytes("secret")).ComputeHash(Encoding.UTF8.GetBytes($"{jwtHeaderBase64UrlEncoded}.{jwtPayloadBase64UrlEncoded}"));
          var jwtSignatureBase64UrlEncoded = Convert.ToBase64String(signature).Replace("/", "_").Replace("+", "-"). Replace("=", "");
          return $"Bearer {jwtHeaderBase64UrlEncoded}.{jwtPayloadBase64UrlEncoded}.{jwtSignatureBase64UrlEncoded}";
        }""";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String head = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9";
    String body = b64.encodeToString("{\"exp\":1709623090,\"username\":\"john_doe\"}".getBytes(UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("secret".getBytes(UTF_8), "HmacSHA256"));
    String sig = b64.encodeToString(mac.doFinal((head + "." + body).getBytes(UTF_8)));
    assertThat(ExprVectorsTest.eval(block, ResultType.ANY)).isEqualTo("Bearer " + head + "." + body + "." + sig);
  }
}
