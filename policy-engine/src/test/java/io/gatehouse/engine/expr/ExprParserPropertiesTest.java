package io.gatehouse.engine.expr;

import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The compiler never throws on bad input: it reports diagnostics. */
class ExprParserPropertiesTest {
  private static final String[] SEEDS = {
      "@(context.Request.Headers.GetValueOrDefault(\"Authorization\", \"\").Split(' ')[1].AsJwt()?.Subject)",
      "@{ var body = context.Request.Body.As<JObject>(preserveContent: true); return (string)body[\"customer\"][\"tier\"]; }",
      "@($\"{context.Api.Name}/{context.Operation.Id}:{context.Response.StatusCode}\")",
      "@(string.Join(\";\", new[] { \"a\", \"b\", \"c\" }.Where(x => x != \"b\")))",
      "@{ int n = 0; foreach (var h in context.Request.Headers) { if (h.Key.StartsWith(\"X-\")) { n += h.Value.Length; } } return n; }",
      "@((bool)((IResponse)context.Variables[\"tokenResp\"]).Body.As<JObject>()[\"active\"] == false)",
  };

  @Provide
  Arbitrary<String> mutated() {
    return Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.integers().between(0, seed.length() - 1)
        .flatMap(at -> Arbitraries.strings().withChars("(){}[]<>\"'$@?.:;,=!&|+-*/ \\abc01")
            .ofMaxLength(3).map(ins -> {
              int end = Math.min(seed.length(), at + ins.length() % 3);
              return seed.substring(0, at) + ins + seed.substring(end);
            })));
  }

  private static void compile(String text) {
    new CSharpExpressionCompiler().compile(new ExpressionSource(text, new Position("p", 1, 1), false),
        ResultType.ANY, new Diagnostics());
  }

  @Property(tries = 500)
  void mutationsOfVectorsNeverThrow(@ForAll("mutated") String text) {
    compile(text);
  }

  @Property(tries = 500)
  void randomInputNeverThrows(@ForAll String body) {
    compile("@(" + body + ")");
    compile("@{" + body + "}");
  }
}
