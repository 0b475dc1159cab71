package io.gatehouse.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.expr.runtime.CsFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tier 2 and Tier 3 vectors of spec section 10 plus the Tier 2 syntax and library of sections 4 and 8. */
class ExprTier2Test {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      "V35 ~ @(Convert.ToBase64String(Encoding.UTF8.GetBytes(\"user:pa55\"))) ~ dXNlcjpwYTU1",
      "V36 ~ @(Regex.Match(context.Response.Headers.GetValueOrDefault(\"Cache-Control\", \"\"), @\"max-age=(?<age>\\d+)\").Groups[\"age\"].Value) ~ 300",
      "V37 ~ @(Math.Round(5 / 2.0) + Math.Round(7 / 2.0)) ~ 6",
      "V38 ~ @(Guid.Parse(\"0F8FAD5B-D9CB-469F-A165-70867728950E\").ToString(\"N\")) ~ 0f8fad5bd9cb469fa16570867728950e",
      "V39 ~ @{ var x = XElement.Parse(\"<a><b id=\\\"1\\\">hi</b></a>\"); return (string)x.Element(\"b\") + \"|\" + (int)x.Element(\"b\").Attribute(\"id\"); } ~ hi|1",
      "V40 ~ @(Uri.EscapeDataString(\"a b/c?d=é\") + \"|\" + System.Net.WebUtility.UrlEncode(\"a b/c?d=é\")) ~ a%20b%2Fc%3Fd%3D%C3%A9|a+b%2Fc%3Fd%3D%C3%A9",
      "HMAC ~ @{ using (var h = new HMACSHA256(Encoding.UTF8.GetBytes(\"key\"))) { return Convert.ToBase64String(h.ComputeHash(Encoding.UTF8.GetBytes(\"The quick brown fox jumps over the lazy dog\"))); } } ~ 97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=",
      "SHA256 ~ @(BitConverter.ToString(SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes(\"abc\"))).Replace(\"-\", \"\").Substring(0, 8)) ~ BA7816BF",
      "out-var ~ @{ int n; if (int.TryParse(\"42\", out n)) { return n + 1; } return -1; } ~ 43",
      "out-var2 ~ @(int.TryParse(\"x\", out var n) ? n : -1) ~ -1",
      "out-typed ~ @{ if (context.Request.Headers.TryGetValue(\"X-Tenant\", out string[] v)) { return v[0]; } return \"none\"; } ~ contoso",
      "try-jwt ~ @{ Jwt jwt; return context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\").TryParseJwt(out jwt) ? jwt.Subject : \"-\"; } ~ user-42",
      "basic ~ @(\"Basic dXNlcjpwYTU1\".AsBasic().Password) ~ pa55",
      "try-basic ~ @(\"Bearer x\".TryParseBasic(out var c) ? c.UserId : \"no\") ~ no",
      "is-name ~ @{ object o = context.Variables[\"retryCount\"]; if (o is int i) { return i * 2; } return 0; } ~ 6",
      "list-init ~ @{ var l = new List<string> { \"a\", \"b\" }; l.Add(\"c\"); return string.Join(\",\", l) + l.Count; } ~ a,b,c3",
      "dict-init ~ @{ var d = new Dictionary<string, int> { { \"a\", 1 }, [\"b\"] = 2 }; d[\"c\"] = 3; return d[\"a\"] + d[\"b\"] + d[\"c\"] + d.Count; } ~ 9",
      "set ~ @{ var s = new HashSet<string>(); s.Add(\"x\"); return s.Add(\"x\") + \"|\" + s.Contains(\"x\") + \"|\" + s.Count; } ~ False|True|1",
      "jobject-init ~ @(new JObject { [\"a\"] = 1, [\"b\"] = \"x\" }.ToString(Newtonsoft.Json.Formatting.None)) ~ {\"a\":1,\"b\":\"x\"}",
      "timespan ~ @(TimeSpan.FromMinutes(90).TotalHours + \"|\" + TimeSpan.FromSeconds(3661.001)) ~ 1.5|01:01:01.0010000",
      "dto ~ @(new DateTimeOffset(context.Timestamp).ToUnixTimeSeconds()) ~ 1709622489",
      "dto2 ~ @(DateTimeOffset.FromUnixTimeSeconds(1893456000).UtcDateTime.ToString(\"s\")) ~ 2030-01-01T00:00:00",
      "date-diff ~ @((context.Timestamp.AddHours(2) - context.Timestamp).TotalMinutes) ~ 120",
      "sb ~ @{ var sb = new StringBuilder(); sb.Append(\"a\").Append(1).Append(true); return sb.ToString() + sb.Length; } ~ a1True6",
      "regex-opts ~ @(Regex.IsMatch(\"ABC\", \"^abc$\", RegexOptions.IgnoreCase | RegexOptions.Multiline)) ~ True",
      "regex-replace ~ @(Regex.Replace(\"a1b22\", @\"\\d+\", \"#\")) ~ a#b#",
      "math ~ @(Math.Max(3, 7) + Math.Abs(-2) + Math.Floor(2.7) + Math.Pow(2, 3)) ~ 19",
      "html ~ @(System.Net.WebUtility.HtmlEncode(\"<a&b>\")) ~ &lt;a&amp;b&gt;",
      "linq ~ @(string.Join(\",\", new[] { 3, 1, 3, 2 }.Distinct().Skip(1).Take(2).Reverse()) + new[] { 5 }.Single()) ~ 2,15",
      "single-default ~ @(new[] { \"a\", \"b\" }.SingleOrDefault(x => x == \"c\") ?? \"none\") ~ none",
      "typeof ~ @(default(int) + \"|\" + default(string)) ~ 0|",
  })
  void tier2(String id, String text, String expected) {
    assertThat(CsFormat.toDisplayString(ExprVectorsTest.eval(text, ResultType.ANY))).isEqualTo(expected);
  }
}
