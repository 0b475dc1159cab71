package io.gatehouse.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code context.Request.Certificate} with certificates made by the JDK's {@code keytool}: one valid at CTX-A's clock
 * (2024-03-05), one expired before it.
 */
class ExprCertificateTest {
  private static final String PASS = "storepass-not-secret";
  private static X509Certificate valid;
  private static X509Certificate expired;

  @BeforeAll
  static void makeCertificates(@TempDir Path dir) throws Exception {
    valid = selfSigned(dir, "valid", "CN=client.example, O=\"Acme, Inc\", ST=Wash, C=US", "2024/03/01 00:00:00", 30);
    expired = selfSigned(dir, "expired", "CN=old.example", "2023/01/01 00:00:00", 30);
  }

  private static X509Certificate selfSigned(Path dir, String alias, String dname, String start, int days)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = dir.resolve(alias + ".p12");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
            .toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
        "-startdate", start, "-validity", Integer.toString(days), "-storetype", "PKCS12", "-keystore",
        store.toString(), "-storepass", PASS, "-keypass", PASS));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASS.toCharArray());
    }
    return (X509Certificate) ks.getCertificate(alias);
  }

  private static String eval(String text, X509Certificate certificate) {
    Diagnostics d = new Diagnostics();
    CompiledExpression e = new CSharpExpressionCompiler()
        .compile(new ExpressionSource(text, new Position("p.xml", 1, 1), false), ResultType.ANY, d);
    assertThat(d.all()).as(text).isEmpty();
    CtxA ctx = new CtxA();
    ctx.certificate = certificate;
    return CsFormat.toDisplayString(e.evaluate(ctx));
  }

  @Test
  void thumbprintIsUpperCaseSha1() throws Exception {
    String sha1 = HexFormat.of().withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-1").digest(valid.getEncoded()));
    assertThat(eval("@(context.Request.Certificate.Thumbprint)", valid)).isEqualTo(sha1).hasSize(40);
    assertThat(eval("@(context.Request.Certificate.GetCertHashString())", valid)).isEqualTo(sha1);
  }

  @Test
  void namesAreFormattedAsDotNet() {
    String dn = "CN=client.example, O=\"Acme, Inc\", S=Wash, C=US";
    assertThat(eval("@(context.Request.Certificate.Subject)", valid)).isEqualTo(dn);
    assertThat(eval("@(context.Request.Certificate.SubjectName.Name)", valid)).isEqualTo(dn);
    assertThat(eval("@(context.Request.Certificate.Issuer == context.Request.Certificate.Subject)", valid))
        .isEqualTo("True");
  }

  @Test
  void datesAndSerial() {
    assertThat(eval("@(context.Request.Certificate.NotBefore.ToString(\"yyyy-MM-dd HH:mm:ss\") + \"|\""
        + " + context.Request.Certificate.NotAfter.ToString(\"yyyy-MM-dd\"))", valid))
        .isEqualTo("2024-03-01 00:00:00|2024-03-31");
    assertThat(eval("@(context.Request.Certificate.NotAfter > DateTime.UtcNow)", valid)).isEqualTo("True");
    assertThat(eval("@(context.Request.Certificate.SerialNumber)", valid))
        .isEqualTo(HexFormat.of().withUpperCase().formatHex(valid.getSerialNumber().toByteArray()));
  }

  @Test
  void verifyChecksValidityAtTheEngineClock() {
    String both = "@(context.Request.Certificate.Verify() + \"|\" + context.Request.Certificate.VerifyNoRevocation())";
    assertThat(eval(both, valid)).isEqualTo("True|True");
    assertThat(eval(both, expired)).isEqualTo("False|False");
  }

  @Test
  void absentCertificateIsNull() {
    assertThat(eval("@(context.Request.Certificate == null)", null)).isEqualTo("True");
    assertThat(eval("@(context.Request.Certificate?.Thumbprint ?? \"none\")", null)).isEqualTo("none");
    assertThat(eval("@{ X509Certificate2 c = context.Request.Certificate; return c != null && c.Verify(); }", null))
        .isEqualTo("False");
  }
}
