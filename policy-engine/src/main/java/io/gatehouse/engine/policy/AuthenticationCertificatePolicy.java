package io.gatehouse.engine.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.api.ClientCertificate;
import io.gatehouse.engine.CertificateStore;
import io.gatehouse.engine.StoredCertificate;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlAttribute;
import io.gatehouse.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code authentication-certificate}: the backend call presents a client certificate in TLS. The certificate is the
 * gateway's certificate with that {@code thumbprint} or {@code certificate-id} (see {@link CertificateStore}), or a
 * PKCS#12 archive in {@code body} protected by {@code password}. Exactly one of the three is given.
 *
 * <p>Literal references are resolved when the gateway is built: an unknown certificate, one without private key, or
 * an unreadable literal body is a load error. Expression references are resolved per request; a miss is the error
 * {@code CertificateNotFound}, an unusable body {@code CertificateInvalid}, both answered with the generic 500.
 * DECISIONS: {@code body} may be a {@code byte[]} or Base64 text (a literal is always Base64); parsed archives of
 * expression bodies are cached ({@value #MAX_PARSED} per statement, keyed by a SHA-256 of body and password).
 * Messages never contain the password or key material.
 */
final class AuthenticationCertificatePolicy implements Step {
  static final int MAX_PARSED = 32;

  private final Value<ClientCertificate> credential;

  private AuthenticationCertificatePolicy(Value<ClientCertificate> credential) {
    this.credential = credential;
  }

  static Step compile(XmlElement element, CompileContext context) {
    List<String> given = java.util.stream.Stream.of("thumbprint", "certificate-id", "body")
        .filter(a -> element.attribute(a).isPresent()).toList();
    if (given.size() != 1) {
      context.error(element.position(),
          "'authentication-certificate' needs exactly one of 'thumbprint', 'certificate-id' or 'body'");
      return null;
    }
    if (element.attribute("password").isPresent() && !given.get(0).equals("body")) {
      context.error(element.position(), "'password' applies only to 'body'");
      return null;
    }
    Value<ClientCertificate> credential = switch (given.get(0)) {
      case "thumbprint" -> reference(element, "thumbprint", context);
      case "certificate-id" -> reference(element, "certificate-id", context);
      default -> body(element, context);
    };
    return credential == null ? null : new AuthenticationCertificatePolicy(credential);
  }

  private static Value<ClientCertificate> reference(XmlElement element, String attribute, CompileContext context) {
    Value<String> name = context.string(element, attribute, null);
    if (name == null) {
      return null;
    }
    CertificateStore store = context.compiler().certificates();
    boolean byId = attribute.equals("certificate-id");
    if (name.isConstant()) {
      String literal = name.get(null);
      Optional<StoredCertificate> found = byId ? store.byId(literal) : store.byThumbprint(literal);
      XmlAttribute a = element.attribute(attribute).orElseThrow();
      if (found.isEmpty()) {
        if (context.compiler().lenientReferences()) {
          return exchange -> null;
        }
        context.error(a.valuePosition(), "the gateway has no certificate with " + attribute + " '" + literal + "'");
        return null;
      }
      ClientCertificate c = found.get().clientCertificate();
      if (c == null) {
        context.error(a.valuePosition(), "certificate '" + found.get().id() + "' has no private key");
        return null;
      }
      return Value.constant(c);
    }
    return exchange -> {
      String key = name.get(exchange);
      Optional<StoredCertificate> found = byId ? store.byId(key) : store.byThumbprint(key);
      if (found.isEmpty()) {
        throw PolicyFailure.internal(null, "CertificateNotFound",
            "The gateway has no certificate with " + attribute + " '" + key + "'.");
      }
      if (found.get().clientCertificate() == null) {
        throw PolicyFailure.internal(null, "CertificateNotFound",
            "Certificate '" + found.get().id() + "' has no private key.");
      }
      return found.get().clientCertificate();
    };
  }

  private static Value<ClientCertificate> body(XmlElement element, CompileContext context) {
    XmlAttribute bodyAttribute = element.attribute("body").orElseThrow();
    Value<Object> body = context.anyAttribute(bodyAttribute);
    Value<String> password = context.string(element, "password", null);
    if (body == null || password == null) {
      return null;
    }
    if (body.isConstant() && password.isConstant()) {
      try {
        ClientCertificate c = parse(body.get(null), password.get(null));
        return Value.constant(c);
      } catch (IllegalArgumentException e) {
        context.error(bodyAttribute.valuePosition(), "'body' is not usable: " + e.getMessage());
        return null;
      }
    }
    Cache<String, ClientCertificate> parsed = Caffeine.newBuilder().maximumSize(MAX_PARSED).build();
    return exchange -> {
      Object bytes = body.get(exchange);
      String secret = password.get(exchange);
      try {
        byte[] archive = archive(bytes);
        return parsed.get(cacheKey(archive, secret), k -> parse(archive, secret));
      } catch (IllegalArgumentException e) {
        throw PolicyFailure.internal(null, "CertificateInvalid",
            "The certificate of authentication-certificate is not usable: " + e.getMessage());
      }
    };
  }

  private static ClientCertificate parse(Object body, String password) {
    StoredCertificate c = CertificateStore.readPkcs12("body", archive(body),
        password == null ? new char[0] : password.toCharArray());
    return c.clientCertificate();
  }

  private static byte[] archive(Object body) {
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof String text) {
      try {
        return Base64.getMimeDecoder().decode(text.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the body is neither byte[] nor Base64 text");
      }
    }
    throw new IllegalArgumentException("the body is neither byte[] nor Base64 text");
  }

  private static String cacheKey(byte[] archive, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(archive);
      sha.update((byte) 0);
      if (password != null) {
        sha.update(password.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Flow run(Exchange exchange) {
    ClientCertificate c = credential.get(exchange);
    if (c != null) {
      exchange.setBackendClientCertificate(c);
    }
    return Flow.CONTINUE;
  }
}
