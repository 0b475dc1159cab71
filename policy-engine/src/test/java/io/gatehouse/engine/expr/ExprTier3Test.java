package io.gatehouse.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.engine.expr.runtime.CsFormUrlEncoded;
import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 3 completion: Tier 3 syntax (local functions, const, unchecked), symmetric encryption, Uri objects, forms and
 * the Tier 2 LINQ extras. Rows marked "mcs" were confirmed with Mono's C# compiler (mcs 6.8) on the dev machine.
 */
class ExprTier3Test {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      // mcs: `c ?.5 : 1.5` is `?` then `.5`
      "cond-real ~ @{ bool c = true; return c ?.5 : 1.5; } ~ 0.5",
      // mcs: KeyValuePair prints [k, v]
      "kvp ~ @(new Dictionary<string, int> { { \"a\", 1 } }.First().ToString()) ~ [a, 1]",
      // mcs: const uint local in TimeSpan.FromSeconds
      "const ~ @{ const uint L = 60 * 20; return TimeSpan.FromSeconds(L).ToString(); } ~ 00:20:00",
      // mcs: unchecked wraps
      "unchecked ~ @(unchecked(int.MaxValue + 1)) ~ -2147483648",
      "unchecked-block ~ @{ long t = 0x1_0000_0001L; byte[] b = new byte[2]; unchecked { b[0] = (byte)(t >> 32); b[1] = (byte)t; } return b[0] + b[1]; } ~ 2",
      // mcs: throw; rethrows the caught exception
      "rethrow ~ @{ try { try { throw new FormatException(\"f\"); } catch (Exception) { throw; } } catch (FormatException e) { return \"re:\" + e.Message; } } ~ re:f",
      "local-fn ~ @{ int F(int n) { return n <= 1 ? 1 : n * F(n - 1); } return F(5); } ~ 120",
      "local-fn-hoisted ~ @{ int A(int x) => B(x) + 1; int B(int x) => x * 2; return A(3); } ~ 7",
      "local-fn-void ~ @{ var total = 0; void Add(int v) { total += v; } Add(2); Add(3); return total; } ~ 5",
      // mcs: AES-128 and 3DES, CBC + PKCS7
      "encrypt-aes ~ @(Convert.ToBase64String(Encoding.UTF8.GetBytes(\"hello\").Encrypt(\"Aes\", Encoding.UTF8.GetBytes(\"0123456789abcdef\"), Encoding.UTF8.GetBytes(\"fedcba9876543210\")))) ~ e+3OsGVfOJQQaXifNkYgkQ==",
      "encrypt-3des ~ @(Convert.ToBase64String(Encoding.UTF8.GetBytes(\"hello\").Encrypt(\"TripleDES\", Encoding.UTF8.GetBytes(\"0123456789abcdef01234567\"), Encoding.UTF8.GetBytes(\"abcdefgh\")))) ~ 5oRYOxEkX80=",
      "decrypt-aes ~ @(Encoding.UTF8.GetString(Convert.FromBase64String(\"e+3OsGVfOJQQaXifNkYgkQ==\").Decrypt(\"Rijndael\", Encoding.UTF8.GetBytes(\"0123456789abcdef\"), Encoding.UTF8.GetBytes(\"fedcba9876543210\")))) ~ hello",
      "symmetric-object ~ @{ var a = SymmetricAlgorithm.Create(\"Aes\"); var c = Encoding.UTF8.GetBytes(\"secret\").Encrypt(a); return Encoding.UTF8.GetString(c.Decrypt(a)) + a.Key.Length + a.IV.Length; } ~ secret3216",
      // mcs: Uri members
      "uri ~ @{ var u = new Uri(\"HTTPS://Example.COM:443/a/b?x=1#f\"); return u.AbsoluteUri + \"|\" + u.Host + \"|\" + u.Port + \"|\" + u.AbsolutePath + \"|\" + u.Query + \"|\" + u.PathAndQuery + \"|\" + u.Scheme; } ~ https://example.com/a/b?x=1#f|example.com|443|/a/b|?x=1|/a/b?x=1|https",
      "uri-relative ~ @(new Uri(new Uri(\"http://h/a/b\"), \"../c?d=1\").AbsoluteUri) ~ http://h/c?d=1",
      // mcs: new Guid(byte[]), HMAC object initializer, BitConverter.ToInt32, Array.Copy
      "guid-bytes ~ @(new Guid(new byte[] {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16}).ToString()) ~ 04030201-0605-0807-090a-0b0c0d0e0f10",
      "hmac-init ~ @(BitConverter.ToString(new HMACSHA256 { Key = Encoding.UTF8.GetBytes(\"key\") }.ComputeHash(Encoding.UTF8.GetBytes(\"x\"))).Substring(0, 8)) ~ 4F-C3-B7",
      "bitconverter ~ @(BitConverter.ToInt32(new byte[] {1, 0, 0, 0, }, 0)) ~ 1",
      "array-copy ~ @{ var dst = new byte[4]; Array.Copy(new byte[] {9, 8, 7}, 1, dst, 2, 2); return string.Join(\",\", dst); } ~ 0,0,8,7",
      "dto-implicit ~ @{ DateTimeOffset o = DateTimeOffset.FromUnixTimeSeconds(1893456000).UtcDateTime; return o.ToUnixTimeSeconds(); } ~ 1893456000",
      "jproperty-remove ~ @{ var o = JObject.Parse(\"{\\\"a\\\":1,\\\"b\\\":2}\"); o.Property(\"a\").Remove(); return o.ToString(Newtonsoft.Json.Formatting.None); } ~ {\"b\":2}",
      // mcs: LINQ extras
      "orderby ~ @(string.Join(\",\", new[] {3, 1, 2}.OrderBy(i => i)) + \"|\" + string.Join(\",\", new[] {\"bb\", \"a\", \"cc\"}.OrderByDescending(s => s.Length).ThenBy(s => s))) ~ 1,2,3|bb,cc,a",
      "orderby-culture ~ @(string.Join(\"\", new[] {\"b\", \"A\", \"a\", \"B\"}.OrderBy(s => s))) ~ aAbB",
      "aggregates ~ @(new[] {1, 2, 3}.Sum() + \"|\" + new[] {1, 2, 3}.Max() + \"|\" + new[] {1, 2, 4}.Average() + \"|\" + new[] {\"a\", \"bb\"}.Min(s => s.Length) + \"|\" + new[] {\"a\", \"bb\"}.Sum(s => s.Length)) ~ 6|3|2.3333333333333335|1|3",
      "concat ~ @(string.Join(\",\", new[] {1, 2}.Concat(new[] {3}).Append(4)) + \"|\" + new[] {5, 6, 7}.ElementAt(1)) ~ 1,2,3,4|6",
      "cast ~ @(string.Join(\",\", new object[] {1, \"a\", 2}.OfType<int>()) + \"|\" + string.Join(\",\", new object[] {\"a\", \"b\"}.Cast<string>()) + \"|\" + string.Join(\",\", new[] {\"ab\", \"cd\"}.SelectMany(s => s.ToCharArray()))) ~ 1,2|a,b|a,b,c,d",
      "todictionary ~ @(new[] {\"a\", \"bb\"}.ToDictionary(s => s, s => s.Length)[\"bb\"]) ~ 2",
  })
  void tier3(String id, String text, String expected) {
    assertThat(CsFormat.toDisplayString(ExprVectorsTest.eval(text, ResultType.ANY))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      // mcs CS0220
      "@(int.MaxValue + 1) ~ overflows at compile time",
      "@(long.MinValue - 1) ~ overflows at compile time",
      // mcs CS0156
      "@{ throw; } ~ not allowed outside of a catch clause",
      // mcs CS1955
      "@((string)context.Request.MatchedParameters(\"id\")) ~ is a property of 'IRequest' and cannot be used as a method",
      // mcs CS1503
      "@(DateTime.UtcNow.AddSeconds(\"5\")) ~ has no method 'AddSeconds'",
      "@{ int x = 1; const int y = x; return y; } ~ must be constant",
      "@{ int F() { } return F(); } ~ not all code paths return a value",
      "@(SymmetricAlgorithm.Create()) ~ parameterless SymmetricAlgorithm.Create()",
  })
  void rejected(String text, String expected) {
    Diagnostics d = new Diagnostics();
    new CSharpExpressionCompiler().compile(new ExpressionSource(text, new Position("p.xml", 1, 1), false),
        ResultType.ANY, d);
    assertThat(d.all()).anySatisfy(x -> assertThat(x.message()).contains(expected));
  }

  @Test
  void recursionIsBounded() {
    assertThatThrownBy(() -> ExprVectorsTest.eval("@{ int F(int n) { return F(n + 1); } return F(0); }",
        ResultType.ANY)).isInstanceOf(ExpressionFailure.class).hasMessageContaining("call depth");
  }

  @Test
  void wrongPaddingIsACryptographicException() {
    assertThatThrownBy(() -> ExprVectorsTest.eval("@(new byte[16].Decrypt(\"Aes\", new byte[16], new byte[16]))",
        ResultType.ANY)).isInstanceOf(ExpressionFailure.class).hasMessageContaining("Padding is invalid");
  }

  @Test
  void formsRoundTrip() {
    Map<String, String[]> form = CsFormUrlEncoded.parse("code=a%2Bb&state=x+y&code=2&empty=");
    assertThat(form.get("code")).containsExactly("a+b", "2");
    assertThat(form.get("state")).containsExactly("x y");
    assertThat(form.get("empty")).containsExactly("");
    assertThat(CsFormUrlEncoded.format(Map.of("a", new String[] {"1 2", "3"}).entrySet())).isEqualTo("a=1+2&a=3");
  }

  @Test
  void formHelpersCompile() {
    Diagnostics d = new Diagnostics();
    assertThat(new CSharpExpressionCompiler().compile(new ExpressionSource(
        "@(context.Request.Body.AsFormUrlEncodedContent(preserveContent: true)[\"code\"].Single()"
            + " + context.Request.Body.AsFormUrlEncodedContent().ToQueryString())", new Position("p.xml", 1, 1), false),
        ResultType.ANY, d)).isNotNull();
    assertThat(d.all()).isEmpty();
  }
}
