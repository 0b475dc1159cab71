package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @Test
  void printsValueAndType() {
    Cli r = Cli.run("eval", "@(7 / 2)");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("3 (System.Int32)\n");
    assertThat(Cli.run("eval", "\"a\" + true").out()).isEqualTo("aTrue (System.String)\n");
    assertThat(Cli.run("eval", "@(7 / 2 * 1.0)").out()).isEqualTo("3 (System.Double)\n");
  }

  @Test
  void usesTheContextFile(@TempDir Path dir) throws IOException {
    Path ctx = dir.resolve("ctx.json");
    Files.writeString(ctx, "{\"request\": {\"method\": \"POST\", \"url\": \"https://gw.test/a?x=1\", "
        + "\"headers\": {\"X-Tenant\": \"contoso\"}}, \"variables\": {\"n\": 3}, \"clock\": \"2024-03-05T07:08:09Z\"}");
    assertThat(Cli.run("eval", "@(context.Request.Headers.GetValueOrDefault(\"X-Tenant\", \"\") + "
        + "context.Variables.GetValueOrDefault<int>(\"n\"))", "--context", ctx.toString()).out())
        .isEqualTo("contoso3 (System.String)\n");
    assertThat(Cli.run("eval", "@(DateTime.UtcNow.ToString(\"s\"))", "--context", ctx.toString()).out())
        .isEqualTo("2024-03-05T07:08:09 (System.String)\n");
  }

  @Test
  void compileAndRuntimeErrorsExit1() {
    Cli syntax = Cli.run("eval", "@(1 +)");
    assertThat(syntax.exit()).isEqualTo(1);
    assertThat(syntax.err()).startsWith("<eval>:1:");
    Cli runtime = Cli.run("eval", "@(int.Parse(\"x\"))");
    assertThat(runtime.exit()).isEqualTo(1);
    assertThat(runtime.err()).startsWith("FormatException: ");
    assertThat(Cli.run("eval").exit()).isEqualTo(2);
  }
}
