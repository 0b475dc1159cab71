package io.gatehouse.engine.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small PKI made once per test JVM with the JDK's {@code keytool} (no internal JDK classes): a root CA, a server
 * certificate for 127.0.0.1, two client certificates issued by the CA (one of them revoked by the CA's CRL) and a
 * self-signed impostor with the good client's subject. EC P-256 keys; everything valid for 30 days from now.
 */
final class TestPki {
  static final String STOREPASS = "storepass-not-secret";
  static final String CLIENT_DN = "CN=client.example, O=\"Acme, Inc\", C=US";

  private static TestPki instance;

  private final Path dir;
  final X509Certificate ca;
  final PrivateKey serverKey;
  final X509Certificate server;
  final PrivateKey clientKey;
  final X509Certificate client;
  final PrivateKey revokedKey;
  final X509Certificate revoked;
  final X509Certificate impostor;
  /** A self-signed 2048-bit RSA certificate and its key (the others are P-256 EC). */
  final PrivateKey rsaKey;
  final X509Certificate rsa;
  final X509CRL crl;

  static synchronized TestPki get() {
    if (instance == null) {
      instance = new TestPki();
    }
    return instance;
  }

  private TestPki() {
    try {
      dir = Files.createTempDirectory("gatehouse-pki");
      parallel(
          genkeypair("ca", "CN=Gatehouse Test Root CA, O=Gatehouse", "-ext", "bc:c"),
          genkeypair("server", "CN=localhost"),
          genkeypair("client", CLIENT_DN),
          genkeypair("revoked", "CN=revoked.example, O=Gatehouse"),
          genkeypair("impostor", CLIENT_DN),
          keytool("-genkeypair", "-alias", "rsa", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=rsa.example",
              "-validity", "30", "-keystore", store("rsa")));
      parallel(certreq("server"), certreq("client"), certreq("revoked"));
      parallel(
          gencert("server", "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth"),
          gencert("client", "-ext", "san=dns:client.example,dns:alt.example", "-ext", "eku=clientAuth"),
          gencert("revoked", "-ext", "eku=clientAuth"));
      ca = certificate(keyStore("ca"), "ca");
      server = readCertificate("server.cer");
      serverKey = key("server");
      client = readCertificate("client.cer");
      clientKey = key("client");
      revoked = readCertificate("revoked.cer");
      revokedKey = key("revoked");
      impostor = certificate(keyStore("impostor"), "impostor");
      rsa = certificate(keyStore("rsa"), "rsa");
      rsaKey = key("rsa");
      parallel(keytool("-gencrl", "-alias", "ca", "-keystore", store("ca"), "-file", file("ca.crl"),
          "-id", revoked.getSerialNumber() + ":1"));
      try (InputStream in = Files.newInputStream(dir.resolve("ca.crl"))) {
        crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
      }
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS#12 archive of {@code key} and {@code chain}, protected by {@code password}. */
  static byte[] pkcs12(PrivateKey key, char[] password, X509Certificate... chain) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("key", key, password, chain);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key store holding {@code certificates} as trusted entries. */
  static KeyStore trustStore(X509Certificate... certificates) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certificates.length; i++) {
        store.setCertificateEntry("trusted" + i, certificates[i]);
      }
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> genkeypair(String alias, String dname, String... extra) {
    List<String> args = keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", dname, "-validity", "30", "-keystore", store(alias));
    args.addAll(List.of(extra));
    return args;
  }

  private List<String> certreq(String alias) {
    return keytool("-certreq", "-alias", alias, "-keystore", store(alias), "-file", file(alias + ".csr"));
  }

  private List<String> gencert(String alias, String... extra) {
    List<String> args = keytool("-gencert", "-alias", "ca", "-keystore", store("ca"), "-infile",
        file(alias + ".csr"), "-outfile", file(alias + ".cer"), "-validity", "30");
    args.addAll(List.of(extra));
    return args;
  }

  private List<String> keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storepass", STOREPASS, "-storetype", "PKCS12", "-noprompt"));
    return command;
  }

  @SafeVarargs
  private void parallel(List<String>... commands) throws IOException {
    List<Process> processes = new ArrayList<>();
    for (List<String> command : commands) {
      processes.add(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start());
    }
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      try {
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("keytool failed: " + commands[i] + "\n" + output);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private String store(String alias) {
    return file(alias + ".p12");
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  private KeyStore keyStore(String alias) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(alias + ".p12"))) {
      store.load(in, STOREPASS.toCharArray());
    }
    return store;
  }

  private PrivateKey key(String alias) throws IOException, GeneralSecurityException {
    return (PrivateKey) keyStore(alias).getKey(alias, STOREPASS.toCharArray());
  }

  private static X509Certificate certificate(KeyStore store, String alias) throws GeneralSecurityException {
    return (X509Certificate) store.getCertificate(alias);
  }

  private X509Certificate readCertificate(String name) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(dir.resolve(name))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
