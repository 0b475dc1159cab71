package io.gatehouse.engine.policy;

import io.gatehouse.engine.expr.ExpressionSource;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlAttribute;
import io.gatehouse.xml.XmlElement;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code validate-client-certificate}: the client's TLS certificate ({@code context.Request.Certificate}, with the
 * chain it presented) is valid when every enabled check passes and, if identities are listed, every attribute of at
 * least one identity matches. Checks, in order: {@code validate-not-before}/{@code validate-not-after} against the
 * engine clock; {@code validate-trust}: a PKIX path to a trusted CA of the gateway's
 * {@link io.gatehouse.engine.CertificateStore}; {@code validate-revocation}: the store's CRLs.
 *
 * <p>Failures are errors with status 403 and body message {@code Forbidden} (APIM's code is undocumented), reason
 * {@code ClientCertificateNotPresent} or {@code ClientCertificateInvalid} with the failed check in the message;
 * {@code ignore-error="true"} continues instead. DECISIONS: revocation is never checked online: a presented
 * certificate without a current CRL from its issuer in the store fails (fail closed), and so does every check when
 * no CRL is configured at all; the path is validated at the engine clock's time, except that a disabled
 * not-before/not-after check moves that time into the leaf's validity so the leaf's dates are not checked through
 * the back door (issuer dates still are). A certificate that cannot be read fails the check it breaks, never the
 * gateway.
 */
final class ValidateClientCertificatePolicy implements Step {
  private static final String[] FLAGS = {"validate-revocation", "validate-trust", "validate-not-before",
      "validate-not-after", "ignore-error"};

  private final boolean revocation;
  private final boolean trust;
  private final boolean notBefore;
  private final boolean notAfter;
  private final boolean ignoreError;
  private final List<CertificateIdentity> identities;
  private final ClientCertificateTrust trustStore;

  private ValidateClientCertificatePolicy(boolean[] flags, List<CertificateIdentity> identities,
      ClientCertificateTrust trustStore) {
    this.revocation = flags[0];
    this.trust = flags[1];
    this.notBefore = flags[2];
    this.notAfter = flags[3];
    this.ignoreError = flags[4];
    this.identities = identities;
    this.trustStore = trustStore;
  }

  static Step compile(XmlElement element, CompileContext context) {
    boolean ok = true;
    boolean[] flags = new boolean[FLAGS.length];
    for (int i = 0; i < FLAGS.length; i++) {
      XmlAttribute a = element.attribute(FLAGS[i]).orElse(null);
      flags[i] = !FLAGS[i].equals("ignore-error");
      if (a == null) {
        continue;
      }
      String v = a.value().strip().toLowerCase(Locale.ROOT);
      if (ExpressionSource.isExpression(a.value()) || !v.equals("true") && !v.equals("false")) {
        context.error(a.valuePosition(), FLAGS[i] + " must be true or false (expressions are not allowed)");
        ok = false;
      } else {
        flags[i] = v.equals("true");
      }
    }
    List<CertificateIdentity> identities = new ArrayList<>();
    for (XmlElement group : element.elements("identities")) {
      for (XmlElement child : group.elements("identity")) {
        CertificateIdentity identity = CertificateIdentity.compile(child, context);
        ok &= identity != null;
        identities.add(identity);
      }
    }
    if (!ok) {
      return null;
    }
    return new ValidateClientCertificatePolicy(flags, List.copyOf(identities),
        new ClientCertificateTrust(context.compiler().certificates()));
  }

  @Override
  public Flow run(Exchange exchange) {
    List<X509Certificate> chain = exchange.request().certificateChain();
    if (chain.isEmpty()) {
      return fail("ClientCertificateNotPresent", "Client certificate is not present.");
    }
    String problem = problem(chain, exchange.now());
    return problem == null ? Flow.CONTINUE : fail("ClientCertificateInvalid", "Client certificate is invalid: "
        + problem + ".");
  }

  private String problem(List<X509Certificate> chain, Instant now) {
    X509Certificate leaf = chain.get(0);
    Instant from;
    Instant to;
    try {
      from = leaf.getNotBefore().toInstant();
      to = leaf.getNotAfter().toInstant();
    } catch (RuntimeException e) {
      return "its validity period cannot be read";
    }
    if (notBefore && now.isBefore(from)) {
      return "it is not valid before " + from;
    }
    if (notAfter && now.isAfter(to)) {
      return "it expired at " + to;
    }
    if (trust) {
      Instant at = now.isBefore(from) ? from : now.isAfter(to) ? to : now;
      String untrusted = trustStore.trustProblem(chain, at);
      if (untrusted != null) {
        return untrusted;
      }
    }
    if (revocation) {
      String revoked = trustStore.revocationProblem(chain, now);
      if (revoked != null) {
        return revoked;
      }
    }
    if (identities.isEmpty()) {
      return null;
    }
    for (CertificateIdentity identity : identities) {
      if (identity.matches(leaf, chain, trustStore)) {
        return null;
      }
    }
    return "it matches none of the allowed identities";
  }

  private Flow fail(String reason, String message) {
    if (ignoreError) {
      return Flow.CONTINUE;
    }
    throw PolicyFailure.of(null, reason, message + " Access denied.", 403, "Forbidden");
  }
}
