package io.gatehouse.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.engine.expr.runtime.CsFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lookups on the context collections (headers, query, variables, matched parameters), which the binder compiles to
 * direct reads of the backing collection: each keeps the C# rule of the dictionary it stands for.
 */
class ExprContextLookupTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      "header-case ~ @(context.Request.Headers.GetValueOrDefault(\"x-tenant\", \"none\")) ~ contoso",
      "header-missing ~ @(context.Request.Headers.GetValueOrDefault(\"X-Nope\", \"none\")) ~ none",
      "header-missing-null ~ @(context.Request.Headers.GetValueOrDefault(\"X-Nope\") == null) ~ True",
      "header-contains ~ @(context.Request.Headers.ContainsKey(\"ACCEPT\") + \"|\" + context.Request.Headers.ContainsKey(\"X\")) ~ True|False",
      "header-indexer ~ @(string.Join(\";\", context.Request.Headers[\"Accept\"])) ~ application/json;text/plain",
      "header-try ~ @{ string[] v; var ok = context.Request.Headers.TryGetValue(\"X-Tenant\", out v); return ok + v[0]; } ~ Truecontoso",
      "header-try-missing ~ @{ string[] v; var ok = context.Request.Headers.TryGetValue(\"X-Nope\", out v); return ok + \"|\" + (v == null); } ~ False|True",
      "query-multi ~ @(context.Request.Url.Query.GetValueOrDefault(\"tag\", \"\")) ~ a,b",
      "query-missing ~ @(context.Request.Url.Query.GetValueOrDefault(\"nope\", \"d\")) ~ d",
      "var-indexer ~ @((string)context.Variables[\"userId\"]) ~ u-123",
      "var-missing ~ @(context.Variables[\"nope\"] == null) ~ True",
      "var-typed ~ @(context.Variables.GetValueOrDefault<int>(\"retryCount\") + 1) ~ 4",
      "var-typed-missing ~ @(context.Variables.GetValueOrDefault<int>(\"nope\") + context.Variables.GetValueOrDefault<int>(\"nope\", 7)) ~ 7",
      "var-contains ~ @(context.Variables.ContainsKey(\"limit\")) ~ True",
      "matched ~ @(context.Request.MatchedParameters[\"orderId\"]) ~ 42",
      "matched-default ~ @(context.Request.MatchedParameters.GetValueOrDefault(\"x\", \"d\")) ~ d",
  })
  void lookups(String id, String text, String expected) {
    assertThat(CsFormat.toDisplayString(ExprVectorsTest.eval(text, ResultType.ANY))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
      "@(context.Request.Headers[\"X-Nope\"]) ~ KeyNotFoundException",
      "@(context.Request.MatchedParameters[\"nope\"]) ~ KeyNotFoundException",
      "@(context.Request.Headers.ContainsKey(null)) ~ ArgumentNullException",
      "@(context.Variables.GetValueOrDefault<int>(\"userId\")) ~ InvalidCastException",
  })
  void failures(String text, String exception) {
    assertThatThrownBy(() -> ExprVectorsTest.eval(text, ResultType.ANY)).isInstanceOf(ExpressionFailure.class)
        .satisfies(e -> assertThat(((ExpressionFailure) e).typeName()).isEqualTo(exception));
  }
}
